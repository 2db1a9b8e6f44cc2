import { expect, type Page, test } from '@playwright/test';
import { apiSession } from './api-session.ts';
import { signIn } from './sign-in.ts';

// The editor (Personal/HR) writes; the manager approves and publishes. Nothing here depends on whether the
// editor has acknowledged the guideline yet, so the spec runs alone or after the governance spec.
test.describe.configure({ mode: 'serial' });

const IBAN = 'DE89 3704 0044 0532 0130 00';

async function newPost(page: Page) {
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Veröffentlichen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beiträge' })).toBeVisible();
  await page.getByRole('link', { name: 'Neuer Beitrag' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neuer Beitrag' })).toBeVisible();
}

/** Reloads the composer; on a shared, busy machine a full load may take longer than the usual ten seconds. */
async function reloadComposer(p: Page) {
  await p.reload();
  await expect(p.getByLabel('Beitragstext', { exact: true })).toBeVisible({ timeout: 30_000 });
}

test('an IBAN in the composer is flagged with its explanation, and the post cannot go out', async ({
  page,
}) => {
  await signIn(page, 'editor@beispiel.example', 'Emil Redakteur');
  await newPost(page);
  await page.getByRole('checkbox', { name: /^Beispiel GmbH/ }).check();
  await page
    .getByLabel('Beitragstext', { exact: true })
    .fill(`Spenden Sie für das Sommerfest an ${IBAN}, danke!`);

  const findings = page.getByRole('list', { name: 'Hinweise' });
  await expect(findings).toContainText('IBAN');
  await expect(findings).toContainText('Blockiert');
  await expect(findings).toContainText('IBANs von Kunden und Beschäftigten sind vertraulich');
  await expect(findings.getByRole('link', { name: 'Bankverbindungen' })).toBeVisible();
  await expect(page.getByTestId('highlighted-text').locator('mark')).toContainText(IBAN);

  // Saved as a draft on the way, with its own address.
  await expect(page).toHaveURL(/\/publishing\/posts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('save-status')).toHaveText('Alle Änderungen gespeichert.');
  const submit = page.getByRole('button', { name: 'Zur Freigabe einreichen' });
  await expect(submit).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Jetzt veröffentlichen' })).toBeDisabled();
  await expect(page.getByTestId('schedule-blocked')).toHaveText(
    'Durch die Richtlinien gesperrt: Ändern Sie den Text.',
  );

  // Without the IBAN only a warning is left (HR posts want their campaign hashtag): it may be sent for approval.
  await page.getByLabel('Beitragstext', { exact: true }).fill('Spenden Sie für das Sommerfest, danke!');
  await expect(findings).not.toContainText('IBAN');
  await expect(findings).toContainText('Warnung');
  await expect(submit).toBeEnabled();
});

test('a post for two company channels is approved by the manager and published on both', async ({
  page,
  browser,
}) => {
  // Two people, an approval and a real send through the job queue on a shared two-core machine.
  test.setTimeout(240_000);
  const tag = `${Date.now()}`;
  // 👩‍💻 is one character to a reader and to the networks, though five code points to JavaScript.
  const text = `${tag}: Wir suchen Verstärkung 👩‍💻 in der Ausbildung. Bewerben Sie sich! #BeispielKarriere`;
  const graphemes = [...new Intl.Segmenter('de', { granularity: 'grapheme' }).segment(text)].length;
  expect(graphemes).toBeLessThan(text.length);

  await signIn(page, 'editor@beispiel.example', 'Emil Redakteur');
  await newPost(page);
  await page.getByLabel('Beitragstext', { exact: true }).fill(text);
  await page.getByRole('checkbox', { name: /^Beispiel GmbH/ }).check();
  await page.getByRole('checkbox', { name: /^Beispiel Karriere/ }).check();
  await expect(page.getByRole('combobox', { name: 'Abteilung' })).toHaveValue('Personal (HR)');

  for (const channel of ['Beispiel GmbH', 'Beispiel Karriere'])
    await expect(page.getByLabel(`Zeichen für ${channel}: ${graphemes} von 500`)).toBeVisible();
  // A text of its own for the careers channel is counted on its own, and shown in its preview.
  const careers = page.getByRole('region', { name: 'Beispiel Karriere' });
  await careers.getByLabel('Beitragstext auf Beispiel Karriere verwenden').uncheck();
  const own = `${text} Mehr unter https://beispiel.example/karriere`;
  await careers.getByLabel('Text für Beispiel Karriere').fill(own);
  const ownCount = [...new Intl.Segmenter('de', { granularity: 'grapheme' }).segment(own)].length;
  await expect(page.getByLabel(`Zeichen für Beispiel Karriere: ${ownCount} von 500`)).toBeVisible();
  await expect(page.getByLabel(`Zeichen für Beispiel GmbH: ${graphemes} von 500`)).toBeVisible();
  await expect(careers.getByRole('figure', { name: 'Vorschau auf Beispiel Karriere' })).toContainText(
    'Mehr unter https://beispiel.example/karriere',
  );

  // The HR rules want the campaign hashtag on company posts: it is there, so nothing warns.
  await expect(page.getByRole('region', { name: /^Richtlinien: Beispiel GmbH/ })).toContainText(
    'Keine Hinweise',
  );
  await expect(page.getByTestId('save-status')).toHaveText('Alle Änderungen gespeichert.');
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByText('Zur Freigabe eingereicht.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zur Freigabe einreichen' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: /^Schritte von/ })).toContainText('0 von 1');
  const postUrl = page.url();

  // The manager, in a browser of her own, finds it waiting and approves it.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, 'manager@beispiel.example', 'Sophie Social');
  await manager.goto('/publishing');
  await manager.getByLabel('Wartet auf meine Freigabe').check();
  await manager.getByRole('link', { name: new RegExp(`^${tag}: Wir suchen`) }).click();
  await expect(manager).toHaveURL(postUrl);
  await manager.getByLabel('Kommentar für die Autorin oder den Autor').fill('Passt, danke!');
  await manager.getByRole('button', { name: 'Freigeben' }).click();
  await expect(manager.getByText('Freigegeben.', { exact: true })).toBeVisible();
  await expect(manager.getByRole('list', { name: /^Schritte von/ })).toContainText('1 von 1');
  await expect(manager.getByRole('list', { name: 'Entscheidungen zu dieser Version' })).toContainText(
    'Freigegeben von Sophie Social',
  );

  // The author sees the decision too.
  await reloadComposer(page);
  await expect(page.getByRole('list', { name: 'Entscheidungen zu dieser Version' })).toContainText(
    'Freigegeben von Sophie Social',
  );

  // The manager publishes now; both channels end up published, each with a link to the post.
  await manager.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
  for (const channel of ['Beispiel GmbH', 'Beispiel Karriere']) {
    const result = manager.getByRole('article', { name: channel });
    await expect(result.locator('[data-state]')).toHaveAttribute('data-state', 'published', {
      timeout: 90_000,
    });
    await expect(result.getByRole('link', { name: `Auf ${channel} ansehen` })).toHaveAttribute(
      'href',
      /^http/,
    );
  }
  await expect(manager.getByRole('region', { name: 'Verlauf' })).toContainText('Veröffentlicht');
  await managerContext.close();

  // The editor sees the outcome too, and the list shows the post as published.
  await reloadComposer(page);
  await expect(page.getByRole('article', { name: 'Beispiel GmbH' }).locator('[data-state]')).toHaveAttribute(
    'data-state',
    'published',
  );
  await page.goto('/publishing');
  const row = page.getByRole('row', { name: new RegExp(tag) });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'published');
  await expect(row).toContainText('Beispiel GmbH, Beispiel Karriere');
});

test('when a colleague saved a newer version, the autosave keeps the user’s text and lets them choose', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const base = page.getByLabel('Beitragstext', { exact: true });
  await signIn(page, 'editor@beispiel.example', 'Emil Redakteur');
  await newPost(page);
  await base.fill('Tag der offenen Tür am Samstag #BeispielKarriere');
  await page.getByRole('checkbox', { name: /^Beispiel GmbH/ }).check();
  await expect(page.getByTestId('save-status')).toHaveText('Alle Änderungen gespeichert.');
  await expect(page).toHaveURL(/\/publishing\/posts\/[0-9a-f-]{36}$/);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, 'manager@beispiel.example', 'Sophie Social');
  await other.goto(page.url());
  await other
    .getByLabel('Beitragstext', { exact: true })
    .fill('Tag der offenen Tür am Sonntag #BeispielKarriere');
  await expect(other.getByTestId('save-status')).toHaveText('Alle Änderungen gespeichert.');
  await otherContext.close();

  const mine = 'Tag der offenen Tür am Samstag ab 10 Uhr #BeispielKarriere';
  await base.fill(mine);
  const conflict = page.getByRole('alert').filter({ hasText: 'Jemand anderes hat den Beitrag geändert' });
  await expect(conflict).toContainText('Ihr Text ist noch hier und nicht gespeichert.');
  await expect(base).toHaveValue(mine);

  await conflict.getByRole('button', { name: 'Meinen Text behalten' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('Alle Änderungen gespeichert.');
  await reloadComposer(page);
  await expect(base).toHaveValue(mine);
  await expect(page.getByRole('region', { name: 'Verlauf' })).toContainText('Sophie Social');
});

test('a manager publishes despite a guideline warning with a written reason; compliance finds it for review', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const tag = `Ausnahme ${Date.now()}`;
  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  await newPost(page);
  // An HR company post without the campaign hashtag: the demo policy warns.
  await page
    .getByLabel('Beitragstext', { exact: true })
    .fill(`${tag}: Unser Azubi-Tag am Samstag – kommt vorbei!`);
  await page.getByRole('checkbox', { name: /^Beispiel Karriere/ }).check();
  await page.getByRole('combobox', { name: 'Abteilung' }).click();
  await page.getByRole('option', { name: 'Personal (HR)' }).click();
  await expect(page.getByRole('region', { name: /^Richtlinien: Beispiel Karriere/ })).toContainText(
    'Warnung',
    {
      timeout: 30_000,
    },
  );
  await expect(page.getByTestId('save-status')).toHaveText('Alle Änderungen gespeichert.', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByText('Zur Freigabe eingereicht.')).toBeVisible({ timeout: 30_000 });

  // The admin approves (the demo workflow does not let the author approve her own post).
  const postId = page.url().split('/').pop()!;
  const admin = await apiSession(baseURL!, 'admin@beispiel.example');
  await admin.call('POST', `/posts/${postId}/approve`, { comment: 'Inhaltlich in Ordnung.' });
  await admin.dispose();

  // Publishing now asks for a reason; with it, the post goes out.
  await reloadComposer(page);
  const reason = 'Der Azubi-Tag gehört nicht zur Karrierekampagne.';
  await page.getByLabel('Begründung für die Ausnahme').fill(reason);
  await page.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
  await expect(
    page.getByRole('article', { name: 'Beispiel Karriere' }).locator('[data-state]'),
  ).toHaveAttribute('data-state', 'published', { timeout: 90_000 });

  // Compliance sees the override, with the reason and who gave it, in the review queue.
  const complianceContext = await browser.newContext();
  const compliance = await complianceContext.newPage();
  await signIn(compliance, 'compliance@beispiel.example', 'Konrad Compliance');
  await compliance
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Prüfliste' })
    .click();
  const item = compliance.getByRole('article', { name: new RegExp(`^${tag}`) });
  await expect(item).toContainText('Übergangen', { timeout: 30_000 });
  await expect(item).toContainText(reason);
  await expect(item).toContainText('Von Sophie Social');
  await complianceContext.close();
});
