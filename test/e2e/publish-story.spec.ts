import { expect as baseExpect, type Page, test } from '@playwright/test';
import { type ApiSession, apiSession } from './api-session.ts';
import { signIn } from './sign-in.ts';

// The whole story in one test, and the composer's other ways to fail and to schedule beside it.
// The editor (Personal/HR) writes; the manager approves and schedules (the demo workflow forbids approving
// one's own post). The machines running these are shared and slow at times: waits are generous.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const ZONE = 'Europe/Berlin';
const CHANNELS = ['Beispiel GmbH', 'Beispiel Karriere'] as const;

/** The smallest PNG there is: one transparent pixel. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface Channel {
  id: string;
  name: string;
}
interface Post {
  id: string;
  targets: {
    id: string;
    state: string;
    scheduledAt: string | null;
    channel: { id: string; name: string };
  }[];
}

/** Parts of an instant as a person in Berlin reads it. */
function berlin(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('de-DE', {
      timeZone: ZONE,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'long',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday', string>;
  const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(at);
  return { ...parts, isoDay, time: `${parts.hour}:${parts.minute}` };
}

async function newPost(page: Page) {
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Veröffentlichen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beiträge' })).toBeVisible();
  await page.getByRole('link', { name: 'Neuer Beitrag' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neuer Beitrag' })).toBeVisible();
}

/** Picks a day and a time in the composer's date-time picker, as a person does with the mouse and keys. */
async function pickTime(page: Page, at: Date) {
  const b = berlin(at);
  await page.getByRole('button', { name: `Zeitpunkt (${ZONE})` }).click();
  await page.getByRole('button', { name: `${b.day} ${b.month} ${b.year}`, exact: true }).click();
  await page.getByRole('textbox', { name: 'Stunden' }).fill(b.hour);
  await page.getByRole('textbox', { name: 'Minuten' }).fill(b.minute);
  await page.getByRole('button', { name: 'Zeitpunkt übernehmen' }).click();
}

/** Chooses a file in the composer's image field, as the browser's file dialog would, and uploads it. */
async function addImage(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, alt: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bild', exact: true }).click();
  await (await chooser).setFiles(file);
  await page.getByLabel('Alternativtext', { exact: true }).fill(alt);
  await page.getByRole('button', { name: 'Bild hinzufügen' }).click();
}

const resultOf = (page: Page, channel: string) => page.getByRole('article', { name: channel });

let manager: ApiSession;
let owner: ApiSession;
let channels: Channel[];
/** Posts to delete at the end, where they never went out. */
const created: string[] = [];

test.beforeAll(async ({ baseURL }) => {
  manager = await apiSession(baseURL!, 'manager@beispiel.example');
  owner = await apiSession(baseURL!, 'owner@beispiel.example');
  channels = (await manager.call<{ items: Channel[] }>('GET', '/channels')).items;
});

test.afterAll(async () => {
  for (const id of created) {
    const post = await manager.call<Post>('GET', `/posts/${id}`).catch(() => null);
    if (!post || post.targets.some((t) => t.state === 'published')) continue;
    if (post.targets.some((t) => t.state === 'scheduled'))
      await manager.call('POST', `/posts/${id}/unschedule`);
    await manager.call('DELETE', `/posts/${id}`);
  }
  await manager?.dispose();
  await owner?.dispose();
});

test('a post with an image for two channels is approved, scheduled, published and gathers likes', async ({
  page,
  browser,
}) => {
  // Two people, a real wait of about two minutes for the scheduler, and a busy machine.
  test.setTimeout(480_000);
  const tag = `Geschichte ${Date.now()}`;
  const text = `${tag}: Unser Team beim Sommerfest – danke an alle! #BeispielKarriere`;
  const alt = `Das Team vor der Bühne (${tag})`;

  // The editor writes the post for two channels and adds an image with its alt text.
  await signIn(page, 'editor@beispiel.example', 'Emil Redakteur');
  await newPost(page);
  await page.getByLabel('Beitragstext', { exact: true }).fill(text);
  for (const channel of CHANNELS)
    await page.getByRole('checkbox', { name: new RegExp(`^${channel}`) }).check();
  await expect(page).toHaveURL(/\/publishing\/posts\/[0-9a-f-]{36}$/);
  const postUrl = page.url();
  created.push(postUrl.split('/').pop()!);
  await addImage(page, { name: 'sommerfest.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG }, alt);
  await expect(page.getByRole('region', { name: 'Bilder' }).getByRole('img', { name: alt })).toBeVisible();
  await expect(page.getByLabel('Alternativtext von sommerfest.png')).toHaveValue(alt);
  // Each channel's preview shows the image as the network will.
  for (const channel of CHANNELS)
    await expect(
      page.getByRole('figure', { name: `Vorschau auf ${channel}` }).getByRole('img', { name: alt }),
    ).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Alle Änderungen gespeichert.');

  await page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(page.getByText('Zur Freigabe eingereicht.')).toBeVisible();

  // The manager, in a browser of her own, approves it and schedules it a little ahead.
  const managerContext = await browser.newContext();
  const other = await managerContext.newPage();
  try {
    await signIn(other, 'manager@beispiel.example', 'Sophie Social');
    await other.goto('/publishing');
    await other.getByLabel('Wartet auf meine Freigabe').check();
    await other.getByRole('link', { name: new RegExp(`^${tag}`) }).click();
    await expect(other).toHaveURL(postUrl);
    await expect(other.getByRole('region', { name: 'Bilder' }).getByRole('img', { name: alt })).toBeVisible();
    await other.getByRole('button', { name: 'Freigeben' }).click();
    await expect(other.getByText('Freigegeben.', { exact: true })).toBeVisible();

    // Two whole minutes ahead of now in Berlin: far enough that the pick is not in the past when it lands.
    const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 2 * 60_000);
    const when = berlin(at);
    await other.getByRole('radio', { name: 'Zu einer Zeit' }).check();
    await pickTime(other, at);
    await other.getByRole('button', { name: 'Planen', exact: true }).click();
    await expect(other.getByText('Der Beitrag ist geplant.')).toBeVisible();
    for (const channel of CHANNELS) {
      await expect(resultOf(other, channel).locator('[data-state]')).toHaveAttribute(
        'data-state',
        'scheduled',
      );
      await expect(resultOf(other, channel)).toContainText(`Geplant für`);
      await expect(resultOf(other, channel)).toContainText(when.time);
    }

    // The calendar's week shows it twice (once per channel), at its time, in the column of its day.
    await other.goto(`/publishing/calendar?view=week&date=${when.isoDay}`);
    await expect(other.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
    const column = other.getByRole('columnheader', {
      name: `${Number(when.day)}. ${when.month} ${when.year}`,
    });
    const columnBox = await column.boundingBox();
    for (const channel of CHANNELS) {
      const entry = other.getByRole('link', { name: new RegExp(`^${when.time} .*${tag}`) }).filter({
        hasText: `${channel} · Geplant`,
      });
      await expect(entry).toBeVisible();
      await expect(entry).toHaveAttribute('href', new URL(postUrl).pathname);
      const box = await entry.boundingBox();
      expect(box && columnBox && box.x >= columnBox.x - 1 && box.x < columnBox.x + columnBox.width).toBe(
        true,
      );
    }

    // The server's scheduler sends it at its time; the post's page shows it published on both channels.
    await other.goto(postUrl);
    for (const channel of CHANNELS)
      await expect(resultOf(other, channel).locator('[data-state]')).toHaveAttribute(
        'data-state',
        'published',
        { timeout: 300_000 },
      );
    const link = resultOf(other, 'Beispiel GmbH').getByRole('link', { name: 'Auf Beispiel GmbH ansehen' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^http.*\/channels\/sandbox\/@beispiel\/[0-9a-f-]{36}$/);

    // On the sandbox network the linked post is the one marked, with its image's alt text; the simulated
    // audience likes it twice, reposts and replies.
    await other.goto(href!);
    await expect(other.getByRole('heading', { level: 1, name: 'Sandbox-Netzwerk' })).toBeVisible();
    const onNetwork = other.locator('article[aria-current="true"]');
    await expect(onNetwork).toContainText(text);
    await expect(onNetwork).toContainText(`1 Bild: ${alt}`);
    const audience = onNetwork.getByRole('group', { name: 'Als Publikum reagieren' });
    await audience.getByRole('button', { name: 'Liken' }).click();
    await expect(onNetwork.getByTestId('metric-likes')).toHaveText('1');
    await audience.getByRole('button', { name: 'Liken' }).click();
    await expect(onNetwork.getByTestId('metric-likes')).toHaveText('2');
    await audience.getByRole('button', { name: 'Teilen' }).click();
    await expect(onNetwork.getByTestId('metric-reposts')).toHaveText('1');
    await audience.getByRole('button', { name: 'Antworten' }).click();
    await expect(onNetwork.getByTestId('metric-replies')).toHaveText('1');

    // Back in Chorus, refreshing the figures brings them into the post's results.
    await other.goto(postUrl);
    await other.getByRole('button', { name: 'Zahlen aktualisieren' }).click();
    await expect(other.getByLabel('Zahlen für Beispiel GmbH')).toContainText(
      '2 Likes · 1 Reposts · 1 Antworten',
    );
    await expect(other.getByLabel('Zahlen für Beispiel Karriere')).toContainText(
      '0 Likes · 0 Reposts · 0 Antworten',
    );
  } finally {
    await managerContext.close();
  }
});
