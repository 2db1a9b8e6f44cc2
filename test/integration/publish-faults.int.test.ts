import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkers } from '../../src/app.ts';
import { RateLimited, Transient } from '../../src/connectors/connector.ts';
import type { OpenConnector } from '../../src/context.ts';
import { postEvents, postTargets } from '../../src/platform/db/schema/publishing.ts';
import { createTestApp, type Session, type TestApp } from '../app.ts';
import { type FakeMastodon, startFakeMastodon } from '../fakes/mastodon-server.ts';

/**
 * Publishing through networks that fail a fifth of all calls: 429 with Retry-After, 5xx, time-outs and
 * dropped connections (before the work, and after it — the post is out but the answer lost). The real
 * workers send; every post must end up published exactly once, and no retry may come before the
 * network's Retry-After has passed.
 */

const POSTS = 40;
const RETRY_AFTER_SECONDS = 1;
const FAULT_RATE = 0.2;

interface Call {
  network: string;
  key: string;
  op: 'publish' | 'lookup';
  start: number;
  end: number;
  outcome: 'ok' | 'rate_limited' | 'transient' | 'other';
  retryAfterMs?: number;
}

/** Every publish and look-up as the workers made it, with its times and how it ended. */
function recording(calls: Call[]) {
  return (open: OpenConnector): OpenConnector =>
    (orgId, network, credentials) => {
      const c = open(orgId, network, credentials);
      const timed = async <T>(op: Call['op'], key: string, run: () => Promise<T>): Promise<T> => {
        const start = Date.now();
        const base = { network: c.network, key, op, start };
        try {
          const result = await run();
          calls.push({ ...base, end: Date.now(), outcome: 'ok' });
          return result;
        } catch (err) {
          const end = Date.now();
          if (err instanceof RateLimited)
            calls.push({ ...base, end, outcome: 'rate_limited', retryAfterMs: err.retryAfterSeconds * 1000 });
          else calls.push({ ...base, end, outcome: err instanceof Transient ? 'transient' : 'other' });
          throw err;
        }
      };
      return {
        ...c,
        publish: (req) => timed('publish', req.idempotencyKey, () => c.publish(req)),
        findByIdempotencyKey: (key) => timed('lookup', key, () => c.findByIdempotencyKey(key)),
      };
    };
}

describe('publishing through unreliable networks', () => {
  let t: TestApp;
  let mastodon: FakeMastodon;
  let manager: Session;
  let owner: Session;
  const calls: Call[] = [];
  const sandboxAccounts: string[] = [];
  const mastodonAccounts: string[] = [];
  const channelIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(
      {
        CHORUS_ALLOW_PRIVATE_NETWORKS: 'true',
        CHORUS_NETWORK_TIMEOUT_MS: '1000',
        CHORUS_PUBLISH_LEASE_SECONDS: '10',
        CHORUS_PUBLISH_RETRY_SECONDS: '0.5',
      },
      {
        sandbox: { injectedRetryAfterSeconds: RETRY_AFTER_SECONDS },
        connectors: recording(calls),
      },
    );
    mastodon = await startFakeMastodon({ injectedRetryAfterSeconds: RETRY_AFTER_SECONDS });
    manager = await t.signIn(t.emailOf('manager'));
    owner = await t.signIn(t.emailOf('owner'));
    await t.grantPostingRights(t.emailOf('manager'));
    const call = async (method: 'POST', url: string, payload: object) => {
      const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: manager.headers, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    for (let i = 0; i < 2; i++) {
      const sb = await call('POST', '/channels/sandbox', {
        ownership: 'company',
        name: `Wackelig ${i}`,
        handle: `wackelig_${i}`,
      });
      channelIds.push(sb.id);
      sandboxAccounts.push(sb.account.id);
      const account = mastodon.createAccount(`wackelig_${i}`);
      mastodonAccounts.push(account.id);
      const md = await call('POST', '/channels', {
        network: 'mastodon',
        ownership: 'company',
        credentials: { serviceUrl: mastodon.url, identifier: account.token },
      });
      channelIds.push(md.id);
    }
    // Each post goes to one sandbox and one Mastodon channel.
    for (let i = 0; i < POSTS; i++) {
      const post = await call('POST', '/posts', {
        baseText: `Störungstest ${i}: heute neu im Blog.`,
        departmentId: null,
        targets: [{ channelId: channelIds[(i % 2) * 2]! }, { channelId: channelIds[(i % 2) * 2 + 1]! }],
      });
      await call('POST', `/posts/${post.id}/submit`, {});
      const ok = await t.app.inject({
        method: 'POST',
        url: `/api/v1/posts/${post.id}/approve`,
        headers: owner.headers,
        payload: {},
      });
      expect(ok.statusCode, ok.body).toBe(200);
    }
    // The faults start now: connecting the channels above went through unharmed.
    for (const id of sandboxAccounts)
      await t.ctx.sandbox.updateSettings(t.orgs.demo, id, { failureRate: FAULT_RATE, latencyMs: 5 });
    mastodon.setFaults(FAULT_RATE);
    await startWorkers(t.ctx);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await mastodon?.close();
  });

  it('publishes every post exactly once, waiting out every Retry-After', async () => {
    const targets = () =>
      t.ctx.db.select().from(postTargets).where(inArray(postTargets.channelId, channelIds));
    const draftIds = (await targets()).map((r) => r.postId);
    for (const postId of new Set(draftIds)) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/posts/${postId}/schedule`,
        headers: manager.headers,
        payload: { mode: 'now' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }

    const until = Date.now() + 150_000;
    let rows = await targets();
    while (Date.now() < until && rows.some((r) => r.state === 'scheduled' || r.state === 'sending')) {
      await new Promise((r) => setTimeout(r, 500));
      rows = await targets();
    }
    const states = new Map<string, number>();
    for (const r of rows) states.set(r.state, (states.get(r.state) ?? 0) + 1);
    expect(Object.fromEntries(states)).toEqual({ published: POSTS * 2 });

    // Exactly one post on the network per target, the one Chorus recorded.
    const sandboxPosts = (
      await Promise.all(sandboxAccounts.map((a) => t.ctx.sandbox.listPosts(t.orgs.demo, a)))
    ).flat();
    const statuses = mastodonAccounts.flatMap((a) => mastodon.statuses(a));
    expect(sandboxPosts.length + statuses.length).toBe(POSTS * 2);
    for (const r of rows) {
      const channel = channelIds.indexOf(r.channelId);
      if (channel % 2 === 0) {
        const mine = sandboxPosts.filter((p) => p.idempotencyKey === r.idempotencyKey);
        expect(mine).toHaveLength(1);
        expect(r.remoteId).toBe(mine[0]!.id);
      } else {
        const mine = statuses.filter((s) => s.text === r.sentText);
        expect(mine).toHaveLength(1);
        expect(r.remoteId).toBe(mine[0]!.id);
      }
    }

    // The faults really happened, of every kind the networks inject.
    const rateLimited = calls.filter((c) => c.outcome === 'rate_limited');
    const transient = calls.filter((c) => c.outcome === 'transient');
    expect(rateLimited.length).toBeGreaterThan(0);
    expect(transient.length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.outcome === 'other')).toEqual([]);
    const kinds = new Set(mastodon.requests.flatMap((r) => (r.fault ? [r.fault] : [])));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    const retries = await t.ctx.db.select().from(postEvents).where(eq(postEvents.kind, 'retry'));
    expect(retries.length).toBeGreaterThan(0);

    // No call for a post came before the Retry-After its network gave had passed.
    const early: string[] = [];
    for (const limited of rateLimited) {
      const next = calls
        .filter((c) => c.key === limited.key && c.start >= limited.end)
        .sort((a, b) => a.start - b.start)[0];
      if (next && next.start < limited.end + limited.retryAfterMs!)
        early.push(
          `${limited.network} ${limited.key}: again after ${next.start - limited.end} ms, Retry-After ${limited.retryAfterMs} ms`,
        );
    }
    expect(early).toEqual([]);
  }, 180_000);
});
