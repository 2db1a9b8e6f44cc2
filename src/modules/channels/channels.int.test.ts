import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { type FakeMastodon, startFakeMastodon } from '../../../test/fakes/mastodon-server.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { sendTarget } from '../publishing/send-batch.ts';

/** Connecting real networks through the API: credentials checked first, sealed at rest, health kept. */
describe('channels', () => {
  let t: TestApp;
  let mastodon: FakeMastodon;
  const s: Record<string, Session> = {};

  beforeAll(async () => {
    t = await createTestApp({ CHORUS_ALLOW_PRIVATE_NETWORKS: 'true' });
    mastodon = await startFakeMastodon();
    for (const role of ['manager', 'editor', 'contributor', 'viewer'] as const) {
      s[role] = await t.signIn(t.emailOf(role));
      await t.grantPostingRights(t.emailOf(role));
    }
  });
  afterAll(async () => {
    await mastodon?.close();
    await t?.close();
  });

  const call = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });

  it('connects a Mastodon account after checking its token, and keeps the token sealed', async () => {
    const account = mastodon.createAccount('beispiel_social', 'Beispiel Social');
    const refused = await call('manager', 'POST', '/channels', {
      network: 'mastodon',
      ownership: 'company',
      credentials: { serviceUrl: mastodon.url, identifier: 'not-a-token' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('channel_credentials_refused');

    const res = await call('manager', 'POST', '/channels', {
      network: 'mastodon',
      ownership: 'company',
      credentials: { serviceUrl: mastodon.url, identifier: account.token },
      memberIds: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    const channel = res.json();
    expect(channel.account.handle).toContain('beispiel_social');
    expect(channel.health.status).toBe('active');
    expect(channel.capabilities.maxChars).toBe(500);
    // Everything the composer needs to count as Mastodon does reaches the client.
    expect(channel.capabilities.counting).toEqual({ kind: 'graphemes', urlLength: 23, localMentions: true });
    expect(JSON.stringify(channel)).not.toContain(account.token);
    const [row] = await t.ctx.db.select().from(channels).where(eq(channels.id, channel.id));
    expect(row!.credentialsSealed).not.toContain(account.token);

    const again = await call('manager', 'POST', '/channels', {
      network: 'mastodon',
      ownership: 'company',
      credentials: { serviceUrl: mastodon.url, identifier: account.token },
    });
    expect(again.statusCode).toBe(409);
  });

  it('publishes to Mastodon with the idempotency key and pulls the counts', async () => {
    const account = mastodon.createAccount('karriere_social');
    const connected = await call('manager', 'POST', '/channels', {
      network: 'mastodon',
      ownership: 'company',
      credentials: { serviceUrl: mastodon.url, identifier: account.token },
    });
    const channelId = connected.json().id;
    const post = (
      await call('manager', 'POST', '/posts', {
        baseText: 'Neu auf Mastodon: https://beispiel.example/karriere',
        departmentId: null,
        targets: [{ channelId }],
      })
    ).json();
    await call('manager', 'POST', `/posts/${post.id}/submit`);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/posts/${post.id}/approve`,
      headers: (await t.signIn(t.emailOf('owner'))).headers,
      payload: {},
    });
    const scheduled = await call('manager', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    await sendTarget(t.ctx, scheduled.json().targets[0].id);
    const statuses = mastodon.statuses(account.id);
    expect(statuses).toHaveLength(1);
    mastodon.engage(statuses[0]!.id, { favourites: 4, reblogs: 1, replies: 2 });
    const refreshed = await call('viewer', 'POST', `/posts/${post.id}/metrics`);
    expect(refreshed.json().targets[0].metrics).toMatchObject({
      likes: 4,
      reposts: 1,
      replies: 2,
      impressions: null,
    });
  });

  it('refuses instance addresses on private networks unless the administrator allows them', async () => {
    const strict = await createTestApp();
    try {
      const manager = await strict.signIn(strict.emailOf('manager'));
      const res = await strict.app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        headers: manager.headers,
        payload: {
          network: 'mastodon',
          ownership: 'company',
          credentials: { serviceUrl: mastodon.url, identifier: 'x' },
        },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toMatch(/privat|private|loopback|Adresse|address/i);
    } finally {
      await strict.close();
    }
  });

  it('lets an employee connect a personal channel but not a company one; only the owner sees it', async () => {
    const company = await call('contributor', 'POST', '/channels/sandbox', {
      ownership: 'company',
      name: 'Nope',
      handle: 'nope_1',
    });
    expect(company.statusCode).toBe(403);
    const personal = await call('contributor', 'POST', '/channels/sandbox', {
      ownership: 'personal',
      name: 'Mein Konto',
      handle: `mein_${Date.now() % 100000}`,
    });
    expect(personal.statusCode, personal.body).toBe(201);
    expect(personal.json().mayPublish).toBe(true);
    const seenByEditor = (await call('editor', 'GET', '/channels'))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(seenByEditor).not.toContain(personal.json().id);
    const seenByManager = (await call('manager', 'GET', '/channels'))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(seenByManager).toContain(personal.json().id);
    const team = await call('contributor', 'PATCH', `/channels/${personal.json().id}`, { memberIds: [] });
    expect(team.json().code).toBe('personal_channel_has_no_team');
  });

  it('names the taken handle when a sandbox handle exists already', async () => {
    const handle = `taken_${Date.now() % 100000}`;
    const body = { ownership: 'personal', name: 'Zweimal', handle };
    expect((await call('contributor', 'POST', '/channels/sandbox', body)).statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/channels/sandbox',
      headers: { ...s.contributor!.headers, 'accept-language': 'de' },
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('sandbox_handle_taken');
    expect(again.json().detail).toBe(`Im Sandbox-Netzwerk gibt es @${handle} schon.`);
  });

  it('checks a channel on request and records its health', async () => {
    const list = (await call('manager', 'GET', '/channels')).json().items;
    const sandbox = list.find(
      (c: { network: string; ownership: string }) => c.network === 'sandbox' && c.ownership === 'company',
    );
    const res = await call('viewer', 'POST', `/channels/${sandbox.id}/check`);
    expect(res.json()).toEqual({ ok: true, error: null });
  });
});
