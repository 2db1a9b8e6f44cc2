import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeMastodon,
  MASTODON_FAULTS,
  startFakeMastodon,
} from '../../../test/fakes/mastodon-server.ts';
import { AuthExpired, ConnectorError, RateLimited, Rejected, Transient } from '../connector.ts';
import { ServiceUrlNotAllowed } from '../outbound.ts';
import { seededRandom } from '../sandbox/faults.ts';
import { describeConformance, TINY_PNG, textPost } from '../testing/conformance.ts';
import { type MastodonOptions, mastodonConnector } from './client.ts';
import { htmlToText, retryAfterSeconds } from './mapping.ts';

const OPTIONS: MastodonOptions = { allowPrivateAddresses: true, timeoutMs: 2000, mediaPollIntervalMs: 20 };

function connectorFor(fake: FakeMastodon, token: string, options: Partial<MastodonOptions> = {}) {
  return mastodonConnector(
    { serviceUrl: fake.url, identifier: token, secret: '' },
    { ...OPTIONS, ...options },
  );
}

describeConformance('mastodon (local fake server)', async () => {
  // Images are processed asynchronously here (202, then 206 twice): the connector must wait for them.
  const fake = await startFakeMastodon({ mediaPendingPolls: 2 });
  const brand = fake.createAccount('brand', 'Brand GmbH');
  const fan = fake.createAccount('kundin', 'Eine Kundin');
  return {
    connector: connectorFor(fake, brand.token),
    handle: `brand@${fake.host}`,
    mentionPrefix: '@brand',
    badCredentials: connectorFor(fake, 'not-a-token'),
    peer: {
      async readPost(id) {
        const s = fake.status(id);
        if (!s || s.deletedAt) return null;
        return {
          text: s.text,
          altTexts: s.mediaIds.map((m) => fake.media(m)?.description ?? ''),
          replyToId: s.inReplyToId,
        };
      },
      async countPosts(marker) {
        return fake.statuses(brand.id).filter((s) => !s.deletedAt && s.text.includes(marker)).length;
      },
      async mention(text) {
        fake.mention(fan, brand, text);
      },
      async publicPost(text) {
        fake.post(fan, text);
      },
      async engage(postId, e) {
        fake.engage(postId, { favourites: e.likes, reblogs: e.reposts, replies: e.replies });
      },
      async rateLimitedConnector() {
        const hurried = fake.createAccount('eilig');
        fake.exhaustRateLimit(hurried.token);
        return connectorFor(fake, hurried.token);
      },
    },
    teardown: () => fake.close(),
  };
});

describe('mastodon connector', () => {
  let fake: FakeMastodon;
  beforeAll(async () => {
    fake = await startFakeMastodon();
  });
  afterAll(() => fake.close());

  it('sends the idempotency key as the Idempotency-Key header, with a bearer token', async () => {
    const account = fake.createAccount('header');
    const req = textPost('Kopfzeile');
    await connectorFor(fake, account.token).publish(req);
    const sent = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').at(-1);
    expect(sent?.headers['idempotency-key']).toBe(req.idempotencyKey);
    expect(sent?.headers.authorization).toBe(`Bearer ${account.token}`);
  });

  it("passes on the instance's words when it refuses a post (422)", async () => {
    const account = fake.createAccount('refused');
    const err = await connectorFor(fake, account.token)
      .publish(textPost('x'.repeat(501)))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Rejected);
    expect((err as Rejected).reason).toBe('Validation failed: Text character limit of 500 exceeded');
    const media = await connectorFor(fake, account.token)
      .publish(
        textPost('bmp', {
          media: [{ data: TINY_PNG, mimeType: 'image/bmp', altText: '', filename: 'a.bmp' }],
        }),
      )
      .catch((e: unknown) => e);
    expect((media as Rejected).reason).toMatch(/File content type is invalid/);
  });

  it('counts a long URL as 23 characters, as the instance does', async () => {
    const account = fake.createAccount('urls');
    const text = `${'a'.repeat(470)} https://example.com/${'b'.repeat(300)}`;
    await expect(connectorFor(fake, account.token).publish(textPost(text))).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it('reports replies and direct messages by their kind, as plain text', async () => {
    const brand = fake.createAccount('kinds');
    const other = fake.createAccount('other');
    const c = connectorFor(fake, brand.token);
    const post = await c.publish(textPost('Frage an alle'));
    fake.mention(other, brand, 'Antwort mit <b>Fett</b> & https://example.com/x', { inReplyToId: post.id });
    fake.mention(other, brand, 'Privat', { visibility: 'direct' });
    const page = await c.fetchInbound(null, 40);
    expect(page.items.map((i) => [i.kind, i.text, i.inReplyToId])).toEqual([
      ['reply', '@kinds Antwort mit <b>Fett</b> & https://example.com/x', post.id],
      ['direct_message', '@kinds Privat', null],
    ]);
    expect(page.items[0]!.author).toMatchObject({ handle: 'other', displayName: 'other' });
  });

  it('pages through many mentions without gaps or repeats', async () => {
    const brand = fake.createAccount('busy');
    const other = fake.createAccount('chatty');
    for (let i = 0; i < 95; i++) fake.mention(other, brand, `Nachricht ${i}`);
    const c = connectorFor(fake, brand.token);
    // The first page is the newest; from its cursor on, pages run forward.
    const first = await c.fetchInbound(null, 10);
    expect(first.items.map((i) => i.text)).toEqual(
      Array.from({ length: 10 }, (_, k) => `@busy Nachricht ${85 + k}`),
    );
    for (let i = 95; i < 190; i++) fake.mention(other, brand, `Nachricht ${i}`);
    const seen: string[] = [];
    let cursor = first.cursor;
    for (;;) {
      const page = await c.fetchInbound(cursor, 40);
      seen.push(...page.items.map((i) => i.text));
      cursor = page.cursor;
      if (page.items.length === 0) break;
    }
    expect(seen).toEqual(Array.from({ length: 95 }, (_, k) => `@busy Nachricht ${95 + k}`));
  });

  it('refuses instance URLs that break the outbound rule', () => {
    const refused =
      (serviceUrl: string, allowPrivateAddresses = false) =>
      () =>
        mastodonConnector(
          { serviceUrl, identifier: 't', secret: '' },
          { allowPrivateAddresses, timeoutMs: 1000 },
        );
    expect(refused(fake.url)).toThrow(ServiceUrlNotAllowed);
    expect(refused('http://localhost:3000')).toThrow(ServiceUrlNotAllowed);
    expect(refused('http://169.254.169.254/')).toThrow(ServiceUrlNotAllowed);
    expect(refused('https://[::ffff:127.0.0.1]/')).toThrow(ServiceUrlNotAllowed);
    expect(refused('http://social.example')).toThrow(/https:\/\/ required/);
    expect(refused('https://user:pw@social.example')).toThrow(ServiceUrlNotAllowed);
    expect(refused('not a url')).toThrow(ServiceUrlNotAllowed);
    expect(refused(fake.url, true)).not.toThrow();
    // A refused URL is an AuthExpired: the channel must be connected again, nothing is retried.
    expect(new ServiceUrlNotAllowed('x', 'y')).toBeInstanceOf(AuthExpired);
  });
});

describe('mastodon faults', () => {
  let fake: FakeMastodon;
  beforeAll(async () => {
    fake = await startFakeMastodon();
  });
  afterAll(() => fake.close());

  it('maps each injected fault to its typed error', async () => {
    const account = fake.createAccount('faults');
    const c = connectorFor(fake, account.token, { timeoutMs: 300 });
    const cases = [
      ['rate_limit', RateLimited],
      ['server_error', Transient],
      ['unavailable', Transient],
      ['hang', Transient],
      ['drop', Transient],
      ['lost_response', Transient],
    ] as const;
    for (const [fault, type] of cases) {
      fake.failNext(fault);
      const t = performance.now();
      const err = await c.verify().catch((e: unknown) => e);
      expect(err, fault).toBeInstanceOf(type);
      expect(performance.now() - t, fault).toBeLessThan(300 + 700);
    }
    fake.failNext('rate_limit');
    expect(((await c.verify().catch((e: unknown) => e)) as RateLimited).retryAfterSeconds).toBe(7);
  });

  it('a lost answer to a post is safe to retry with the same key: one status', async () => {
    const account = fake.createAccount('lost');
    const c = connectorFor(fake, account.token);
    const req = textPost('Einmal bitte');
    fake.failNext('lost_response');
    await expect(c.publish(req)).rejects.toBeInstanceOf(Transient);
    expect(fake.statuses(account.id)).toHaveLength(1);
    const retried = await c.publish(req);
    expect(retried.id).toBe(fake.statuses(account.id)[0]!.id);
    expect(fake.statuses(account.id)).toHaveLength(1);
    expect(await c.findByIdempotencyKey(req.idempotencyKey)).toBe('unknown');
  });

  it('with 20 % faults of every kind, every call succeeds or fails typed and in time; retries post once', async () => {
    const account = fake.createAccount('flaky');
    const timeoutMs = 250;
    const c = connectorFor(fake, account.token, { timeoutMs });
    fake.setFaults(0.2, MASTODON_FAULTS, seededRandom(2024));
    const names = new Map<string, number>();
    const pending = new Map<string, ReturnType<typeof textPost>>();
    try {
      for (let i = 0; i < 50; i++) {
        const req = textPost(`Versuch ${i}`, {
          media:
            i % 5 === 0
              ? [{ data: TINY_PNG, mimeType: 'image/png', altText: `Bild ${i}`, filename: 'b.png' }]
              : [],
        });
        const t = performance.now();
        const name = await c.publish(req).then(
          () => 'ok',
          (e: unknown) => {
            expect(e).toBeInstanceOf(ConnectorError);
            expect(e).not.toBeInstanceOf(AuthExpired);
            expect(e).not.toBeInstanceOf(Rejected);
            if (e instanceof RateLimited) expect(e.retryAfterSeconds).toBeGreaterThan(0);
            pending.set(req.idempotencyKey, req);
            return (e as Error).name;
          },
        );
        // An upload and a status: at most two requests, each bounded by the time-out.
        expect(performance.now() - t).toBeLessThan(2 * timeoutMs + 700);
        names.set(name, (names.get(name) ?? 0) + 1);
        const t2 = performance.now();
        const read = await c.fetchInbound(null, 5).then(
          () => 'ok',
          (e: unknown) => (e instanceof RateLimited || e instanceof Transient ? e.name : String(e)),
        );
        expect(['ok', 'RateLimited', 'Transient']).toContain(read);
        expect(performance.now() - t2).toBeLessThan(timeoutMs + 700);
        names.set(read, (names.get(read) ?? 0) + 1);
      }
    } finally {
      fake.setFaults(0);
    }
    // Every kind of fault was injected, and surfaced as one of the two retryable errors.
    const injected = new Set(
      fake.requests.filter((r) => r.headers.authorization?.endsWith(account.token)).map((r) => r.fault),
    );
    for (const fault of MASTODON_FAULTS) expect(injected, fault).toContain(fault);
    expect(names.get('RateLimited')).toBeGreaterThan(0);
    expect(names.get('Transient')).toBeGreaterThan(0);
    expect(names.get('ok')).toBeGreaterThan(60);
    // The publisher retries what failed with the same key: each post exists exactly once.
    for (const req of pending.values()) await c.publish(req);
    const texts = fake.statuses(account.id).map((s) => s.text);
    expect(texts.length).toBe(50);
    expect(new Set(texts).size).toBe(50);
  });
});

describe('mastodon mapping', () => {
  it('turns status HTML into plain text', () => {
    const html =
      '<p><span class="h-card" translate="no"><a href="https://social.example/@brand" class="u-url mention">@<span>brand</span></a></span> Grüße &amp; Dank &lt;3</p>' +
      '<p>Zeile 1<br />Zeile 2<br>Link: <a href="https://example.com/very/long"><span class="invisible">https://</span><span class="ellipsis">example.com/ve</span><span class="invisible">ry/long</span></a></p>';
    expect(htmlToText(html)).toBe(
      '@brand Grüße & Dank <3\n\nZeile 1\nZeile 2\nLink: https://example.com/very/long',
    );
  });

  it('drops scripts and styles, decodes entities only after the tags are gone', () => {
    expect(htmlToText('<p>a<script>alert(1)</script>b<style>p{}</style></p>')).toBe('ab');
    expect(htmlToText('&lt;script&gt;x&lt;/script&gt;')).toBe('<script>x</script>');
    expect(htmlToText('&#x1F600; &#128512; &#0; &#xD800; &bogus;')).toBe('😀 😀 \ufffd \ufffd &bogus;');
    expect(htmlToText('<p>unclosed <b')).toBe('unclosed');
  });

  it('reads the wait from Retry-After, else X-RateLimit-Reset', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(retryAfterSeconds(new Headers({ 'retry-after': '42' }), now)).toBe(42);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 12:00:30 GMT' }), now)).toBe(30);
    expect(retryAfterSeconds(new Headers({ 'x-ratelimit-reset': '2026-01-01T12:04:59.200Z' }), now)).toBe(
      300,
    );
    expect(retryAfterSeconds(new Headers({ 'x-ratelimit-reset': '2025-01-01T00:00:00Z' }), now)).toBe(1);
    expect(retryAfterSeconds(new Headers(), now)).toBe(60);
  });
});
