import { expect, test } from '@playwright/test';
import { signInAsAdmin } from './sign-in.ts';

// No identity provider runs here: the full round trip is covered by the server's integration tests.
// These check what a person sees around it.

test('an admin finds the callback URL and sees why an unreachable issuer is refused', async ({
  page,
  baseURL,
}) => {
  await signInAsAdmin(page);
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Single Sign-on' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Single Sign-on' })).toBeVisible();
  await expect(page.getByText('Nicht eingerichtet')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Weiterleitungs-URI (Callback-URL)' })).toHaveValue(
    `${baseURL}/api/v1/auth/sso/callback`,
  );
  await expect(page.getByText('openid email profile')).toBeVisible();

  // Checked before anything is sent, so the admin learns about a missing domain without waiting.
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Geben Sie mindestens eine Domain an.')).toBeVisible();

  // Port 9 (discard) on this machine: nothing listens there, so the provider cannot be reached.
  await page.getByRole('textbox', { name: 'Aussteller-URL (Issuer)' }).fill('http://127.0.0.1:9/');
  await page.getByRole('textbox', { name: 'Client-ID' }).fill('chorus');
  await page.getByLabel('Client-Geheimnis').fill('geheim');
  const domains = page.getByRole('combobox', { name: 'E-Mail-Domains' });
  await domains.fill('@Firma.example');
  await domains.press('Enter');
  // Written the way the server stores it.
  await expect(page.getByText('firma.example', { exact: true })).toBeVisible();
  await page.getByRole('switch', { name: 'Konten für unbekannte Personen anlegen' }).check();
  await page.getByRole('button', { name: 'Speichern' }).click();

  await expect(page.getByRole('textbox', { name: 'Aussteller-URL (Issuer)' })).toHaveAccessibleDescription(
    /Der Anmeldedienst http:\/\/127\.0\.0\.1:9\/ antwortet nicht/,
  );
  // Nothing was saved.
  await page.reload();
  await expect(page.getByText('Nicht eingerichtet')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Aussteller-URL (Issuer)' })).toHaveValue('');
});

test('the sign-in page explains why single sign-on failed', async ({ page }) => {
  await page.goto('/sign-in?sso_error=sso_state_mismatch');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Anmeldung mit Single Sign-on fehlgeschlagen');
  await expect(alert).toContainText(
    'Die Antwort des Anmeldedienstes gehört nicht zu dieser Anmeldung. Bitte beginnen Sie die Anmeldung erneut.',
  );
  await expect(page.getByRole('button', { name: 'Mit Single Sign-on anmelden' })).toBeVisible();

  // A code this page does not know still gets a sentence, never raw text from the address.
  await page.goto('/sign-in?sso_error=%3Cb%3Ehallo%3C%2Fb%3E');
  await expect(page.getByRole('alert')).toHaveText(/Die Anmeldung mit Single Sign-on hat nicht geklappt\./);
  await expect(page.getByRole('alert')).not.toContainText('hallo');
});

test('single sign-on asks for the e-mail address and says when its domain has none', async ({ page }) => {
  await page.goto('/sign-in');
  const sso = page.getByRole('button', { name: 'Mit Single Sign-on anmelden' });
  await sso.click();
  await expect(page.getByText('Geben Sie Ihre E-Mail-Adresse ein')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'E-Mail' })).toBeFocused();

  await page.getByRole('textbox', { name: 'E-Mail' }).fill('jemand@ohne-sso.example');
  await sso.click();
  await expect(page.getByRole('alert')).toContainText(
    'Für diese E-Mail-Adresse ist kein Single Sign-on eingerichtet.',
  );
  await expect(page).toHaveURL(/\/sign-in$/);
});
