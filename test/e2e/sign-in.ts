import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../../playwright.config.ts';

/** Signs in one of the demo people through the sign-in page (German, as the browser prefers). */
export async function signIn(page: Page, email: string, name: string): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Willkommen, ${name}` })).toBeVisible();
}

export const signInAsAdmin = (page: Page) => signIn(page, 'admin@beispiel.example', 'Anton Admin');
