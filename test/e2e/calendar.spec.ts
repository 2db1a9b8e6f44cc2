import { expect as baseExpect, type Page, test } from '@playwright/test';
import { type ApiSession, apiSession } from './api-session.ts';
import { signIn } from './sign-in.ts';

// One scheduled post, prepared through the API, is looked at, filtered and moved in the browser.
// The machines that run these are shared and slow at times: the calendar loads three lists before its own.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const ZONE = 'Europe/Berlin';
const TEXT = `Kalendertest ${Date.now()}`;

interface Channel {
  id: string;
  name: string;
  ownership: string;
}
interface Post {
  id: string;
  targets: { id: string; scheduledAt: string | null; state: string }[];
}

/** YYYY-MM-DD and HH:MM of an instant in Berlin, as the calendar shows it. */
function berlin(iso: string): { day: string; time: string } {
  const d = new Date(iso);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(d);
  const time = new Intl.DateTimeFormat('de-DE', {
    timeZone: ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return { day, time };
}

/** Tuesday of next week at 10:00 Berlin time: always ahead, and with a later day of the same week beside it. */
function nextTuesdayAtTen(): { iso: string; day: string } {
  const today = berlin(new Date().toISOString()).day;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const noonUtc = new Date(Date.UTC(y, m - 1, d, 12));
  const weekday = (noonUtc.getUTCDay() + 6) % 7; // Monday 0
  const tuesday = new Date(noonUtc.getTime() + (7 - weekday + 1) * 86_400_000);
  const day = tuesday.toISOString().slice(0, 10);
  // 10:00 in Berlin is 08:00 or 09:00 UTC; take the one Berlin reads as 10:00.
  const iso = [8, 9]
    .map((h) => new Date(`${day}T0${h}:00:00Z`).toISOString())
    .find((candidate) => berlin(candidate).time === '10:00');
  if (!iso) throw new Error(`no 10:00 on ${day}`);
  return { iso, day };
}

let manager: ApiSession;
let owner: ApiSession;
let post: Post;
let channels: Channel[];
const when = nextTuesdayAtTen();

test.beforeAll(async ({ baseURL }) => {
  manager = await apiSession(baseURL!, 'manager@beispiel.example');
  owner = await apiSession(baseURL!, 'owner@beispiel.example');
  channels = (await manager.call<{ items: Channel[] }>('GET', '/channels')).items;
  const company = channels.find((c) => c.name === 'Beispiel GmbH')!;
  // The demo workflow wants someone other than the author: the manager writes, the owner approves.
  post = await manager.call<Post>('POST', '/posts', {
    baseText: TEXT,
    departmentId: null,
    targets: [{ channelId: company.id }],
  });
  await manager.call('POST', `/posts/${post.id}/submit`);
  await owner.call('POST', `/posts/${post.id}/approve`, {});
  post = await manager.call<Post>('POST', `/posts/${post.id}/schedule`, { mode: 'at', at: when.iso });
  expect(post.targets[0]!.state).toBe('scheduled');
});

test.afterAll(async () => {
  await manager?.dispose();
  await owner?.dispose();
});

/** Each calendar entry is a link to its post, named by its time and text. */
const calendarEvent = (page: Page) => page.getByRole('link', { name: new RegExp(TEXT) });

test('the calendar shows the scheduled post in the week and in the list', async ({ page }) => {
  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  await page.goto(`/publishing/calendar?view=week&date=${when.day}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  const event = calendarEvent(page);
  await expect(event).toBeVisible();
  await expect(event).toContainText('Beispiel GmbH · Geplant');

  await expect(event).toHaveAccessibleName(/^10:00 /);
  await expect(event).toHaveAttribute('href', `/publishing/posts/${post.id}`);

  await page.getByRole('tab', { name: 'Terminübersicht' }).click();
  await expect(page).toHaveURL(/view=list/);
  await expect(calendarEvent(page)).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Terminübersicht' })).toHaveAttribute('aria-selected', 'true');
});

test('filtering by another channel hides the post; the filter is kept in the address', async ({ page }) => {
  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  await page.goto(`/publishing/calendar?view=week&date=${when.day}`);
  await expect(calendarEvent(page)).toBeVisible();

  const other = channels.find((c) => c.name === 'Beispiel Karriere')!;
  await page.getByRole('combobox', { name: 'Kanäle' }).click();
  await page.getByRole('option', { name: 'Beispiel Karriere' }).click();
  await expect(page).toHaveURL(new RegExp(`channel=${other.id}`));
  await expect(calendarEvent(page)).toHaveCount(0);

  // The address alone brings the filter back.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kanäle' })).toBeVisible();
  await expect(page.getByRole('search').getByText('Beispiel Karriere')).toBeVisible();
  await expect(calendarEvent(page)).toHaveCount(0);

  // Its own channel shows it again.
  const own = channels.find((c) => c.name === 'Beispiel GmbH')!;
  await page.goto(`/publishing/calendar?view=week&date=${when.day}&channel=${own.id}`);
  await expect(calendarEvent(page)).toBeVisible();
});

/** The day after, and a day's column header as the German calendar names it ("8. Dezember 2026"). */
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const dayHeader = (day: string) =>
  new Intl.DateTimeFormat('de-DE', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));

test('dragging the post to the next day reschedules it, at the same time of day', async ({ page }) => {
  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  await page.goto(`/publishing/calendar?view=week&date=${when.day}`);
  const event = calendarEvent(page);
  await expect(event).toBeVisible();
  // The mouse works in the viewport: 10:00 lies below the fold of the week's grid.
  await event.scrollIntoViewIfNeeded();

  const from = await page.getByRole('columnheader', { name: dayHeader(when.day) }).boundingBox();
  const to = await page.getByRole('columnheader', { name: dayHeader(dayAfter(when.day)) }).boundingBox();
  const box = await event.boundingBox();
  if (!from || !to || !box) throw new Error('calendar not laid out');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  // In steps, so the calendar sees a drag and not a click.
  await page.mouse.move(x + 10, y, { steps: 5 });
  await page.mouse.move(x + (to.x - from.x), y, { steps: 10 });
  await page.mouse.up();

  await expect(page.getByText(/Verschoben: Beispiel GmbH erscheint jetzt am/)).toBeVisible();
  await expect
    .poll(async () => {
      const got = await manager.call<Post>('GET', `/posts/${post.id}`);
      return berlin(got.targets[0]!.scheduledAt!);
    })
    .toEqual({ day: dayAfter(when.day), time: '10:00' });
  // The entry now sits in the next day's column.
  const moved = await calendarEvent(page).boundingBox();
  expect(Math.abs((moved?.x ?? 0) - (box.x + (to.x - from.x)))).toBeLessThan(5);
});

test('a move the server refuses is undone and explained', async ({ page }) => {
  // A second post, on the other company channel, scheduled while no workflow of its own applied.
  const karriere = channels.find((c) => c.name === 'Beispiel Karriere')!;
  const text = `Verschiebung abgelehnt ${Date.now()}`;
  const at = new Date(Date.parse(when.iso) + 4 * 3600_000).toISOString();
  let second = await manager.call<Post>('POST', '/posts', {
    baseText: text,
    departmentId: null,
    targets: [{ channelId: karriere.id }],
  });
  await manager.call('POST', `/posts/${second.id}/submit`);
  await owner.call('POST', `/posts/${second.id}/approve`, {});
  second = await manager.call<Post>('POST', `/posts/${second.id}/schedule`, { mode: 'at', at });
  // Now the channel gets a stricter workflow: moving the post needs its approval first.
  const strict = await manager.call<{ id: string }>('POST', '/workflows', {
    name: `Karriere streng ${Date.now()}`,
    channelId: karriere.id,
    steps: [{ roles: ['editor'], count: 2 }],
  });
  try {
    await signIn(page, 'manager@beispiel.example', 'Sophie Social');
    await page.goto(`/publishing/calendar?view=week&date=${when.day}`);
    const event = page.getByRole('link', { name: new RegExp(text) });
    await expect(event).toBeVisible();
    await event.scrollIntoViewIfNeeded();
    const from = await page.getByRole('columnheader', { name: dayHeader(when.day) }).boundingBox();
    const to = await page.getByRole('columnheader', { name: dayHeader(dayAfter(when.day)) }).boundingBox();
    const box = await event.boundingBox();
    if (!from || !to || !box) throw new Error('calendar not laid out');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 10, y, { steps: 5 });
    await page.mouse.move(x + (to.x - from.x), y, { steps: 10 });
    await page.mouse.up();

    const alert = page.getByRole('alert').filter({ hasText: 'Der Beitrag wurde nicht verschoben' });
    await expect(alert).toContainText('Freigabe');
    // Back in its own column, and unchanged on the server.
    await expect.poll(async () => (await event.boundingBox())?.x).toBeCloseTo(box.x, 0);
    const got = await manager.call<Post>('GET', `/posts/${second.id}`);
    expect(got.targets[0]!.scheduledAt).toBe(at);
  } finally {
    await manager.call('DELETE', `/workflows/${strict.id}`);
  }
});

test('an admin creates a two-step workflow for HR and reads its summary', async ({ page }) => {
  await signIn(page, 'admin@beispiel.example', 'Anton Admin');
  await page.goto('/publishing/workflows');
  await expect(page.getByRole('heading', { level: 1, name: 'Freigabe-Workflows' })).toBeVisible();
  // The demo's organisation-wide workflow, in words.
  const demo = page.getByRole('row', { name: /Freigabe durch Social Media/ });
  await expect(demo).toContainText('Alle Abteilungen und Kanäle');
  await expect(demo).toContainText(
    'Social-Media-Manager, Administrator oder Inhaber, 1 Freigabe, nicht der Autor',
  );

  await page.getByRole('button', { name: 'Neuer Workflow' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuer Freigabe-Workflow' });
  await dialog.getByLabel('Name', { exact: true }).fill('Freigabe Personal');
  await dialog.getByRole('combobox', { name: 'Abteilung', exact: true }).click();
  await page.getByRole('option', { name: 'Personal (HR)' }).click();
  await dialog.getByRole('button', { name: 'Schritt hinzufügen' }).click();
  await dialog.getByRole('combobox', { name: 'Schritt 2: wer freigibt' }).click();
  await page.getByRole('option', { name: 'Redakteur' }).click();
  await dialog.getByRole('textbox', { name: 'Schritt 2: Freigaben' }).fill('2');
  // The rule reads as a sentence while it is being put together.
  await expect(dialog.getByRole('status', { name: 'Kurz gesagt' })).toContainText(
    'danach Redakteur, 2 Freigaben',
  );
  await dialog.getByRole('button', { name: 'Neuer Workflow' }).click();
  await expect(dialog).toBeHidden();

  const hr = page.getByRole('row', { name: /Freigabe Personal/ });
  await expect(hr).toContainText('Abteilung Personal (HR)');
  await expect(hr).toContainText(
    'Social-Media-Manager oder Administrator, 1 Freigabe, danach Redakteur, 2 Freigaben, nicht der Autor',
  );

  // The browser tests share one demo organisation: the stricter HR rule must not hold up later tests' posts.
  const { items } = await manager.call<{ items: { id: string; name: string }[] }>('GET', '/workflows');
  for (const w of items.filter((x) => x.name === 'Freigabe Personal'))
    await manager.call('DELETE', `/workflows/${w.id}`);
});

test('an admin creates a campaign for marketing and archives it', async ({ page }) => {
  await signIn(page, 'admin@beispiel.example', 'Anton Admin');
  await page.goto('/publishing/campaigns');
  await expect(page.getByRole('heading', { level: 1, name: 'Kampagnen' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Employer Branding 2027/ })).toContainText('Personal (HR)');

  await page.getByRole('button', { name: 'Neue Kampagne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Kampagne' });
  await dialog.getByLabel('Name', { exact: true }).fill('Winteraktion 2026');
  await dialog.getByRole('combobox', { name: 'Abteilung (optional)' }).click();
  await page.getByRole('option', { name: 'Marketing' }).click();
  await dialog.getByRole('button', { name: 'Neue Kampagne' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: /Winteraktion 2026/ });
  await expect(row).toContainText('Marketing');
  await expect(row).toContainText('Aktiv');
  await row.getByRole('button', { name: 'Winteraktion 2026 archivieren' }).click();
  await expect(page.getByText('Kampagne Winteraktion 2026 archiviert.')).toBeVisible();
  await expect(row).toHaveCount(0);

  await page.getByRole('switch', { name: 'Archivierte Kampagnen zeigen' }).check();
  await expect(row).toContainText('Archiviert');
  // Archiving keeps the department: the client sends the campaign whole.
  const campaigns = await manager.call<{
    items: { name: string; archived: boolean; department: { name: string } | null }[];
  }>('GET', '/campaigns');
  expect(campaigns.items.find((c) => c.name === 'Winteraktion 2026')).toMatchObject({
    archived: true,
    department: { name: 'Marketing' },
  });
});
