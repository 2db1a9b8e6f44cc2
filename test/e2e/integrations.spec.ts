import { expect, test } from '@playwright/test';
import { signInAsAdmin } from './sign-in.ts';

test('an admin adds a webhook, copies its secret once, sends a test event and removes it again', async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto('/integrations');
  await expect(page.getByRole('heading', { level: 1, name: 'Integrationen' })).toBeVisible();

  await page.getByRole('button', { name: 'Webhook hinzufügen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Webhook hinzufügen' });
  await dialog.getByLabel('Name').fill('E2E Ticketsystem');
  await dialog.getByLabel('URL').fill('https://tickets.example.invalid/hook');
  await dialog.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(dialog.getByText('Schlüssel jetzt kopieren')).toBeVisible();
  await expect(dialog.getByLabel('Signaturschlüssel')).toHaveValue(/^whsec_/);
  await dialog.getByRole('button', { name: 'Fertig' }).click();

  await page.getByRole('link', { name: 'E2E Ticketsystem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'E2E Ticketsystem' })).toBeVisible();
  await expect(page.getByText('Noch nichts zugestellt.')).toBeVisible();
  await page.getByRole('button', { name: 'Testereignis senden' }).click();
  // The delivery appears (the host does not resolve, so it waits for a retry or has failed).
  await expect(page.getByRole('cell', { name: 'Testereignis' })).toBeVisible();

  await page.getByRole('button', { name: 'Entfernen' }).click();
  await page
    .getByRole('dialog', { name: 'Diesen Webhook entfernen?' })
    .getByRole('button', { name: 'Webhook entfernen' })
    .click();
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(page.getByText('Noch keine Webhooks.')).toBeVisible();
});
