import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthExpired,
  type Connector,
  type InboundItem,
  type MetricName,
  type NetworkSearchQuery,
  type PublishRequest,
  RateLimited,
  Rejected,
} from '../connector.ts';

/**
 * One suite every connector passes (DESIGN convention 6). A connector brings a `setup` that starts its
 * network (the sandbox, a local Mastodon, a real PDS) and a peer: the view of the network from outside
 * the channel — what others see of a post, another account that mentions the channel, an audience.
 * A check the network (or its local stand-in) cannot answer is skipped by name, with the reason.
 */

export interface PeerPost {
  text: string;
  altTexts: string[];
  replyToId: string | null;
}

export interface ConformancePeer {
  /** The post as others see it; null when it does not exist (or is deleted). */
  readPost(id: string): Promise<PeerPost | null>;
  /** How many posts of the channel's account contain `marker` (deleted ones not counted). */
  countPosts(marker: string): Promise<number>;
  /** Another account mentions the channel's account with this text (which names the account). */
  mention(text: string): Promise<void>;
  /** Other accounts like, repost and reply to the post. */
  engage(postId: string, engagement: { likes: number; reposts: number; replies: number }): Promise<void>;
  /** Another account publishes a public post (what listening finds by search). */
  publicPost(text: string): Promise<void>;
  /** A connector of an account whose rate limit is used up: its next call is refused. */
  rateLimitedConnector(): Promise<Connector>;
}

export interface ConformanceSetup {
  connector: Connector;
  /** The handle `verify` must report. */
  handle: string;
  /** How the peer's mention text addresses the channel's account, e.g. `@brand`. */
  mentionPrefix: string;
  /** A connector with credentials the network refuses. */
  badCredentials: Connector;
  peer: ConformancePeer;
  teardown(): Promise<void>;
}

export const CONFORMANCE_CHECKS = [
  'verify',
  'publish text',
  'publish image',
  'thread',
  'too long',
  'bad credentials',
  'delete',
  'metrics',
  'inbound',
  'idempotency',
  'rate limit',
  'search',
] as const;
export type ConformanceCheck = (typeof CONFORMANCE_CHECKS)[number];

export interface ConformanceOptions {
  /** Checks that cannot be answered here, each with the reason (shown in the test name). */
  skip?: Partial<Record<ConformanceCheck, string>>;
  /** Per test; real servers may need more than Vitest's 5 s default. */
  timeoutMs?: number;
  /** For `beforeAll`: starting a network. */
  setupTimeoutMs?: number;
}

/** A 1×1 PNG: every network here accepts it. */
export const TINY_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x04, 0x00, 0x00, 0x00, 0xb5, 0x1c, 0x0c, 0x02, 0x00, 0x00, 0x00,
  0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0x00, 0x00, 0x00, 0x06, 0x00, 0x02, 0x30, 0x81,
  0xd0, 0x2f, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);

export function textPost(text: string, extra: Partial<PublishRequest> = {}): PublishRequest {
  return { text, media: [], replyToId: null, idempotencyKey: randomUUID(), ...extra };
}

function searchFor(terms: Partial<NetworkSearchQuery>): NetworkSearchQuery {
  return { words: [], phrases: [], hashtags: [], accounts: [], language: null, ...terms };
}

function marker(): string {
  return `m${randomUUID().slice(0, 8)}`;
}

/** Reads the inbound feed from `since` to its end. */
async function drain(
  connector: Connector,
  since: string | null,
): Promise<{ items: InboundItem[]; cursor: string | null }> {
  const items: InboundItem[] = [];
  let cursor = since;
  for (let page = 0; page < 50; page++) {
    const res = await connector.fetchInbound(cursor, 40);
    items.push(...res.items);
    cursor = res.cursor ?? cursor;
    if (res.items.length < 40) break;
  }
  return { items, cursor };
}

export function describeConformance(
  name: string,
  setup: () => Promise<ConformanceSetup>,
  options: ConformanceOptions = {},
): void {
  describe(`connector conformance: ${name}`, () => {
    let ctx: ConformanceSetup;
    const timeout = options.timeoutMs ?? 15_000;

    beforeAll(async () => {
      ctx = await setup();
    }, options.setupTimeoutMs ?? 60_000);

    afterAll(async () => {
      await ctx?.teardown();
    });

    function check(check: ConformanceCheck, title: string, fn: () => Promise<void>): void {
      const reason = options.skip?.[check];
      if (reason) it.skip(`${title} — not checked here: ${reason}`, fn);
      else it(title, fn, timeout);
    }

    check('verify', 'verify tells whose account the credentials open', async () => {
      const account = await ctx.connector.verify();
      expect(account.id).not.toBe('');
      expect(account.handle).toBe(ctx.handle);
      expect(account.url).not.toBe('');
    });

    check(
      'publish text',
      'publishes a text with umlauts and emoji, which others read as written',
      async () => {
        const text = `Grüße aus Köln 👋🏽 — Ä Ö Ü ß ✓ 🇩🇪 ${marker()}`;
        const before = Date.now();
        const post = await ctx.connector.publish(textPost(text));
        expect(post.id).not.toBe('');
        expect(post.url).not.toBe('');
        expect(Math.abs(post.publishedAt.getTime() - before)).toBeLessThan(5 * 60_000);
        const seen = await ctx.peer.readPost(post.id);
        expect(seen?.text).toBe(text);
      },
    );

    check('publish image', 'publishes an image with its alt text', async () => {
      const alt = 'Ein Diagramm: Umsatz 2024 steigt 📈';
      const post = await ctx.connector.publish(
        textPost(`Mit Bild ${marker()}`, {
          media: [{ data: TINY_PNG, mimeType: 'image/png', altText: alt, filename: 'chart.png' }],
        }),
      );
      const seen = await ctx.peer.readPost(post.id);
      expect(seen?.altTexts).toEqual([alt]);
    });

    check('thread', 'a reply to the own post forms a thread', async () => {
      const root = await ctx.connector.publish(textPost(`Thread 1/2 ${marker()}`));
      const reply = await ctx.connector.publish(textPost(`Thread 2/2 ${marker()}`, { replyToId: root.id }));
      const seen = await ctx.peer.readPost(reply.id);
      expect(seen?.replyToId).toBe(root.id);
    });

    check('too long', 'a text over the limit is rejected with a reason', async () => {
      const text = 'ä'.repeat(ctx.connector.capabilities.maxChars + 1);
      const err = await ctx.connector.publish(textPost(text)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Rejected);
      expect((err as Rejected).reason).not.toBe('');
    });

    check('bad credentials', 'refused credentials fail with AuthExpired', async () => {
      await expect(ctx.badCredentials.verify()).rejects.toBeInstanceOf(AuthExpired);
      await expect(ctx.badCredentials.publish(textPost('nope'))).rejects.toBeInstanceOf(AuthExpired);
    });

    check('delete', 'deletes a post; deleting it again succeeds', async () => {
      const m = marker();
      const post = await ctx.connector.publish(textPost(`Gleich weg ${m}`));
      expect(await ctx.peer.countPosts(m)).toBe(1);
      await ctx.connector.delete(post.id);
      expect(await ctx.peer.readPost(post.id)).toBeNull();
      expect(await ctx.peer.countPosts(m)).toBe(0);
      await ctx.connector.delete(post.id);
    });

    check('metrics', 'fetches metrics after others engaged', async () => {
      const post = await ctx.connector.publish(textPost(`Bitte liken ${marker()}`));
      await ctx.peer.engage(post.id, { likes: 3, reposts: 2, replies: 1 });
      const metrics = await ctx.connector.fetchMetrics(post.id);
      const expected: Record<MetricName, number> = { likes: 3, reposts: 2, replies: 1, impressions: 0 };
      for (const name of ['likes', 'reposts', 'replies', 'impressions'] as const) {
        if (ctx.connector.capabilities.metrics.includes(name)) {
          if (name === 'impressions') expect(metrics.impressions).toBeGreaterThanOrEqual(0);
          else expect(metrics[name]).toBe(expected[name]);
        } else {
          expect(metrics[name]).toBeNull();
        }
      }
    });

    check(
      'inbound',
      'fetches a mention by another account; the cursor returns only newer items',
      async () => {
        const start = await drain(ctx.connector, null);
        const first = marker();
        await ctx.peer.mention(`${ctx.mentionPrefix} Frage zu eurem Angebot ${first}`);
        const page1 = await drain(ctx.connector, start.cursor);
        const found = page1.items.filter((i) => i.text.includes(first));
        expect(found).toHaveLength(1);
        expect(found[0]!.kind).toBe('mention');
        expect(found[0]!.author.handle).not.toBe(ctx.handle);
        expect(page1.cursor).not.toBeNull();

        const second = marker();
        await ctx.peer.mention(`${ctx.mentionPrefix} Noch eine Frage ${second}`);
        const page2 = await drain(ctx.connector, page1.cursor);
        expect(page2.items.map((i) => i.text).filter((t) => t.includes(first))).toEqual([]);
        expect(page2.items.filter((i) => i.text.includes(second))).toHaveLength(1);

        const page3 = await drain(ctx.connector, page2.cursor);
        expect(page3.items).toEqual([]);
      },
    );

    check('idempotency', 'the same idempotency key twice gives one post', async () => {
      const m = marker();
      const req = textPost(`Nur einmal ${m}`);
      const a = await ctx.connector.publish(req);
      const b = await ctx.connector.publish(req);
      expect(b.id).toBe(a.id);
      expect(await ctx.peer.countPosts(m)).toBe(1);
      const found = await ctx.connector.findByIdempotencyKey(req.idempotencyKey);
      const unknown = await ctx.connector.findByIdempotencyKey(randomUUID());
      if (ctx.connector.capabilities.canLookUpByIdempotencyKey) {
        expect(found).not.toBe('unknown');
        expect(found && found !== 'unknown' ? found.id : null).toBe(a.id);
        expect(unknown).toBeNull();
      } else {
        expect(found).toBe('unknown');
        expect(unknown).toBe('unknown');
      }
    });

    check(
      'search',
      'search finds public posts of other accounts by word, phrase and hashtag; the cursor returns only newer ones',
      async () => {
        const { connector, peer } = ctx;
        const m = marker();
        if (!connector.capabilities.search) {
          await expect(connector.search(searchFor({ words: [m] }), null, 20)).rejects.toBeInstanceOf(
            Rejected,
          );
          return;
        }
        const byWord = searchFor({ words: [m] });
        const start = await connector.search(byWord, null, 20);
        expect(start.items).toEqual([]);
        await peer.publicPost(`Was haltet ihr von ${m}? Grüße #tag${m}`);
        const first = await connector.search(byWord, start.cursor, 20);
        expect(first.items.map((i) => i.text)).toEqual([`Was haltet ihr von ${m}? Grüße #tag${m}`]);
        expect(first.items[0]!.author.handle).not.toBe(ctx.handle);
        expect(first.items[0]!.url).not.toBe('');
        expect(first.cursor).not.toBeNull();

        const phrase = await connector.search(searchFor({ phrases: [`von ${m}`] }), null, 20);
        expect(phrase.items.map((i) => i.id)).toEqual([first.items[0]!.id]);
        const tag = await connector.search(searchFor({ hashtags: [`tag${m}`] }), null, 20);
        expect(tag.items.map((i) => i.id)).toEqual([first.items[0]!.id]);

        await peer.publicPost(`Noch einmal ${m}`);
        const second = await connector.search(byWord, first.cursor, 20);
        expect(second.items.map((i) => i.text)).toEqual([`Noch einmal ${m}`]);
        const none = await connector.search(byWord, second.cursor, 20);
        expect(none.items).toEqual([]);
      },
    );

    check('rate limit', 'a used-up rate limit fails with RateLimited and a time to wait', async () => {
      const limited = await ctx.peer.rateLimitedConnector();
      const err = await limited.publish(textPost(`Zu schnell ${marker()}`)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RateLimited);
      expect((err as RateLimited).retryAfterSeconds).toBeGreaterThan(0);
    });
  });
}
