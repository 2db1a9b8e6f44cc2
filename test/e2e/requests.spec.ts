import { expect, type Page, test } from '@playwright/test';
import { apiSession } from './api-session.ts';
import { signIn } from './sign-in.ts';

// A contributor (Clara, Vertrieb) asks the social team for a post; the manager (Sophie) triages it, answers,
// and turns it into a draft. The demo organisation is shared with the other specs: what this spec makes
// (the draft post, the open request, the notifications) is removed or closed afterwards.
test.describe.configure({ mode: 'serial' });

const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const made: { requestId?: string; postId?: string } = {};

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

test.afterAll(async ({ baseURL }) => {
  const manager = await apiSession(baseURL!, 'manager@beispiel.example');
  const contributor = await apiSession(baseURL!, 'contributor@beispiel.example');
  try {
    if (made.postId) await manager.call('DELETE', `/posts/${made.postId}`);
    if (made.requestId) {
      // Requests are kept (their history is the record); a closed one leaves every open list as it was.
      const r = await manager.call<{ status: string }>('GET', `/requests/${made.requestId}`);
      if (r.status !== 'done') await manager.call('PATCH', `/requests/${made.requestId}`, { status: 'done' });
    }
    for (const who of [manager, contributor]) {
      const list = await who.call<{ items: { id: string; link: string; readAt: string | null }[] }>(
        'GET',
        '/notifications',
      );
      for (const n of list.items)
        if (made.requestId && n.link === `/requests/${made.requestId}` && !n.readAt)
          await who.call('POST', `/notifications/${n.id}/read`);
    }
  } finally {
    await manager.dispose();
    await contributor.dispose();
  }
});

test('a contributor’s posting request is triaged by the manager and becomes a draft post', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const title = `Azubi-Tag ${Date.now()}`;
  const content = `${title}: Am 12. März zeigen unsere Azubis, was sie können. Kommen Sie vorbei!`;

  // The contributor files the request, with a poster attached.
  await signIn(page, 'contributor@beispiel.example', 'Clara Kollegin');
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Anfragen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anfragen' })).toBeVisible();
  await page.getByRole('link', { name: 'Neue Anfrage' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neue Anfrage' })).toBeVisible();
  // Fields change with the type: a question asks for the question only.
  await page.getByText('Frage', { exact: true }).click();
  await expect(page.getByLabel('Ihre Frage')).toBeVisible();
  await expect(page.getByLabel('Was gepostet werden soll')).toHaveCount(0);
  await page.getByText('Beitragswunsch', { exact: true }).click();
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Was gepostet werden soll').fill(content);
  await page.getByLabel('Link').fill('https://beispiel.example/azubi-tag');
  await page.getByLabel('Fällig am (optional)').fill('2099-12-31');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'plakat.png',
    mimeType: 'image/png',
    buffer: ONE_PIXEL_PNG,
  });
  await page.getByRole('button', { name: 'Anfrage senden' }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  made.requestId = page.url().split('/').pop();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('request-status')).toHaveText('Neu');
  await expect(page.getByRole('link', { name: 'plakat.png' })).toBeVisible();

  // The manager finds it in the triage list, takes it, answers and turns it into a draft post.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  try {
    await signIn(manager, 'manager@beispiel.example', 'Sophie Social');
    await manager.goto('/requests');
    await expect(manager.getByRole('heading', { level: 1, name: 'Anfragen' })).toBeVisible();
    await manager.getByRole('link', { name: title }).click();
    await expect(manager.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await pick(manager, 'Zuständig', 'Sophie Social (ich)');
    await pick(manager, 'Status', 'In Bearbeitung');
    await manager.getByRole('button', { name: 'Speichern' }).click();
    await expect(manager.getByTestId('request-status')).toHaveText('In Bearbeitung');
    await manager.getByLabel('Antwort oder Notiz').fill('Gute Idee, wir bereiten den Beitrag vor.');
    await manager.getByRole('button', { name: 'Senden', exact: true }).click();
    await expect(manager.getByText('Gute Idee, wir bereiten den Beitrag vor.')).toBeVisible();
    await manager.getByRole('button', { name: 'In Beitragsentwurf umwandeln' }).click();
    await expect(manager).toHaveURL(/\/publishing\/posts\/[0-9a-f-]{36}$/);
    made.postId = manager.url().split('/').pop();
    await expect(manager.getByLabel('Beitragstext', { exact: true })).toHaveValue(
      `${content}\n\nhttps://beispiel.example/azubi-tag`,
      { timeout: 30_000 },
    );
  } finally {
    await managerContext.close();
  }

  // The contributor sees the new status, the answer and the notification.
  await page.reload();
  await expect(page.getByTestId('request-status')).toHaveText('In Bearbeitung');
  await expect(page.getByText('Gute Idee, wir bereiten den Beitrag vor.')).toBeVisible();
  await expect(
    page.getByText('Das Social-Media-Team hat aus Ihrer Anfrage einen Beitragsentwurf erstellt.'),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Benachrichtigungen, \d+ ungelesen$/ }).click();
  await expect(page.getByText(`Ihre Anfrage „${title}“ ist jetzt: in Bearbeitung`)).toBeVisible();
});
