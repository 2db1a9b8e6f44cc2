import type { ChildProcess } from 'node:child_process';

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Context, createContext } from '../../src/context.ts';
import { enqueueSends } from '../../src/modules/publishing/send-queue.ts';
import { postTargets } from '../../src/platform/db/schema/publishing.ts';
import { createLogger } from '../../src/platform/log.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { insertScheduled, type Seeded, seedOrg, startWorker, stopWorker } from '../publishing-load.ts';

/**
 * Workers die in the middle of publishing: three `chorus worker` processes send 500 posts, and one of
 * them is killed (SIGKILL: no clean-up of any kind) at a random moment, ten times over, a fresh one
 * taking its place each time. Every post must end published exactly once — or failed with a reason —
 * none lost, none twice; the sandbox network's stored posts are the witness.
 *
 * PostgreSQL only: the embedded database belongs to one process, so there is no worker process to kill.
 */

const POSTS = 500;
// Long enough that all ten kills fall while posts still go out, even when replacement workers start slowly.
const WINDOW_MS = 90_000;
const KILLS = 10;
const WORKERS = 3;
const SPARES = 4;
const CHANNELS = 10;
const LEASE_SECONDS = 5;

describe.skipIf(!process.env.DATABASE_URL)(
  'publishing survives workers killed mid-send (PostgreSQL only: the embedded database belongs to one process, no worker to kill)',
  () => {
    let db: TestDatabase;
    let ctx: Context;
    let seeded: Seeded;
    let env: NodeJS.ProcessEnv;
    const children = new Set<ChildProcess>();
    const workerErrors: string[] = [];

    beforeAll(async () => {
      db = await createTestDatabase();
      env = {
        ...process.env,
        DATABASE_URL: db.url!,
        CHORUS_DATA_DIR: db.dataDir,
        CHORUS_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
        CHORUS_DEMO: 'false',
        NODE_ENV: 'production',
        CHORUS_PUBLISH_LEASE_SECONDS: String(LEASE_SECONDS),
        CHORUS_NETWORK_TIMEOUT_MS: '2000',
        CHORUS_PUBLISH_RETRY_SECONDS: '0.5',
      };
      ctx = await createContext(loadConfig(env), { database: db, log: createLogger('silent') });
      await ctx.queue.start();
      seeded = await seedOrg(ctx, 'absturz', CHANNELS, 25);
    }, 60_000);

    afterAll(async () => {
      await Promise.all([...children].map(stopWorker));
      await ctx?.close();
      await db?.close();
    });

    it('publishes every post exactly once (or fails it with a reason) through ten SIGKILLs', async () => {
      const alive = new Set<ChildProcess>();
      const start = (): Promise<void> => {
        const w = startWorker(env, workerErrors);
        children.add(w.child);
        return w.started.then(() => void alive.add(w.child));
      };
      // Three workers and spares: a fresh `chorus worker` takes seconds to start on a busy machine, and
      // the kills must all fall while posts are still going out.
      await Promise.all(Array.from({ length: WORKERS + SPARES }, start));
      const begin = new Date(Date.now() + 2000);
      const due = await insertScheduled(ctx, seeded, POSTS, begin, WINDOW_MS);
      await enqueueSends(
        ctx,
        [...due].map(([targetId, at]) => ({ targetId, at: new Date(at) })),
      );

      const sent = async () => {
        const [row] = await ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(postTargets)
          .where(sql`${postTargets.orgId} = ${seeded.orgId} and ${postTargets.state} <> 'scheduled'`);
        return row!.n;
      };
      // Ten kills at random moments of the window, each of a random running worker, always leaving one
      // running; a fresh worker is started in place of each (it joins whenever it is up).
      const moments = Array.from({ length: KILLS }, () => 1000 + Math.random() * (WINDOW_MS * 0.6)).sort(
        (a, b) => a - b,
      );
      const killedAt: number[] = [];
      for (const at of moments) {
        const wait = begin.getTime() + at - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        while (alive.size < 2) await new Promise((r) => setTimeout(r, 100));
        const victim = [...alive][Math.floor(Math.random() * alive.size)]!;
        victim.kill('SIGKILL');
        alive.delete(victim);
        killedAt.push(await sent());
        // A replacement still starting when the test ends is stopped with the rest.
        void start().catch(() => undefined);
      }
      // The kills fell while posts were still going out.
      expect(killedAt).toHaveLength(KILLS);
      expect(killedAt.at(-1)).toBeLessThan(POSTS);

      // Drain: interrupted sends are settled after the lease by the survivors' reconcilers.
      const until = Date.now() + 120_000;
      let rows = await ctx.db.select().from(postTargets).where(eq(postTargets.orgId, seeded.orgId));
      while (Date.now() < until && rows.some((r) => r.state === 'scheduled' || r.state === 'sending')) {
        await new Promise((r) => setTimeout(r, 1000));
        rows = await ctx.db.select().from(postTargets).where(eq(postTargets.orgId, seeded.orgId));
      }

      const byState = new Map<string, number>();
      for (const r of rows) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
      const states = Object.fromEntries(byState);
      // Nothing lost: every target reached an end.
      expect(rows).toHaveLength(POSTS);
      expect((states.published ?? 0) + (states.failed ?? 0), JSON.stringify(states)).toBe(POSTS);

      // Nothing twice: per idempotency key and per text (each post's text is its own), one stored post.
      const stored = await ctx.database.pool.query<{ key: string; text: string; id: string; n: number }>(
        `select idempotency_key as key, text, id, count(*) over (partition by account_id, text)::int as n
       from sandbox_posts where org_id = $1 and reply_to_id is null`,
        [seeded.orgId],
      );
      expect(stored.rows.filter((p) => p.n > 1)).toEqual([]);
      const byKey = new Map(stored.rows.map((p) => [p.key, p]));
      expect(byKey.size).toBe(stored.rows.length);
      for (const r of rows) {
        const post = byKey.get(r.idempotencyKey);
        if (r.state === 'published') {
          expect(post?.id, `published target ${r.id} without its post on the network`).toBe(r.remoteId);
        } else {
          expect(r.failureReason, `target ${r.id} failed without a reason`).toBeTruthy();
          expect(post, `failed target ${r.id} whose post went out`).toBeUndefined();
        }
      }
      expect(stored.rows.length).toBe(states.published ?? 0);
      expect(workerErrors.filter((e) => !/publishing reconciliation failed/.test(e))).toEqual([]);
    }, 420_000);
  },
);
