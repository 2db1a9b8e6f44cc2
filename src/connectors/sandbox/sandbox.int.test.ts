import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { organisations } from '../../platform/db/schema/identity.ts';
import { sandboxAccounts } from '../../platform/db/schema/sandbox.ts';
import { AuthExpired, ConnectorError, RateLimited, Rejected, Transient } from '../connector.ts';
import { describeConformance, TINY_PNG, textPost } from '../testing/conformance.ts';
import { sandboxConnector } from './client.ts';
import { type FailureKind, seededRandom, takeToken } from './faults.ts';
import { createSandboxNetwork, SandboxInputError, type SandboxNetwork } from './network.ts';

// One database for the whole file (a fresh PGlite costs seconds); each part works in organisations of its own.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

async function newOrg(name = 'Sandbox AG'): Promise<string> {
  const [org] = await db.db
    .insert(organisations)
    .values({ name, slug: `sbx-${randomUUID().slice(0, 8)}` })
    .returning({ id: organisations.id });
  return org!.id;
}

describeConformance('sandbox', async () => {
  const orgId = await newOrg();
  const network = createSandboxNetwork(db.db);
  const { account, token } = await network.createAccount(orgId, {
    handle: 'brand',
    displayName: 'Brand GmbH',
  });
  const { account: fan } = await network.createAccount(orgId, {
    handle: 'kundin',
    displayName: 'Eine Kundin',
  });
  const connector = sandboxConnector(network, orgId, token);
  return {
    connector,
    handle: 'brand',
    mentionPrefix: '@brand',
    badCredentials: sandboxConnector(network, orgId, 'sbx_not-a-token'),
    peer: {
      async readPost(id) {
        const post = await network.getPost(orgId, id);
        if (!post || post.deletedAt) return null;
        return { text: post.text, altTexts: post.media.map((m) => m.altText), replyToId: post.replyToId };
      },
      async countPosts(marker) {
        const posts = await network.listPosts(orgId, account.id);
        return posts.filter((p) => !p.deletedAt && p.text.includes(marker)).length;
      },
      async mention(text) {
        await network.postAs(orgId, fan.id, text);
      },
      async publicPost(text) {
        await network.postAs(orgId, fan.id, text);
      },
      async engage(postId, e) {
        await network.engage(orgId, postId, { ...e, impressions: 40 });
      },
      async rateLimitedConnector() {
        const limited = await network.createAccount(orgId, { handle: 'eilig', displayName: 'Eilig' });
        await network.updateSettings(orgId, limited.account.id, { rateLimitPerMinute: 1 });
        const c = sandboxConnector(network, orgId, limited.token);
        await c.verify();
        return c;
      },
    },
    async teardown() {
      // The file's database is closed after all parts.
    },
  };
});

describe('sandbox network', () => {
  let network: SandboxNetwork;
  let orgId: string;

  beforeAll(async () => {
    orgId = await newOrg();
    network = createSandboxNetwork(db.db);
  });

  it('stores only a SHA-256 of the token and returns the token once', async () => {
    const { account, token } = await network.createAccount(orgId, { handle: 'hash', displayName: 'Hash' });
    expect(token).toMatch(/^sbx_[\w-]{43}$/);
    const [row] = await db.db.select().from(sandboxAccounts).where(eq(sandboxAccounts.id, account.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(account)).not.toContain(token);
  });

  it('refuses a taken handle (in any case) and a malformed one', async () => {
    await network.createAccount(orgId, { handle: 'Unique', displayName: 'U' });
    await expect(network.createAccount(orgId, { handle: 'unique', displayName: 'U2' })).rejects.toMatchObject(
      {
        code: 'handle_taken',
      },
    );
    await expect(
      network.createAccount(orgId, { handle: 'with space', displayName: 'x' }),
    ).rejects.toBeInstanceOf(SandboxInputError);
  });

  it('a reset token ends the old one', async () => {
    const { account, token } = await network.createAccount(orgId, { handle: 'reset', displayName: 'R' });
    const fresh = await network.resetToken(orgId, account.id);
    await expect(sandboxConnector(network, orgId, token).verify()).rejects.toBeInstanceOf(AuthExpired);
    expect((await sandboxConnector(network, orgId, fresh).verify()).id).toBe(account.id);
  });

  it('validates like a real network: media type, content, size, count, alt text, reply target', async () => {
    const { token } = await network.createAccount(orgId, { handle: 'media', displayName: 'M' });
    const c = sandboxConnector(network, orgId, token);
    const png = { data: TINY_PNG, mimeType: 'image/png', altText: 'alt', filename: 'a.png' };
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: unknown) => (e instanceof Rejected ? e.reason : `not Rejected: ${String(e)}`),
      );
    expect(await reason(c.publish(textPost('x', { media: [{ ...png, mimeType: 'image/bmp' }] })))).toMatch(
      /image\/bmp is not accepted/,
    );
    expect(await reason(c.publish(textPost('x', { media: [{ ...png, mimeType: 'image/jpeg' }] })))).toMatch(
      /content is image\/png, not image\/jpeg/,
    );
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(TINY_PNG);
    expect(await reason(c.publish(textPost('x', { media: [{ ...png, data: big }] })))).toMatch(
      /at most 5242880/,
    );
    expect(await reason(c.publish(textPost('x', { media: Array(5).fill(png) })))).toMatch(
      /at most 4 are allowed/,
    );
    expect(
      await reason(c.publish(textPost('x', { media: [{ ...png, altText: 'a'.repeat(1501) }] }))),
    ).toMatch(/alt text is 1501 characters/);
    expect(await reason(c.publish(textPost('x', { replyToId: randomUUID() })))).toMatch(
      /reply to does not exist/,
    );
    expect(await reason(c.publish(textPost('', {})))).toMatch(/needs text or media/);
    // 500 graphemes of emoji fit, although they are far more UTF-16 units.
    expect(await reason(c.publish(textPost('👩‍👩‍👧‍👦'.repeat(500))))).toBe('accepted');
  });

  it('engagement comes from distinct audience accounts; replies reach the inbound feed as replies', async () => {
    const { account, token } = await network.createAccount(orgId, { handle: 'popular', displayName: 'P' });
    const c = sandboxConnector(network, orgId, token);
    const post = await c.publish(textPost('Hallo Welt'));
    const before = await c.fetchInbound(null, 100);
    expect(
      await network.engage(orgId, post.id, { likes: 5, reposts: 2, replies: 2, impressions: 100 }),
    ).toEqual({
      likes: 5,
      reposts: 2,
      replies: 2,
      impressions: 100,
    });
    // Likes are unique per account: more likes need more audience accounts, never a second like.
    expect(await network.engage(orgId, post.id, { likes: 3 })).toMatchObject({ likes: 8, impressions: 100 });
    const inbound = await c.fetchInbound(before.cursor, 100);
    expect(inbound.items.map((i) => [i.kind, i.inReplyToId])).toEqual([
      ['reply', post.id],
      ['reply', post.id],
    ]);
    expect(inbound.items[0]!.text).toMatch(/^@popular /);
    // The audience is not a set of channel accounts.
    expect((await network.listAccounts(orgId)).map((a) => a.handle)).not.toContain('audience_1');
    expect(account.audience).toBe(false);
  });

  it('direct messages reach only their recipient, as direct_message', async () => {
    const a = await network.createAccount(orgId, { handle: 'dm_a', displayName: 'A' });
    const b = await network.createAccount(orgId, { handle: 'dm_b', displayName: 'B' });
    const other = await network.createAccount(orgId, { handle: 'dm_c', displayName: 'C' });
    await network.sendDirectMessage(orgId, b.account.id, a.account.id, 'Psst, eine Frage');
    const toA = await sandboxConnector(network, orgId, a.token).fetchInbound(null, 50);
    expect(toA.items.map((i) => [i.kind, i.text, i.author.handle])).toEqual([
      ['direct_message', 'Psst, eine Frage', 'dm_b'],
    ]);
    expect((await sandboxConnector(network, orgId, other.token).fetchInbound(null, 50)).items).toEqual([]);
  });

  it('a mention of someone else or by oneself does not reach the inbound feed', async () => {
    const a = await network.createAccount(orgId, { handle: 'self_a', displayName: 'A' });
    const b = await network.createAccount(orgId, { handle: 'self_b', displayName: 'B' });
    await network.postAs(orgId, a.account.id, '@self_a talking to myself');
    await network.postAs(orgId, a.account.id, '@self_b hello b');
    await network.postAs(orgId, b.account.id, 'mail me at x@self_a.example');
    expect((await sandboxConnector(network, orgId, a.token).fetchInbound(null, 50)).items).toEqual([]);
  });

  it('applies latency, and fails with Transient when the latency exceeds the time-out', async () => {
    const { account, token } = await network.createAccount(orgId, { handle: 'slow', displayName: 'S' });
    await network.updateSettings(orgId, account.id, { latencyMs: 150 });
    let t = performance.now();
    await sandboxConnector(network, orgId, token, { timeoutMs: 1000 }).verify();
    expect(performance.now() - t).toBeGreaterThanOrEqual(145);
    await network.updateSettings(orgId, account.id, { latencyMs: 5000 });
    t = performance.now();
    await expect(sandboxConnector(network, orgId, token, { timeoutMs: 60 }).verify()).rejects.toBeInstanceOf(
      Transient,
    );
    // Given up after the time-out, not after the account's latency.
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('rejects settings out of range', async () => {
    const { account } = await network.createAccount(orgId, { handle: 'settings', displayName: 'S' });
    await expect(network.updateSettings(orgId, account.id, { failureRate: 1.5 })).rejects.toBeInstanceOf(
      SandboxInputError,
    );
    await expect(
      network.updateSettings(orgId, account.id, { failureKinds: ['explode' as FailureKind] }),
    ).rejects.toBeInstanceOf(SandboxInputError);
    const updated = await network.updateSettings(orgId, account.id, {
      failureRate: 0.2,
      failureKinds: ['timeout'],
      rateLimitPerMinute: 30,
    });
    expect(updated.settings).toEqual({
      latencyMs: 0,
      rateLimitPerMinute: 30,
      failureRate: 0.2,
      failureKinds: ['timeout'],
    });
  });

  it('keeps organisations apart: tokens, posts, mentions and engagement', async () => {
    const otherOrg = await newOrg('Andere AG');
    const mine = await network.createAccount(orgId, { handle: 'iso', displayName: 'Mine' });
    // The same handle exists in the other organisation's sandbox, and its token means nothing here.
    const theirs = await network.createAccount(otherOrg, { handle: 'iso', displayName: 'Theirs' });
    await expect(sandboxConnector(network, orgId, theirs.token).verify()).rejects.toBeInstanceOf(AuthExpired);
    const post = await sandboxConnector(network, orgId, mine.token).publish(textPost('nur bei uns'));
    expect(await network.getPost(otherOrg, post.id)).toBeNull();
    await expect(network.engage(otherOrg, post.id, { likes: 1 })).rejects.toBeInstanceOf(SandboxInputError);
    // A reply across organisations is refused; a mention of @iso over there reaches only their @iso.
    await expect(network.postAs(otherOrg, theirs.account.id, 'hi', post.id)).rejects.toBeInstanceOf(Rejected);
    await network.postAs(
      otherOrg,
      (await network.createAccount(otherOrg, { handle: 'x', displayName: 'X' })).account.id,
      '@iso hallo',
    );
    expect((await sandboxConnector(network, orgId, mine.token).fetchInbound(null, 50)).items).toEqual([]);
    expect(
      (await sandboxConnector(network, otherOrg, theirs.token).fetchInbound(null, 50)).items,
    ).toHaveLength(1);
    await expect(sandboxConnector(network, otherOrg, theirs.token).delete(post.id)).resolves.toBeUndefined();
    expect((await network.getPost(orgId, post.id))?.deletedAt).toBeNull();
  });
});

describe('sandbox faults', () => {
  let orgId: string;

  beforeAll(async () => {
    orgId = await newOrg();
  });

  it('a rate limit refuses with a retry-after that matches the bucket', async () => {
    let clock = 1_000_000;
    const network = createSandboxNetwork(db.db, { now: () => clock });
    const { account, token } = await network.createAccount(orgId, { handle: 'bucket', displayName: 'B' });
    await network.updateSettings(orgId, account.id, { rateLimitPerMinute: 2 });
    const c = sandboxConnector(network, orgId, token);
    await c.verify();
    await c.verify();
    const err = await c.verify().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimited);
    // Two per minute: one token is back after 30 s.
    expect((err as RateLimited).retryAfterSeconds).toBe(30);
    clock += 10_000;
    expect(((await c.verify().catch((e: unknown) => e)) as RateLimited).retryAfterSeconds).toBe(20);
    clock += 20_000;
    await expect(c.verify()).resolves.toMatchObject({ id: account.id });
  });

  it('the token bucket refills evenly and never above its size', () => {
    let b = takeToken(null, 60, 0);
    expect(b.bucket.tokens).toBe(59);
    b = takeToken({ tokens: 0, at: 0 }, 60, 500);
    expect(b.retryAfterSeconds).toBe(1);
    b = takeToken({ tokens: 0, at: 0 }, 60, 10 * 60_000);
    expect(b.bucket.tokens).toBe(59);
  });

  it('queued failures come first and each maps to its typed error; lost_response stores the post', async () => {
    const network = createSandboxNetwork(db.db);
    const { account, token } = await network.createAccount(orgId, { handle: 'queued', displayName: 'Q' });
    const c = sandboxConnector(network, orgId, token, { timeoutMs: 100 });
    network.failNext(account.id, 'rate_limit', 'server_error', 'timeout', 'lost_response');
    const req = textPost('Kommt das an?');
    const errors: unknown[] = [];
    for (let i = 0; i < 4; i++) errors.push(await c.publish(req).catch((e: unknown) => e));
    expect(errors.map((e) => (e as Error).constructor.name)).toEqual([
      'RateLimited',
      'Transient',
      'Transient',
      'Transient',
    ]);
    expect((errors[0] as RateLimited).retryAfterSeconds).toBeGreaterThan(0);
    // Only the lost response stored the post; reconciliation finds it by its key, and a retry returns it.
    const found = await c.findByIdempotencyKey(req.idempotencyKey);
    expect(found).not.toBeNull();
    expect(found).not.toBe('unknown');
    const retried = await c.publish(req);
    expect(retried.id).toBe(found !== 'unknown' ? found?.id : undefined);
    expect((await network.listPosts(orgId, account.id)).length).toBe(1);
  });

  it('with 20 % failures of every kind, each call ends in success or the right typed error, in time', async () => {
    const network = createSandboxNetwork(db.db, { random: seededRandom(42) });
    const { account, token } = await network.createAccount(orgId, { handle: 'flaky', displayName: 'F' });
    await network.updateSettings(orgId, account.id, { failureRate: 0.2, latencyMs: 5 });
    const timeoutMs = 80;
    const c = sandboxConnector(network, orgId, token, { timeoutMs });
    const outcomes = new Map<string, number>();
    const lost: string[] = [];
    const sent: string[] = [];
    for (let i = 0; i < 60; i++) {
      const req = textPost(`Versuch ${i}`);
      sent.push(req.idempotencyKey);
      const t = performance.now();
      const outcome = await c.publish(req).then(
        () => 'ok',
        (e: unknown) => {
          expect(e).toBeInstanceOf(ConnectorError);
          if (e instanceof RateLimited) expect(e.retryAfterSeconds).toBeGreaterThan(0);
          if (e instanceof Transient && /took effect/.test(e.message)) lost.push(req.idempotencyKey);
          return (e as Error).name;
        },
      );
      // The time-out bounds the wait; the slack is for the database on a busy machine.
      expect(performance.now() - t).toBeLessThan(timeoutMs + 500);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    const failures = 60 - (outcomes.get('ok') ?? 0);
    // Seed 42 gives a share near 20 %, with both kinds of typed error among them.
    expect(failures).toBeGreaterThanOrEqual(6);
    expect(failures).toBeLessThanOrEqual(20);
    expect(outcomes.get('RateLimited')).toBeGreaterThan(0);
    expect(outcomes.get('Transient')).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);
    // Reconciliation: exactly the successful and the lost posts exist, each findable by its key.
    await network.updateSettings(orgId, account.id, { failureRate: 0 });
    const stored = await network.listPosts(orgId, account.id);
    expect(stored.length).toBe((outcomes.get('ok') ?? 0) + lost.length);
    for (const key of lost)
      expect(await c.findByIdempotencyKey(key)).toMatchObject({ id: expect.any(String) });
    const storedKeys = new Set(stored.map((p) => p.idempotencyKey));
    expect(sent.filter((k) => storedKeys.has(k)).length).toBe(stored.length);
  });

  it('the same seed gives the same failures', async () => {
    const run = async (seed: number) => {
      const network = createSandboxNetwork(db.db, { random: seededRandom(seed) });
      const { account, token } = await network.createAccount(orgId, {
        handle: `seed_${randomUUID().slice(0, 6)}`,
        displayName: 'S',
      });
      await network.updateSettings(orgId, account.id, {
        failureRate: 0.5,
        failureKinds: ['server_error', 'rate_limit'],
      });
      const c = sandboxConnector(network, orgId, token);
      const names: string[] = [];
      for (let i = 0; i < 12; i++)
        names.push(
          await c.verify().then(
            () => 'ok',
            (e: Error) => e.name,
          ),
        );
      return names;
    };
    expect(await run(7)).toEqual(await run(7));
  });
});
