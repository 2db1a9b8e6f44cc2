import { expect as baseExpect, type Page, test } from '@playwright/test';
import { apiSession } from './api-session.ts';
import { signIn, signInAsAdmin } from './sign-in.ts';

// Each test signs in as the person it is about; the database is fresh for the run (the demo organisation).
// The machine running these is shared and often busy: pages have taken longer than the default waits
// to render (the channel page has a form row per planned time, fifteen for the demo channel).
test.describe.configure({ mode: 'serial', timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const companyTable = (page: Page) => page.getByRole('region', { name: 'Unternehmenskanäle' });

test('an admin connects a sandbox company channel with a team, and it is listed as active', async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Kanäle' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kanäle' })).toBeVisible();
  await expect(companyTable(page).getByRole('link', { name: 'Beispiel GmbH' })).toBeVisible();

  await page.getByRole('button', { name: 'Kanal verbinden' }).click();
  const dialog = page.getByRole('dialog', { name: 'Kanal verbinden' });
  await expect(dialog.getByRole('radio', { name: 'Sandbox' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Das des Unternehmens/ })).toBeChecked();
  await dialog.getByLabel('Name', { exact: true }).fill('Beispiel Presse');
  // The form answers a handle the server would refuse before sending it.
  await dialog.getByLabel('Name in der Sandbox (Handle)').fill('Presse!');
  await dialog.getByRole('button', { name: 'Verbinden' }).click();
  await expect(dialog.getByText('Nur a–z, 0–9 und _, 2 bis 30 Zeichen.')).toBeVisible();
  await dialog.getByLabel('Name in der Sandbox (Handle)').fill('beispiel_presse');
  await dialog.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'Emil Redakteur' }).click();
  await dialog.getByRole('button', { name: 'Verbinden' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Kanal Beispiel Presse verbunden.')).toBeVisible();

  const row = companyTable(page).getByRole('row', { name: /Beispiel Presse/ });
  await expect(row).toContainText('Sandbox');
  await expect(row.getByRole('link', { name: '@beispiel_presse' })).toBeVisible();
  await expect(row).toContainText('Aktiv');
  await expect(row).toContainText('Bisher kein Fehler');
  // The one connecting it is always in the team, besides whoever was chosen.
  await expect(row).toContainText('Anton Admin');
  await expect(row).toContainText('Emil Redakteur');

  // The same handle twice is refused by the sandbox, and the message stands next to the field.
  await page.getByRole('button', { name: 'Kanal verbinden' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill('Noch einmal');
  await dialog.getByLabel('Name in der Sandbox (Handle)').fill('beispiel_presse');
  await dialog.getByRole('button', { name: 'Verbinden' }).click();
  await expect(dialog.getByText('Im Sandbox-Netzwerk gibt es @beispiel_presse schon.')).toBeVisible();
});

test('the sandbox page shows the seeded account; a simulated visitor’s post is plain text and can be liked', async ({
  page,
}) => {
  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  await page.goto('/channels');
  await companyTable(page).getByRole('link', { name: '@beispiel', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox-Netzwerk' })).toBeVisible();
  const accounts = page.getByRole('table', { name: 'Konten' });
  const seeded = accounts.getByRole('row', { name: /@beispiel\b/ }).first();
  await expect(seeded).toContainText('Beispiel GmbH');
  await expect(page.getByRole('heading', { level: 2, name: '@beispiel · Beispiel GmbH' })).toBeVisible();

  const markup = '<b>Gibt es das Produkt auch in Blau?</b>';
  await page.getByLabel('Was die Besucherin schreibt').fill(markup);
  await page.getByRole('button', { name: 'Erwähnung senden' }).click();
  await expect(page.getByText('Die Besucherin hat an @beispiel geschrieben.')).toBeVisible();

  await accounts.getByRole('link', { name: '@besucherin' }).click();
  const post = page.getByRole('article').first();
  // Shown exactly as written, tags included: nothing from a post is rendered as HTML.
  await expect(post).toContainText(`@beispiel ${markup}`);
  await expect(post.locator('b')).toHaveCount(0);
  await expect(post.getByTestId('metric-likes')).toHaveText('0');
  await post.getByRole('button', { name: 'Liken' }).click();
  await expect(post.getByTestId('metric-likes')).toHaveText('1');
});

test('a manager changes a time of the posting plan, and it stays saved', async ({ page }) => {
  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  await page.goto('/channels');
  await companyTable(page).getByRole('link', { name: 'Beispiel GmbH' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beispiel GmbH' })).toBeVisible();
  const weekday = page.getByRole('combobox', { name: 'Wochentag von Zeit 1', exact: true });
  await expect(weekday.locator('option:checked')).toHaveText('Montag');
  await expect(page.getByLabel('Zeit 1', { exact: true })).toHaveValue('09:00');

  await page.getByLabel('Zeit 1', { exact: true }).fill('08:45');
  await page.getByRole('button', { name: 'Posting-Plan speichern' }).click();
  await expect(page.getByText('Posting-Plan gespeichert.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Zeit 1', { exact: true })).toHaveValue('08:45');
  await expect(page.getByLabel('Zeit 2', { exact: true })).toHaveValue('12:30');
});

test('a viewer sees the channels but cannot connect or change one', async ({ page }) => {
  await signIn(page, 'viewer@beispiel.example', 'Vera Leser');
  await page.goto('/channels');
  await expect(companyTable(page).getByRole('link', { name: 'Beispiel GmbH' })).toBeVisible();
  await expect(companyTable(page).getByRole('row', { name: /Beispiel GmbH/ })).toContainText('Nein');
  await expect(page.getByRole('button', { name: 'Kanal verbinden' })).toHaveCount(0);

  await companyTable(page).getByRole('link', { name: 'Beispiel GmbH' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beispiel GmbH' })).toBeVisible();
  await expect(page.getByText('Montag, 08:45 Uhr')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Posting-Plan speichern' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Kanal entfernen' })).toHaveCount(0);
});

test('the bell counts a mention, links to the post and marks it read', async ({ page, baseURL }) => {
  // The demo's own posts have told the manager things already: start from a read inbox.
  const managerApi = await apiSession(baseURL!, 'manager@beispiel.example');
  await managerApi.call('POST', '/notifications/read-all');
  await managerApi.dispose();
  await signInAsAdmin(page);
  // A comment that mentions the manager is the quickest way to a notification; the composer is elsewhere.
  const csrf = (await page.context().cookies()).find((c) => c.name === 'chorus_csrf')?.value ?? '';
  const headers = { 'x-csrf-token': csrf };
  const users = (await (await page.request.get('/api/v1/users?q=manager@beispiel.example')).json()) as {
    items: { id: string }[];
  };
  const managerId = users.items[0]?.id ?? '';
  const created = await page.request.post('/api/v1/posts', {
    headers,
    data: { baseText: 'Entwurf zur Messe' },
  });
  expect(created.status()).toBe(201);
  const post = (await created.json()) as { id: string };
  const commented = await page.request.post(`/api/v1/posts/${post.id}/comments`, {
    headers,
    data: { body: 'Bitte einmal ansehen', mentionIds: [managerId] },
  });
  expect(commented.ok()).toBe(true);
  await page.context().clearCookies();

  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  await page.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }).click();
  const popover = page.getByRole('dialog', { name: 'Benachrichtigungen' });
  await expect(popover).toContainText(
    'Anton Admin hat Sie in einem Kommentar erwähnt: „Bitte einmal ansehen“',
  );
  await popover.getByText(/Anton Admin hat Sie/).click();
  await expect(page).toHaveURL(new RegExp(`/publishing/posts/${post.id}$`));
  await expect(page.getByRole('button', { name: 'Benachrichtigungen', exact: true })).toBeVisible();
});
