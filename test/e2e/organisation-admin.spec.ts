import { expect, type Page, test } from '@playwright/test';
import { signInAsAdmin } from './sign-in.ts';

// The steps build on each other: the audit log at the end shows what the earlier tests did.
test.describe.configure({ mode: 'serial' });

const DEPARTMENT = 'Nachhaltigkeit';

async function chooseOption(page: Page, combobox: string, search: string, option: string) {
  const input = page.getByRole('combobox', { name: combobox });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an admin changes the default time zone of the organisation', async ({ page }) => {
  await signInAsAdmin(page);
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Einstellungen der Organisation' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen der Organisation' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Standard-Zeitzone' })).toHaveValue('Europe/Berlin');

  await chooseOption(page, 'Standard-Zeitzone', 'Vienna', 'Europe/Vienna');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Einstellungen der Organisation gespeichert.')).toBeVisible();

  // Saved on the server, not only in the form.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Standard-Zeitzone' })).toHaveValue('Europe/Vienna');
});

test('deleting a department says what happens to its members', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/organisation/departments');

  // A department with a member: the dialog says so, and cancelling keeps it.
  await page.getByRole('button', { name: 'Service löschen' }).click();
  const confirmService = page.getByRole('dialog', { name: 'Abteilung Service löschen?' });
  await expect(confirmService).toContainText(
    'Service hat 1 Mitglied. Das Konto bleibt bestehen, nur ohne Abteilung',
  );
  await confirmService.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(confirmService).toBeHidden();
  await expect(page.getByRole('rowheader', { name: 'Service', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Neue Abteilung' }).click();
  const create = page.getByRole('dialog', { name: 'Neue Abteilung' });
  await create.getByLabel('Name').fill(DEPARTMENT);
  await create.getByRole('button', { name: 'Neue Abteilung' }).click();
  await expect(create).toBeHidden();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: DEPARTMENT }) });
  await expect(row).toContainText('0');

  await row.getByRole('button', { name: `${DEPARTMENT} löschen` }).click();
  const confirm = page.getByRole('dialog', { name: `Abteilung ${DEPARTMENT} löschen?` });
  await expect(confirm).toContainText(`${DEPARTMENT} hat keine Mitglieder.`);
  await confirm.getByRole('button', { name: 'Abteilung löschen' }).click();
  await expect(page.getByText(`Abteilung ${DEPARTMENT} gelöscht.`)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: DEPARTMENT })).toHaveCount(0);
});

test('the audit log names these actions in German', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/organisation/audit');

  const settingsRow = page.getByRole('row').filter({ hasText: 'Einstellungen der Organisation geändert' });
  await expect(settingsRow.first()).toContainText('Beispiel GmbH');
  const created = page.getByRole('row').filter({ hasText: 'Abteilung angelegt' }).first();
  await expect(created).toContainText(DEPARTMENT);
  const deleted = page.getByRole('row').filter({ hasText: 'Abteilung gelöscht' }).first();
  await expect(deleted).toContainText(DEPARTMENT);
  await expect(deleted).toContainText('Anton Admin');
  // The code and the ids are in the details, not in the row.
  await expect(deleted).not.toContainText('department.deleted');
  await deleted.getByRole('button', { name: /^Details zu Eintrag/ }).click();
  await expect(page.getByText('Aktionscode: department.deleted')).toBeVisible();

  // The action filter offers the same names.
  await chooseOption(page, 'Aktion', 'gelöscht', 'Abteilung gelöscht');
  await expect(page.getByText('1 Eintrag angezeigt')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Abteilung angelegt' })).toHaveCount(0);
});

test('an invited user gets a new invitation link, and the old one stops working', async ({
  page,
  browser,
}) => {
  await signInAsAdmin(page);
  await page.goto('/organisation/users');
  await page.getByRole('button', { name: 'Benutzer einladen' }).click();
  const invite = page.getByRole('dialog', { name: 'Benutzer einladen' });
  await invite.getByLabel('Name').fill('Rita Rückkehr');
  await invite.getByLabel('E-Mail').fill('rita@beispiel.example');
  // The organisation's default language is preselected.
  await expect(invite.getByRole('combobox', { name: 'Sprache' })).toHaveValue('Deutsch');
  await invite.getByRole('combobox', { name: 'Sprache' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await invite.getByRole('button', { name: 'Einladung senden' }).click();
  const firstLink = await invite.getByRole('textbox', { name: 'Einladungslink' }).inputValue();
  await page.keyboard.press('Escape');

  const row = page.getByRole('row').filter({ hasText: 'rita@beispiel.example' });
  // At 1280 px the status used to be cut to "EI…".
  const badge = row.getByText('Eingeladen', { exact: true });
  await expect(badge).toBeVisible();
  expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  await row.getByRole('button', { name: 'Neuer Einladungslink für Rita Rückkehr' }).click();
  const renew = page.getByRole('dialog', { name: 'Neuer Einladungslink für Rita Rückkehr' });
  await expect(renew).toContainText('Früher gesendete Links funktionieren dann nicht mehr.');
  await renew.getByRole('button', { name: 'Neuen Link senden' }).click();
  const newLink = renew.getByRole('textbox', { name: 'Einladungslink' });
  await expect(newLink).toHaveValue(/\/invite\//);
  const secondLink = await newLink.inputValue();
  expect(secondLink).not.toBe(firstLink);

  // Someone with the links and no session: only the new one opens the invitation.
  const guest = await browser.newPage({ locale: 'de-DE' });
  await guest.goto(firstLink);
  await expect(guest.getByText('Diese Einladung kann nicht verwendet werden')).toBeVisible();
  await guest.goto(secondLink);
  await expect(guest.getByText(/Willkommen, Rita Rückkehr!/)).toBeVisible();
  await guest.close();
});
