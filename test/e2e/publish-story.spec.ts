import { expect as baseExpect, type Page, test } from '@playwright/test';
import { type ApiSession, apiSession } from './api-session.ts';
import { signIn } from './sign-in.ts';

// The whole story in one test, and the composer's other ways to fail and to schedule beside it.
// The editor (Personal/HR) writes; the manager approves and schedules (the demo workflow forbids approving
// one's own post). The machines running these are shared and slow at times: waits are generous.
// Each test stands alone (a failure does not skip the others); one worker runs them in order.
test.describe.configure({ timeout: 180_000 });
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
  for (const [field, value] of [
    ['Stunden', b.hour],
    ['Minuten', b.minute],
  ] as const) {
    // Stepped with the arrow keys from what it shows: typing into a filled field appends digits.
    const spin = page.getByRole('spinbutton', { name: field });
    const target = Number(value);
    const shown = Number(await spin.getAttribute('aria-valuenow'));
    await spin.focus();
    for (let i = 0; i < Math.abs(target - shown); i++)
      await spin.press(target > shown ? 'ArrowUp' : 'ArrowDown');
    await expect(spin).toHaveAttribute('aria-valuenow', String(target));
  }
  await page.getByRole('button', { name: 'Zeitpunkt übernehmen' }).click();
  const date = new Intl.DateTimeFormat('de-DE', {
    timeZone: ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
  await expect(page.getByRole('button', { name: `Zeitpunkt (${ZONE})` })).toHaveText(`${date} ${b.time}`);
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

test('an image is refused with a clear message without alt text, of a wrong type or too large', async ({
  page,
}) => {
  // Uploads of 17 and 6 MB through the browser took over two minutes on a busy shared machine.
  test.setTimeout(300_000);
  await signIn(page, 'editor@beispiel.example', 'Emil Redakteur');
  await newPost(page);
  await page.getByLabel('Beitragstext', { exact: true }).fill(`Bildertest ${Date.now()} #BeispielKarriere`);
  await page.getByRole('checkbox', { name: /^Beispiel GmbH/ }).check();
  await expect(page).toHaveURL(/\/publishing\/posts\/[0-9a-f-]{36}$/);
  created.push(page.url().split('/').pop()!);
  const images = page.getByRole('region', { name: 'Bilder' });

  // No alt text: said at the field, nothing is sent.
  await addImage(page, { name: 'ohne-alt.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG }, '');
  await expect(images.getByText('Der Alternativtext fehlt.')).toBeVisible();

  // A text file named like an image: the server reads the bytes, not the name.
  await addImage(
    page,
    { name: 'notiz.png', mimeType: 'image/png', buffer: Buffer.from('Das ist kein Bild.\n') },
    'Eine Notiz',
  );
  await expect(images).toContainText('notiz.png ist kein Bild im Format PNG, JPEG, GIF oder WebP.');

  // Larger than Chorus takes at all.
  const huge = Buffer.concat([ONE_PIXEL_PNG, Buffer.alloc(17 * 1024 * 1024)]);
  await addImage(page, { name: 'riesig.png', mimeType: 'image/png', buffer: huge }, 'Ein riesiges Bild');
  await expect(images).toContainText('riesig.png ist größer als 16 MB.');
  // Nothing was kept: no image has an alt text field of its own.
  await expect(images.getByLabel(/^Alternativtext von/)).toHaveCount(0);

  // Within Chorus' limit but above the sandbox's 5 MB: kept, and the channel says it will not take it.
  const big = Buffer.concat([ONE_PIXEL_PNG, Buffer.alloc(6 * 1024 * 1024)]);
  await addImage(page, { name: 'gross.png', mimeType: 'image/png', buffer: big }, 'Ein großes Bild');
  await expect(images.getByRole('img', { name: 'Ein großes Bild' })).toBeVisible();
  await expect(page.getByText(/gross\.png ist für Beispiel GmbH zu groß/).first()).toBeVisible();
  await images.getByRole('button', { name: 'gross.png entfernen' }).click();
  await expect(images.getByLabel(/^Alternativtext von/)).toHaveCount(0);
  await expect(page.getByText(/gross\.png ist für Beispiel GmbH zu groß/)).toHaveCount(0);
});

/** A post by the manager for the given channels, approved by the owner: ready to schedule. */
async function approvedPost(text: string, channelNames: readonly string[]): Promise<Post> {
  const post = await manager.call<Post>('POST', '/posts', {
    baseText: text,
    departmentId: null,
    targets: channelNames.map((name) => ({ channelId: channels.find((c) => c.name === name)!.id })),
  });
  created.push(post.id);
  await manager.call('POST', `/posts/${post.id}/submit`);
  await owner.call('POST', `/posts/${post.id}/approve`, {});
  return post;
}

test('“next free slot” schedules into the channel’s posting plan, and the post can be taken off again', async ({
  page,
}) => {
  const text = `Redaktionsplan ${Date.now()}`;
  const post = await approvedPost(text, ['Beispiel GmbH']);
  await signIn(page, 'manager@beispiel.example', 'Sophie Social');
  await page.goto(`/publishing/posts/${post.id}`);
  await page.getByRole('radio', { name: 'Nächster freier Termin im Redaktionsplan jedes Kanals' }).check();
  await page.getByRole('button', { name: 'Planen', exact: true }).click();
  await expect(page.getByText('Der Beitrag ist geplant.')).toBeVisible();
  const result = resultOf(page, 'Beispiel GmbH');
  await expect(result.locator('[data-state]')).toHaveAttribute('data-state', 'scheduled');

  // The time is one of the channel's planned slots, in the plan's zone, and ahead.
  const scheduled = await manager.call<Post>('GET', `/posts/${post.id}`);
  const at = new Date(scheduled.targets[0]!.scheduledAt!);
  expect(at.getTime()).toBeGreaterThan(Date.now());
  const channel = await manager.call<
    Channel & { plan: { weekday: number; time: string }[]; planTimeZone: string }
  >('GET', `/channels/${scheduled.targets[0]!.channel.id}`);
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: channel.planTimeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => local.find((p) => p.type === type)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  expect(channel.plan).toContainEqual({ weekday, time: `${part('hour')}:${part('minute')}` });
  await expect(result).toContainText(`Geplant für`);
  await expect(result).toContainText(berlin(at).time);

  await page.getByRole('button', { name: 'Aus der Planung nehmen' }).click();
  await expect(page.getByText('Der Beitrag ist nicht mehr geplant.')).toBeVisible();
  await expect(page.getByText(/^Geplant für/)).toHaveCount(0);
  const after = await manager.call<Post>('GET', `/posts/${post.id}`);
  expect(after.targets[0]!.state).toBe('draft');
});

test('a send the network never confirmed waits for a person: “it was published” and “send it again”', async ({
  page,
}) => {
  // Ten unconfirmed attempts with short back-offs (the browser tests' server retries after 0.1 s, doubling).
  test.setTimeout(420_000);
  const accounts = await manager.call<{ items: { name: string; account: { id: string } }[] }>(
    'GET',
    '/channels',
  );
  const accountOf = (name: string) => accounts.items.find((c) => c.name === name)!.account.id;
  const unreliable = async (failureRate: number) => {
    for (const name of CHANNELS)
      await manager.call('PATCH', `/sandbox/accounts/${accountOf(name)}`, { failureRate });
  };
  const text = `Unklar ${Date.now()}`;
  const post = await approvedPost(text, CHANNELS);
  // Every call to both accounts fails — the network answers neither the post nor the question about it.
  await unreliable(1);
  try {
    await manager.call('POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    await signIn(page, 'manager@beispiel.example', 'Sophie Social');
    await page.goto(`/publishing/posts/${post.id}`);
    for (const channel of CHANNELS)
      await expect(resultOf(page, channel).locator('[data-state]')).toHaveAttribute(
        'data-state',
        'needs_decision',
        { timeout: 300_000 },
      );
    await unreliable(0);

    // Someone found it on the first channel: it counts as published, with the address they give.
    const gmbh = resultOf(page, 'Beispiel GmbH');
    await expect(gmbh).toContainText('Das Netzwerk hat nicht bestätigt');
    const found = 'https://sandbox.example/@beispiel/gefunden';
    await gmbh.getByLabel('Adresse des Beitrags auf Beispiel GmbH, falls gefunden (optional)').fill(found);
    await gmbh.getByRole('button', { name: 'Ist erschienen' }).click();
    await expect(gmbh.locator('[data-state]')).toHaveAttribute('data-state', 'published');
    await expect(gmbh.getByRole('link', { name: 'Auf Beispiel GmbH ansehen' })).toHaveAttribute(
      'href',
      found,
    );

    // It did not appear on the other: sent again, now that the network answers, and published.
    const careers = resultOf(page, 'Beispiel Karriere');
    await careers.getByRole('button', { name: 'Erneut senden' }).click();
    await expect(careers.locator('[data-state]')).toHaveAttribute('data-state', 'published', {
      timeout: 90_000,
    });
    await expect(careers.getByRole('link', { name: 'Auf Beispiel Karriere ansehen' })).toHaveAttribute(
      'href',
      /\/channels\/sandbox\/@/,
    );
  } finally {
    await unreliable(0);
  }
});

test('a colleague typed as @Name in a comment is marked and told', async ({ page, baseURL }) => {
  const post = await approvedPost(`Kommentar ${Date.now()}`, ['Beispiel GmbH']);
  await signIn(page, 'editor@beispiel.example', 'Emil Redakteur');
  await page.goto(`/publishing/posts/${post.id}`);
  const body = 'Bitte @Sophie Social und @owner kurz ansehen.';
  await page.getByLabel('Kommentar', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Kommentieren' }).click();
  const comment = page.getByRole('article', { name: 'Kommentar von Emil Redakteur' });
  await expect(comment).toContainText(body);
  await expect(comment.locator('mark')).toHaveText(['@Sophie Social', '@owner']);
  await expect(comment.getByLabel('Erwähnt')).toContainText('@Sophie Social');

  const sophie = await apiSession(baseURL!, 'manager@beispiel.example');
  try {
    const { items } = await sophie.call<{ items: { kind: string; link: string }[] }>('GET', '/notifications');
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'post.mentioned', link: `/publishing/posts/${post.id}` }),
    );
  } finally {
    await sophie.dispose();
  }
});
