import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq, lte, sql } from 'drizzle-orm';
import pg from 'pg';
import { startWorkers } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Context, createContext } from '../src/context.ts';
import { enqueueSends } from '../src/modules/publishing/send-queue.ts';
import { runMigrations } from '../src/platform/db/migrator.ts';
import { posts, postTargets } from '../src/platform/db/schema/publishing.ts';
import { insertScheduled, type Seeded, seedOrg, spawnWorker, stopWorker } from '../test/publishing-load.ts';
import type { Bench, BenchReport } from './harness.ts';
import { percentile, round } from './harness.ts';

/**
 * 10,000 posts due in the same minute across 100 sandbox channels (20 ms latency each, no rate limit), sent
 * by the real workers: on PGlite the workers of the one process that owns the database, on PostgreSQL three
 * `chorus worker` processes. Lateness of a post = when the network stored it − when it was due.
 *
 * The run is paced by the due times, so its throughput is the arrival rate on any machine that keeps up;
 * what a slower machine changes is how much of its capacity the load takes. The baseline is that floor:
 * one worker (this process) claims and marks published 10,000 due rows with the send path's own two
 * statements, 50 side by side as in a job batch — no queue, no network, no checks. The headline ratio is
 * p99 lateness against the goal (1 s beyond what rate limits force; the accounts have none here),
 * as the policy bench reports its p99 against its goal; the floor's headroom over the arrival rate is a
 * figure of its own.
 */

const SECRET_KEY = Buffer.alloc(32, 11).toString('base64');
const CHANNELS = 100;
const LATENCY_MS = 20;
const LEAD_MS = 8000;
const WORKERS_ON_POSTGRES = 3;
const GOAL_P99_MS = 1000;

interface Scenario {
  kind: 'pglite' | 'postgres';
  posts: number;
  windowMs: number;
  /** How long after the last due time the run may take to drain before it counts what is missing. */
  drainLimitMs: number;
}

/** The floor: the send path's claim and its "published" write, 50 at a time, nothing else. */
async function floor(ctx: Context, s: Seeded, n: number) {
  const due = await insertScheduled(ctx, s, n, new Date(Date.now() - 1000), 0);
  const ids = [...due.keys()];
  const started = performance.now();
  const one = async (id: string) => {
    const [row] = await ctx.db
      .update(postTargets)
      .set({
        state: 'sending',
        attempts: sql`${postTargets.attempts} + 1`,
        sendingSince: sql`now()`,
        firstSentAt: sql`coalesce(${postTargets.firstSentAt}, now())`,
        sentText: sql`coalesce(${postTargets.variantText}, (select ${posts.baseText} from ${posts} where ${posts.id} = ${postTargets.postId}))`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(postTargets.id, id),
          eq(postTargets.state, 'scheduled'),
          lte(postTargets.scheduledAt, sql`now() + interval '1 second'`),
        ),
      )
      .returning();
    if (!row) throw new Error(`floor: ${id} not claimed`);
    await ctx.db
      .update(postTargets)
      .set({ state: 'published', publishedAt: new Date(), sendingSince: null, updatedAt: new Date() })
      .where(
        and(eq(postTargets.id, id), eq(postTargets.state, 'sending'), eq(postTargets.attempts, row.attempts)),
      );
  };
  for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map(one));
  const ms = performance.now() - started;
  return { totalMs: round(ms, 0), rowsPerS: round(n / (ms / 1000), 0) };
}

async function run(sc: Scenario): Promise<BenchReport> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-bench-sched-'));
  const adminUrl = sc.kind === 'postgres' ? process.env.DATABASE_URL : undefined;
  const dbName = `chorus_bench_sched_${process.pid}`;
  let databaseUrl = '';
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    CHORUS_DATA_DIR: dataDir,
    CHORUS_SECRET_KEY: SECRET_KEY,
    CHORUS_DEMO: 'false',
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  };
  const ctx = await createContext(loadConfig(env));
  const workers: ChildProcess[] = [];
  const workerErrors: string[] = [];
  try {
    await runMigrations(ctx.db);
    await ctx.queue.start();
    const floorOrg = await seedOrg(ctx, 'floor', 1, LATENCY_MS);
    const base = await floor(ctx, floorOrg, sc.posts);
    const seeded = await seedOrg(ctx, 'sched', CHANNELS, LATENCY_MS);

    if (sc.kind === 'pglite') await startWorkers(ctx);
    else for (let i = 0; i < WORKERS_ON_POSTGRES; i++) workers.push(await spawnWorker(env, workerErrors));

    const start = new Date(Date.now() + LEAD_MS);
    let t = performance.now();
    const due = await insertScheduled(ctx, seeded, sc.posts, start, sc.windowMs);
    const insertMs = performance.now() - t;
    t = performance.now();
    await enqueueSends(
      ctx,
      [...due].map(([targetId, at]) => ({ targetId, at: new Date(at) })),
    );
    const enqueueMs = performance.now() - t;
    const headroomMs = start.getTime() - Date.now();

    const lastDue = Math.max(...due.values());
    const deadline = lastDue + sc.drainLimitMs;
    let open = sc.posts;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const [row] = await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(postTargets)
        .where(
          and(eq(postTargets.orgId, seeded.orgId), sql`${postTargets.state} in ('scheduled', 'sending')`),
        );
      open = row!.n;
      if (open === 0) break;
    }

    const done = await ctx.db
      .select({ id: postTargets.id, state: postTargets.state, publishedAt: postTargets.publishedAt })
      .from(postTargets)
      .where(eq(postTargets.orgId, seeded.orgId));
    const published = done.filter((d) => d.state === 'published' && d.publishedAt);
    // A post still unsent at the end counts with how late it is by then (a lower bound), so a backlog
    // shows in the percentiles instead of vanishing from them.
    const endedAt = Date.now();
    const lateness = done
      .map((d) =>
        d.state === 'published' && d.publishedAt
          ? d.publishedAt.getTime() - due.get(d.id)!
          : endedAt - due.get(d.id)!,
      )
      .sort((a, b) => a - b);
    const firstDue = Math.min(...due.values());
    const lastPublished = Math.max(...published.map((d) => d.publishedAt!.getTime()));
    const dup = await ctx.database.pool.query<{ byKey: number; byText: number }>(
      `select
         (select count(*) from (select 1 from sandbox_posts where org_id = $1 and idempotency_key is not null
            group by account_id, idempotency_key having count(*) > 1) k)::int as "byKey",
         (select count(*) from (select 1 from sandbox_posts where org_id = $1
            group by account_id, text having count(*) > 1) x)::int as "byText"`,
      [seeded.orgId],
    );
    const retries = await ctx.database.pool.query<{ n: number }>(
      `select count(*)::int as n from post_events where org_id = $1 and kind = 'retry'`,
      [seeded.orgId],
    );
    const duplicates = dup.rows[0]!.byKey + dup.rows[0]!.byText;
    // Lost: ended anywhere but published (failed, needs a decision); open ones are counted apart.
    const lost = done.filter((d) => !['published', 'scheduled', 'sending'].includes(d.state)).length;
    const p99 = percentile(lateness, 99);
    const name =
      sc.kind === 'pglite'
        ? `scheduled publishing: ${sc.posts} posts due within ${sc.windowMs / 1000} s, ${CHANNELS} sandbox channels (${LATENCY_MS} ms), PGlite, the server's workers`
        : `scheduled publishing: ${sc.posts} posts due within ${sc.windowMs / 1000} s, ${CHANNELS} sandbox channels (${LATENCY_MS} ms), PostgreSQL, ${WORKERS_ON_POSTGRES} worker processes`;
    const arrival = sc.posts / (sc.windowMs / 1000);
    return {
      name,
      figures: {
        p50LatenessMs: round(percentile(lateness, 50), 0),
        p99LatenessMs: round(p99, 0),
        maxLatenessMs: round(lateness.at(-1) ?? Number.NaN, 0),
        postsPerS: round(published.length / ((lastPublished - firstDue) / 1000), 1),
        drainMs: round(lastPublished - lastDue, 0),
        published: published.length,
        duplicates,
        lost,
        unsentAtEnd: open,
        retries: retries.rows[0]!.n,
        floorHeadroom: round(base.rowsPerS / arrival, 1),
      },
      baseline: {
        name: `floor: one worker claims and marks published ${sc.posts} due rows (the send path's two statements, 50 side by side; no queue, no network)`,
        figures: base,
      },
      ratio: round(p99 / GOAL_P99_MS, 3),
      ratioMeaning: 'p99 lateness / 1 s goal (below 1 meets it)',
      goal: {
        description: 'p99 lateness ≤ 1 s (no rate limits here), no duplicates, none lost, all sent',
        met: p99 <= GOAL_P99_MS && duplicates === 0 && lost === 0 && open === 0,
      },
      notes: [
        `inserted ${sc.posts} posts + targets in ${round(insertMs, 0)} ms, queued their send jobs in ${round(enqueueMs, 0)} ms; the first was due ${round(headroomMs, 0)} ms later`,
        `arrival rate ${round(arrival, 1)} posts/s; floor ${base.rowsPerS} rows/s`,
        ...(open > 0
          ? [`${open} targets still scheduled or sending ${sc.drainLimitMs / 1000} s after the last was due`]
          : []),
        ...(workerErrors.length > 0
          ? [`worker errors: ${workerErrors.length}; first: ${workerErrors[0]}`]
          : []),
      ],
    };
  } finally {
    await Promise.all(workers.map(stopWorker));
    await ctx.close();
    await fs.rm(dataDir, { recursive: true, force: true });
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
}

const bench: Bench = async ({ quick }) => {
  const size = quick
    ? { posts: 2000, windowMs: 20_000, drainLimitMs: 60_000 }
    : { posts: 10_000, windowMs: 60_000, drainLimitMs: 120_000 };
  const reports = [await run({ kind: 'pglite', ...size })];
  if (process.env.DATABASE_URL) reports.push(await run({ kind: 'postgres', ...size }));
  return reports;
};

export default bench;
