import { expect, test } from '@playwright/test';
import { signInAsAdmin } from './sign-in.ts';

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-Mail').fill('admin@beispiel.example');
  await page.getByLabel('Passwort', { exact: true }).fill('falsches passwort');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByText('E-Mail-Adresse oder Passwort ist falsch.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('signs in, shows all twelve areas, and switches the language', async ({ page }) => {
  await signInAsAdmin(page);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  for (const area of [
    'Organisation & Zugang',
    'Kanäle',
    'Veröffentlichen',
    'Governance',
    'Posteingang',
    'Listening',
    'Anfragen',
    'Redaktionsplanung',
    'Employee Advocacy',
    'Social Wall',
    'Krisenmodus',
    'Integrationen & Analysen',
  ]) {
    await expect(nav.getByRole('link', { name: area, exact: true })).toBeVisible();
  }
  // An area that is not built yet says so plainly.
  await nav.getByRole('link', { name: 'Posteingang', exact: true }).click();
  await expect(
    page.getByText('Dieser Bereich ist in dieser Version von Chorus noch nicht verfügbar.'),
  ).toBeVisible();

  await page.getByRole('radiogroup', { name: 'Sprache' }).getByText('English').click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByText('This area is not available yet in this version of Chorus.')).toBeVisible();
  // The choice is saved to the profile: it survives a reload.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('Deutsch').click();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
});

test('invites a user and finds the invitation in the audit log', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/organisation/users');
  await page.getByRole('button', { name: 'Benutzer einladen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Benutzer einladen' });
  await dialog.getByLabel('Name').fill('Paula Praktikantin');
  await dialog.getByLabel('E-Mail').fill('paula@beispiel.example');
  await dialog.getByRole('combobox', { name: 'Rolle' }).click();
  await page.getByRole('option', { name: 'Redakteur' }).click();
  await dialog.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(dialog.getByText('Paula Praktikantin wurde eingeladen')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Einladungslink' })).toHaveValue(/\/invite\//);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('cell', { name: 'paula@beispiel.example' })).toBeVisible();

  await page.goto('/organisation/audit');
  const row = page.getByRole('row').filter({ hasText: 'Benutzer eingeladen' }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('Anton Admin');
  await expect(row).toContainText('Paula Praktikantin');
});
