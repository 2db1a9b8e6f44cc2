import { expect, test } from '@playwright/test';
import { type ApiSession, apiSession } from './api-session.ts';
import { signInAsAdmin } from './sign-in.ts';

/**
 * Listening end to end: a search for a keyword is saved in the browser with an "every match" rule; a
 * visitor of the sandbox network posts about it; "search now" finds the post, which appears in the stream
 * with its sentiment, and the rule leaves an in-app notification. The search (with its matches and rules)
 * is deleted afterwards and the notification marked read.
 */
test('a sandbox post matching a saved search appears in the stream and alerts in the app', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const word = `Lieferengpass${Date.now() % 1_000_000}`;
  const api: ApiSession = await apiSession(baseURL!, 'admin@beispiel.example');
  let searchId: string | null = null;
  try {
    await signInAsAdmin(page);
    await page.goto('/listening');
    await page.getByRole('button', { name: 'Neue Suche' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill(`E2E ${word}`);
    await dialog.getByLabel('Suchanfrage').fill(`${word} AND "offen`);
    await expect(dialog.getByText('Ein Anführungszeichen wird nicht geschlossen')).toBeVisible();
    await dialog.getByLabel('Suchanfrage').fill(`${word} -Werbung`);
    await expect(dialog.getByRole('status')).toContainText('Gültig');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(page).toHaveURL(/\/listening\/[0-9a-f-]{36}$/);
    searchId = page.url().split('/').at(-1)!;

    await page.getByLabel('Name der Regel').fill('Jeder Treffer');
    await page.getByRole('button', { name: 'Regel hinzufügen' }).click();
    await expect(page.getByTestId('listening-rule')).toContainText('Jeder Treffer');

    await api.call('POST', '/sandbox/public-posts', {
      text: `Schon wieder ${word} bei der Beispiel GmbH – eine Katastrophe, furchtbar.`,
    });
    await page.getByRole('button', { name: 'Jetzt suchen' }).click();

    const match = page.getByTestId('listening-match').filter({ hasText: word });
    await expect(match).toBeVisible({ timeout: 45_000 });
    await expect(match.getByTestId('match-sentiment')).toContainText('negativ');

    await expect
      .poll(
        async () =>
          (await api.call<{ items: { kind: string; link: string }[] }>('GET', '/notifications')).items.filter(
            (n) => n.kind === 'listening.alert' && n.link === `/listening/${searchId}`,
          ).length,
        { timeout: 20_000 },
      )
      .toBe(1);
  } finally {
    if (searchId) await api.call('DELETE', `/listening/searches/${searchId}`);
    const mine = await api.call<{
      items: { id: string; kind: string; link: string; readAt: string | null }[];
    }>('GET', '/notifications');
    for (const n of mine.items.filter(
      (x) => x.kind === 'listening.alert' && x.link === `/listening/${searchId}`,
    )) {
      if (!n.readAt) await api.call('POST', `/notifications/${n.id}/read`);
    }
    await api.dispose();
  }
});
