import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AtpAgent, AtUri, RichText, XRPCError } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestBluesky,
  type TestBluesky,
  type TestBlueskyAccount,
} from '../../../test/fakes/bluesky-pds.ts';
import { AuthExpired, RateLimited, Rejected, Transient } from '../connector.ts';
import { describeConformance, TINY_PNG, textPost } from '../testing/conformance.ts';
import { type BlueskyOptions, type BlueskySessionCache, blueskyConnector } from './client.ts';
import { POST_COLLECTION, retryAfterSeconds, rkeyFromIdempotencyKey, toConnectorError } from './mapping.ts';

const OPTIONS: BlueskyOptions = { allowPrivateAddresses: true, timeoutMs: 5000 };

function connectorFor(
  pds: { url: string },
  account: { handle: string; appPassword: string },
  extra: Partial<BlueskyOptions> = {},
) {
  return blueskyConnector(
    { serviceUrl: pds.url, identifier: account.handle, secret: account.appPassword },
    { ...OPTIONS, ...extra },
  );
}

async function readRecord(agent: AtpAgent, id: string) {
  const uri = new AtUri(id);
  try {
    const res = await agent.com.atproto.repo.getRecord({
      repo: uri.host,
      collection: uri.collection,
      rkey: uri.rkey,
    });
    return res.data;
  } catch (err) {
    if (err instanceof XRPCError && err.error === 'RecordNotFound') return null;
    throw err;
  }
}

/** Starting the PDS the first time on a machine also builds better-sqlite3 for Node 24 (about 75 s). */
const START_TIMEOUT = 180_000;

/** One PDS for the whole file (starting one costs seconds), with rate limits on as on bsky.social. */
let shared: Promise<TestBluesky> | null = null;
function testPds(): Promise<TestBluesky> {
  shared ??= startTestBluesky({ rateLimits: true });
  return shared;
}
afterAll(async () => {
  await (await shared)?.close();
});

const NO_APPVIEW =
  'TestNetworkNoAppView has no AppView, and the PDS proxies app.bsky.feed.getPosts, ' +
  'app.bsky.feed.searchPosts and app.bsky.notification.listNotifications to one; the mapping is checked ' +
  'against a stand-in AppView below';

describeConformance(
  'bluesky (real PDS, no AppView)',
  async () => {
    const pds = await testPds();
    const brand = await pds.createAccount('brand');
    const fan = await pds.createAccount('kundin');
    const fanAgent = await pds.agentFor(fan);
    return {
      connector: connectorFor(pds, brand),
      handle: 'brand.test',
      mentionPrefix: '@brand.test',
      badCredentials: connectorFor(pds, { handle: brand.handle, appPassword: 'wrong-password' }),
      peer: {
        async readPost(id) {
          const record = await readRecord(fanAgent, id);
          if (!record) return null;
          const value = record.value as {
            text: string;
            reply?: { parent: { uri: string } };
            embed?: { images?: { alt: string }[] };
          };
          return {
            text: value.text,
            altTexts: value.embed?.images?.map((i) => i.alt) ?? [],
            replyToId: value.reply?.parent.uri ?? null,
          };
        },
        async countPosts(marker) {
          const res = await fanAgent.com.atproto.repo.listRecords({
            repo: brand.did,
            collection: POST_COLLECTION,
            limit: 100,
          });
          return res.data.records.filter((r) => (r.value as { text: string }).text.includes(marker)).length;
        },
        async mention(text) {
          const rt = new RichText({ text });
          await rt.detectFacets(fanAgent);
          await fanAgent.post({ text: rt.text, facets: rt.facets });
        },
        async publicPost(text) {
          await fanAgent.post({ text });
        },
        async engage(postId, e) {
          const record = await readRecord(fanAgent, postId);
          const ref = { uri: postId, cid: record!.cid! };
          for (let i = 0; i < e.likes; i++)
            await (await pds.agentFor(await pds.createAccount(`like${i}`))).like(ref.uri, ref.cid);
          for (let i = 0; i < e.reposts; i++) await fanAgent.repost(ref.uri, ref.cid);
          for (let i = 0; i < e.replies; i++)
            await fanAgent.post({ text: 'Toll!', reply: { root: ref, parent: ref } });
        },
        async rateLimitedConnector() {
          // A PDS allows 30 logins per account in 5 minutes: use them up, then a fresh connector must log in.
          const hurried = await pds.createAccount('eilig');
          const login = () =>
            new AtpAgent({ service: pds.url }).login({
              identifier: hurried.handle,
              password: hurried.appPassword,
            });
          await Promise.allSettled(Array.from({ length: 31 }, login));
          await expect(login()).rejects.toMatchObject({ status: 429 });
          return connectorFor(pds, hurried);
        },
      },
      async teardown() {
        // The file's PDS is closed after all parts.
      },
    };
  },
  {
    setupTimeoutMs: START_TIMEOUT,
    timeoutMs: 30_000,
    skip: { metrics: NO_APPVIEW, inbound: NO_APPVIEW, search: NO_APPVIEW },
  },
);

describe('bluesky connector on a real PDS', () => {
  let pds: TestBluesky;
  let brand: TestBlueskyAccount;
  let fan: TestBlueskyAccount;
  let fanAgent: AtpAgent;

  beforeAll(async () => {
    pds = await testPds();
    brand = await pds.createAccount('firma');
    fan = await pds.createAccount('leserin');
    fanAgent = await pds.agentFor(fan);
  }, START_TIMEOUT);

  it('gives links, hashtags and mentions facets at their UTF-8 byte offsets', async () => {
    const c = connectorFor(pds, brand);
    const text = 'Grüße 👋🏽 aus Köln: https://example.com/über?x=1 #Mittelstand @leserin.test!';
    const post = await c.publish(textPost(text));
    const record = (await readRecord(fanAgent, post.id))!.value as {
      text: string;
      facets: { index: { byteStart: number; byteEnd: number }; features: Record<string, string>[] }[];
    };
    expect(record.text).toBe(text);
    const bytes = new TextEncoder().encode(text);
    const slice = (f: { index: { byteStart: number; byteEnd: number } }) =>
      new TextDecoder().decode(bytes.slice(f.index.byteStart, f.index.byteEnd));
    const byType = Object.fromEntries(record.facets.map((f) => [f.features[0]!.$type, f]));
    const link = byType['app.bsky.richtext.facet#link']!;
    expect(slice(link)).toBe('https://example.com/über?x=1');
    expect(link.index.byteStart).toBe(new TextEncoder().encode('Grüße 👋🏽 aus Köln: ').byteLength);
    expect(link.features[0]!.uri).toBe('https://example.com/über?x=1');
    expect(slice(byType['app.bsky.richtext.facet#tag']!)).toBe('#Mittelstand');
    const mention = byType['app.bsky.richtext.facet#mention']!;
    expect(slice(mention)).toBe('@leserin.test');
    expect(mention.features[0]!.did).toBe(fan.did);
  });

  it('a mention of a handle that does not resolve stays plain text', async () => {
    const post = await connectorFor(pds, brand).publish(textPost('Hallo @niemand.test'));
    const record = (await readRecord(fanAgent, post.id))!.value as { facets?: unknown[] };
    expect(record.facets ?? []).toEqual([]);
  });

  it('a reply to a reply keeps the thread root', async () => {
    const c = connectorFor(pds, brand);
    const a = await c.publish(textPost('1/3'));
    const b = await c.publish(textPost('2/3', { replyToId: a.id }));
    const third = await c.publish(textPost('3/3', { replyToId: b.id }));
    const record = (await readRecord(fanAgent, third.id))!.value as {
      reply: { root: { uri: string }; parent: { uri: string } };
    };
    expect(record.reply.root.uri).toBe(a.id);
    expect(record.reply.parent.uri).toBe(b.id);
    await expect(c.publish(textPost('x', { replyToId: `${a.id}zz` }))).rejects.toBeInstanceOf(Rejected);
  });

  it('a first attempt that went out (answer lost) is found, and a retry does not post again', async () => {
    const c = connectorFor(pds, brand);
    const req = textPost('Ging das raus?', {
      media: [{ data: TINY_PNG, mimeType: 'image/png', altText: 'Punkt', filename: 'p.png' }],
    });
    const brandAgent = await pds.agentFor(brand);
    // The first attempt: the record is written, the answer never arrives.
    await brandAgent.com.atproto.repo.createRecord({
      repo: brand.did,
      collection: POST_COLLECTION,
      rkey: rkeyFromIdempotencyKey(req.idempotencyKey),
      record: { $type: POST_COLLECTION, text: req.text, createdAt: '2026-01-02T03:04:05.000Z' },
    });
    const found = await c.findByIdempotencyKey(req.idempotencyKey);
    expect(found).toMatchObject({ publishedAt: new Date('2026-01-02T03:04:05.000Z') });
    const retried = await c.publish(req);
    expect(retried.id).toBe(found !== 'unknown' ? found?.id : null);
    const all = await brandAgent.com.atproto.repo.listRecords({
      repo: brand.did,
      collection: POST_COLLECTION,
    });
    expect(all.data.records.filter((r) => (r.value as { text: string }).text === req.text)).toHaveLength(1);
  });

  it('maps the PDS refusing a record to Rejected with its message', async () => {
    const agent = await pds.agentFor(brand);
    const err = await agent.com.atproto.repo
      .createRecord({
        repo: brand.did,
        collection: POST_COLLECTION,
        record: { $type: POST_COLLECTION, text: 'x'.repeat(3001), createdAt: new Date().toISOString() },
      })
      .catch((e: unknown) => toConnectorError(e));
    expect(err).toBeInstanceOf(Rejected);
    expect((err as Rejected).reason).toMatch(/string too big \(maximum 3000/);
  });

  it('deleting another account’s post is refused; an unknown one is already gone', async () => {
    const theirs = await fanAgent.post({ text: 'meins' });
    const c = connectorFor(pds, brand);
    await expect(c.delete(theirs.uri)).rejects.toBeInstanceOf(Rejected);
    await expect(c.delete('not-an-at-uri')).resolves.toBeUndefined();
  });

  it('metrics and notifications fail as Transient when the AppView behind the PDS is unreachable', async () => {
    const c = connectorFor(pds, brand);
    const post = await c.publish(textPost('Zahlen?'));
    await expect(c.fetchMetrics(post.id)).rejects.toBeInstanceOf(Transient);
    await expect(c.fetchInbound(null, 10)).rejects.toBeInstanceOf(Transient);
  });

  it('reuses a cached session and replaces one the PDS refuses by a fresh login', async () => {
    const sessions: BlueskySessionCache = new Map();
    const first = connectorFor(pds, brand, { sessions });
    await first.verify();
    expect(sessions.size).toBe(1);
    const [key, cached] = [...sessions.entries()][0]!;
    sessions.set(key, { ...cached, session: { ...cached.session, accessJwt: 'stale', refreshJwt: 'stale' } });
    const second = connectorFor(pds, brand, { sessions });
    expect(await second.verify()).toMatchObject({ id: brand.did, handle: 'firma.test' });
    expect(sessions.get(key)?.session.accessJwt).not.toBe('stale');
    // A cached session never opens the account for a different password.
    await expect(
      connectorFor(pds, { handle: brand.handle, appPassword: 'guessed' }, { sessions }).verify(),
    ).rejects.toBeInstanceOf(AuthExpired);
  });
});

describe('bluesky connector against a stand-in AppView', () => {
  // What an AppView answers (lexicon shapes of app.bsky.feed.getPosts and
  // app.bsky.notification.listNotifications), served over HTTP so the connector's own paging runs.
  const did = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
  const cid = 'bafyreigbxncrwcjndvgpvnuyb3asbhy3q7274o344bzs52b4qw3kbilbyq';
  const notifications: Record<string, unknown>[] = [];
  /** Posts the stand-in search knows, newest first (as `sort=latest` answers). */
  const searchable: Record<string, unknown>[] = [];
  const searchRequests: URLSearchParams[] = [];
  let server: http.Server;
  let url: string;
  let seq = 0;

  function notify(reason: string, text: string, replyTo?: string) {
    seq++;
    notifications.unshift({
      uri: `at://did:plc:fan${String(seq).padStart(21, '0')}/app.bsky.feed.post/3kabc${String(seq).padStart(8, '2')}`,
      cid,
      author: { did: 'did:plc:fanaccount0000000000000', handle: 'fan.test', displayName: 'Ein Fan' },
      reason,
      record: {
        $type: 'app.bsky.feed.post',
        text,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
        ...(replyTo ? { reply: { root: { uri: replyTo, cid }, parent: { uri: replyTo, cid } } } : {}),
      },
      isRead: false,
      indexedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    });
  }

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (u.pathname === '/xrpc/com.atproto.server.createSession') {
        return json(200, { did, handle: 'brand.test', accessJwt: 'a', refreshJwt: 'r', active: true });
      }
      if (u.pathname === '/xrpc/app.bsky.notification.listNotifications') {
        const reasons = u.searchParams.getAll('reasons');
        const limit = Number(u.searchParams.get('limit') ?? 50);
        const offset = Number(u.searchParams.get('cursor') ?? 0);
        const list = notifications.filter(
          (n) => reasons.length === 0 || reasons.includes(n.reason as string),
        );
        const page = list.slice(offset, offset + limit);
        return json(200, {
          notifications: page,
          ...(offset + limit < list.length ? { cursor: String(offset + limit) } : {}),
        });
      }
      if (u.pathname === '/xrpc/app.bsky.feed.searchPosts') {
        searchRequests.push(u.searchParams);
        const limit = Number(u.searchParams.get('limit') ?? 25);
        const offset = Number(u.searchParams.get('cursor') ?? 0);
        const lang = u.searchParams.get('lang');
        const list = searchable.filter(
          (p) => lang === null || (p.record as { langs: string[] }).langs.includes(lang),
        );
        return json(200, {
          posts: list.slice(offset, offset + limit),
          ...(offset + limit < list.length ? { cursor: String(offset + limit) } : {}),
        });
      }
      if (u.pathname === '/xrpc/app.bsky.feed.getPosts') {
        const uris = u.searchParams.getAll('uris');
        return json(200, {
          posts: uris
            .filter((x) => x.endsWith('known'))
            .map((uri) => ({
              uri,
              cid,
              author: { did, handle: 'brand.test' },
              record: { $type: 'app.bsky.feed.post', text: 'x', createdAt: '2026-01-01T00:00:00.000Z' },
              likeCount: 12,
              repostCount: 3,
              replyCount: 4,
              quoteCount: 1,
              indexedAt: '2026-01-01T00:00:00.000Z',
            })),
        });
      }
      return json(404, { error: 'XRPCNotSupported', message: 'not here' });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads counts from the post view; impressions stay unknown', async () => {
    const c = connectorFor({ url }, { handle: 'brand.test', appPassword: 'x' });
    expect(await c.fetchMetrics(`at://${did}/app.bsky.feed.post/known`)).toEqual({
      likes: 12,
      reposts: 3,
      replies: 4,
      impressions: null,
    });
    await expect(c.fetchMetrics(`at://${did}/app.bsky.feed.post/gone`)).rejects.toBeInstanceOf(Rejected);
  });

  it('searches with Bluesky’s syntax and pages back to the search cursor, oldest first', async () => {
    const c = connectorFor({ url }, { handle: 'brand.test', appPassword: 'x' });
    const found = (i: number, lang: string) => {
      searchable.unshift({
        uri: `at://did:plc:author${String(i).padStart(18, '0')}/app.bsky.feed.post/3kpost${String(i).padStart(7, '2')}`,
        cid,
        author: { did: 'did:plc:authoraccount00000000000', handle: 'presse.test', displayName: '' },
        record: {
          $type: 'app.bsky.feed.post',
          text: `Beispiel GmbH ${i}`,
          langs: [lang],
          createdAt: new Date(Date.UTC(2026, 1, 1, 0, 0, i)).toISOString(),
        },
        indexedAt: new Date(Date.UTC(2026, 1, 1, 0, 0, i)).toISOString(),
      });
    };
    found(1, 'de');
    const query = {
      words: ['Beispiel'],
      phrases: ['Beispiel GmbH'],
      hashtags: ['news'],
      accounts: ['presse.test'],
      language: 'de',
    };
    const start = await c.search(query, null, 10);
    expect(start.items).toEqual([
      {
        id: expect.stringMatching(/^at:\/\//),
        author: { id: 'did:plc:authoraccount00000000000', handle: 'presse.test', displayName: 'presse.test' },
        text: 'Beispiel GmbH 1',
        createdAt: new Date(Date.UTC(2026, 1, 1, 0, 0, 1)),
        url: expect.stringMatching(/^https:\/\/bsky\.app\/profile\/presse\.test\/post\//),
        language: 'de',
      },
    ]);
    const req = searchRequests.at(-1)!;
    expect(req.get('q')).toBe('Beispiel "Beispiel GmbH" #news from:presse.test');
    expect(req.get('sort')).toBe('latest');
    expect(req.get('lang')).toBe('de');
    for (let i = 2; i <= 80; i++) found(i, i % 2 === 0 ? 'de' : 'en');
    const next = await c.search(query, start.cursor, 100);
    expect(next.items.map((p) => p.text)).toEqual(
      Array.from({ length: 40 }, (_, k) => `Beispiel GmbH ${2 * (k + 1)}`),
    );
    const none = await c.search(query, next.cursor, 100);
    expect(none).toEqual({ items: [], cursor: next.cursor });
  });

  it('pages back to the cursor and returns only newer items, oldest first, without gaps', async () => {
    const c = connectorFor({ url }, { handle: 'brand.test', appPassword: 'x' });
    notify('mention', 'erste Erwähnung');
    notify('like', 'kein Inbox-Eintrag');
    const start = await c.fetchInbound(null, 40);
    expect(start.items.map((i) => [i.kind, i.text])).toEqual([['mention', 'erste Erwähnung']]);
    for (let i = 0; i < 130; i++)
      notify(
        i % 3 === 0 ? 'reply' : i % 3 === 1 ? 'quote' : 'mention',
        `n${i}`,
        i % 3 === 0 ? `at://${did}/app.bsky.feed.post/known` : undefined,
      );
    const first = await c.fetchInbound(start.cursor, 100);
    expect(first.items.map((i) => i.text)).toEqual(Array.from({ length: 100 }, (_, k) => `n${k}`));
    expect(first.items[0]).toMatchObject({
      kind: 'reply',
      inReplyToId: `at://${did}/app.bsky.feed.post/known`,
    });
    expect(first.items[1]!.kind).toBe('mention');
    const rest = await c.fetchInbound(first.cursor, 100);
    expect(rest.items.map((i) => i.text)).toEqual(Array.from({ length: 30 }, (_, k) => `n${100 + k}`));
    const none = await c.fetchInbound(rest.cursor, 100);
    expect(none).toEqual({ items: [], cursor: rest.cursor });
  });
});

describe('bluesky mapping', () => {
  it('derives a valid, stable TID record key from the idempotency key', () => {
    const a = rkeyFromIdempotencyKey('post-1');
    expect(a).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(rkeyFromIdempotencyKey('post-1')).toBe(a);
    expect(rkeyFromIdempotencyKey('post-2')).not.toBe(a);
    const keys = new Set(Array.from({ length: 5000 }, (_, i) => rkeyFromIdempotencyKey(`k${i}`)));
    expect(keys.size).toBe(5000);
  });

  it('maps XRPC errors to the typed errors', () => {
    expect(
      toConnectorError(new XRPCError(401, 'AuthenticationRequired', 'Invalid identifier or password')),
    ).toBeInstanceOf(AuthExpired);
    expect(toConnectorError(new XRPCError(400, 'ExpiredToken', 'Token has expired'))).toBeInstanceOf(
      AuthExpired,
    );
    const limited = toConnectorError(
      new XRPCError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', {
        'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 120),
      }),
    );
    expect(limited).toBeInstanceOf(RateLimited);
    expect((limited as RateLimited).retryAfterSeconds).toBeGreaterThan(100);
    expect(
      toConnectorError(new XRPCError(400, 'InvalidRequest', 'Invalid app.bsky.feed.post record')),
    ).toMatchObject({
      reason: 'Invalid app.bsky.feed.post record',
    });
    expect(
      toConnectorError(new XRPCError(502, 'UpstreamFailure', 'Upstream service unreachable')),
    ).toBeInstanceOf(Transient);
    expect(toConnectorError(new XRPCError(1, 'Unknown', 'fetch failed'))).toBeInstanceOf(Transient);
  });

  it('reads the wait from Retry-After or RateLimit-Reset', () => {
    expect(retryAfterSeconds({ 'retry-after': '289' })).toBe(289);
    expect(retryAfterSeconds({ 'ratelimit-reset': '1000' }, 990_000)).toBe(10);
    expect(retryAfterSeconds({})).toBe(60);
  });
});
