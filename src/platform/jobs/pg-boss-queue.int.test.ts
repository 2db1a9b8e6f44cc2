import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { createPgBossQueue } from './pg-boss-queue.ts';
import type { JobQueue } from './queue.ts';

const errors: unknown[] = [];
const log = {
  info: () => undefined,
  warn: () => undefined,
  error: (o: object, m?: string) => errors.push({ ...o, m }),
};

// Quick polls keep the suite short on PostgreSQL too (the embedded default is already 0.5 s).
const fast = { pollingIntervalSeconds: 0.5 };

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Concurrent: most cases wait on polling intervals, and each uses queues of its own.
describe.concurrent('pg-boss job queue', () => {
  let t: TestDatabase;
  let q: JobQueue;

  const jobRow = async (id: string) =>
    (
      await t.pool.query<{ state: string; retry_count: number; output: { message?: string } | null }>(
        'select state, retry_count, output from pgboss.job where id = $1',
        [id],
      )
    ).rows[0];

  beforeAll(async () => {
    t = await createTestDatabase();
    q = createPgBossQueue({ connection: t.connection, kind: t.kind, log, stopTimeoutMs: 2000 });
    await q.start();
  });

  afterAll(async () => {
    await q?.stop();
    await t?.close();
  });

  afterEach(() => {
    // pg-boss reports background failures (maintenance, cron, fetch) as events; none may happen.
    expect(errors).toEqual([]);
  });

  it('handles a sent job exactly once, with its data', async () => {
    const seen: Array<{ id: string; name: string; data: unknown }> = [];
    await q.work<{ postId: string; tags: string[] }>(
      'once',
      async (job) => {
        seen.push(job);
      },
      fast,
    );
    const data = { postId: 'p-1', tags: ['a', 'ü'] };
    const id = await q.send('once', data);
    expect(id).toEqual(expect.any(String));
    await until(() => seen.length > 0);
    await sleep(1000); // two more polls: a second delivery would show up
    expect(seen).toEqual([{ id, name: 'once', data }]);
    await until(async () => (await jobRow(id!))?.state === 'completed');
  });

  it('retries a failing job up to retryLimit, then moves it to the dead-letter queue', async () => {
    await q.declare('flaky', { retryLimit: 2, retryDelaySeconds: 0, deadLetter: 'flaky-dead' });
    const attempts: string[] = [];
    const dead: Array<{ data: unknown }> = [];
    await q.work(
      'flaky',
      async (job) => {
        attempts.push(job.id);
        throw new Error(`attempt ${attempts.length} failed`);
      },
      fast,
    );
    await q.work(
      'flaky-dead',
      async (job) => {
        dead.push(job);
      },
      fast,
    );
    const id = await q.send('flaky', { channelId: 'c-9' });
    await until(() => dead.length > 0);
    await sleep(600);
    expect(attempts).toEqual([id, id, id]); // the first try and two retries
    expect(dead.map((j) => j.data)).toEqual([{ channelId: 'c-9' }]);
    const row = await jobRow(id!);
    expect(row?.state).toBe('failed');
    expect(row?.retry_count).toBe(2);
    expect(row?.output?.message).toBe('attempt 3 failed');
  });

  it('declares queues idempotently and applies changed options', async () => {
    const retryLimit = async () =>
      (
        await t.pool.query<{ retry_limit: number }>(
          `select retry_limit from pgboss.queue where name = 'decl'`,
        )
      ).rows[0]?.retry_limit;
    await q.declare('decl', { retryLimit: 5 });
    await q.declare('decl', { retryLimit: 5 });
    expect(await retryLimit()).toBe(5);
    await q.declare('decl', { retryLimit: 1, retryBackoff: true });
    expect(await retryLimit()).toBe(1);
    // A send on an undeclared queue declares it with pg-boss's defaults.
    expect(await q.send('declared-by-send', {})).toEqual(expect.any(String));
  });

  it('does not start a job before startAfter', async () => {
    let handledAt = 0;
    await q.work(
      'later',
      async () => {
        handledAt = Date.now();
      },
      fast,
    );
    const startAfter = new Date(Date.now() + 1500);
    await q.send('later', {}, { startAfter });
    await sleep(1000);
    expect(handledAt).toBe(0);
    await until(() => handledAt > 0);
    expect(handledAt).toBeGreaterThanOrEqual(startAfter.getTime() - 50);
  });

  it('deduplicates waiting jobs by singletonKey', async () => {
    const first = await q.send('keyed', { n: 1 }, { singletonKey: 'channel:1' });
    expect(first).toEqual(expect.any(String));
    expect(await q.send('keyed', { n: 2 }, { singletonKey: 'channel:1' })).toBeNull();
    // Concurrent sends of one new key: exactly one gets through.
    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, i) => q.send('keyed', { n: 10 + i }, { singletonKey: 'channel:2' })),
    );
    expect(racing.filter((id) => id !== null)).toHaveLength(1);
    expect(await q.send('keyed', { n: 3 })).toEqual(expect.any(String)); // no key: never deduplicated

    const seen: unknown[] = [];
    await q.work(
      'keyed',
      async (job) => {
        seen.push(job.data);
      },
      fast,
    );
    await until(() => seen.length === 3);
    await sleep(700);
    expect(seen).toHaveLength(3);
    expect(seen).toContainEqual({ n: 1 });
    // Once the keyed job is done, the key is free again.
    await until(async () => (await jobRow(first!))?.state === 'completed');
    expect(await q.send('keyed', { n: 4 }, { singletonKey: 'channel:1' })).toEqual(expect.any(String));
  });

  it('handles each job of a batch on its own', async () => {
    await q.declare('batch', { retryLimit: 0 });
    const ids = await Promise.all([1, 2, 3, 4].map((n) => q.send('batch', { n })));
    const done: number[] = [];
    await q.work<{ n: number }>(
      'batch',
      async (job) => {
        if (job.data.n === 3) throw new Error('only this one fails');
        done.push(job.data.n);
      },
      { ...fast, batchSize: 4 },
    );
    await until(() => done.length === 3);
    await until(async () => (await jobRow(ids[2]!))?.state === 'failed');
    expect(done.sort()).toEqual([1, 2, 4]);
    for (const i of [0, 1, 3]) expect((await jobRow(ids[i]!))?.state).toBe('completed');
  });

  it('stores a cron schedule, replacing it when scheduled again', async () => {
    await q.schedule('nightly', '0 3 * * *', { report: 'daily' }, { tz: 'Europe/Berlin' });
    await q.schedule('nightly', '30 3 * * *', { report: 'daily' }, { tz: 'Europe/Berlin' });
    const rows = (
      await t.pool.query<{ cron: string; timezone: string; data: unknown }>(
        `select cron, timezone, data from pgboss.schedule where name = 'nightly'`,
      )
    ).rows;
    expect(rows).toEqual([{ cron: '30 3 * * *', timezone: 'Europe/Berlin', data: { report: 'daily' } }]);
  });

  // Two processes working one queue. pglite-socket serves a single process, so PostgreSQL only.
  it.skipIf(!process.env.DATABASE_URL)(
    'shares a queue between two workers without handling a job twice',
    async () => {
      const other = createPgBossQueue({
        connection: { connectionString: t.url, max: 4 },
        kind: 'postgres',
        log,
        stopTimeoutMs: 2000,
      });
      await other.start();
      try {
        const n = 60;
        await Promise.all(Array.from({ length: n }, (_, i) => q.send('shared', { i })));
        const handled: Array<{ by: string; i: number }> = [];
        const handler = (by: string) => async (job: { data: { i: number } }) => {
          await sleep(10);
          handled.push({ by, i: job.data.i });
        };
        const opts = { ...fast, batchSize: 5, concurrency: 2 };
        await Promise.all([q.work('shared', handler('a'), opts), other.work('shared', handler('b'), opts)]);
        await until(() => handled.length >= n);
        await sleep(600);
        expect(handled).toHaveLength(n);
        expect(new Set(handled.map((h) => h.i)).size).toBe(n);
        expect(handled.some((h) => h.by === 'a')).toBe(true);
        expect(handled.some((h) => h.by === 'b')).toBe(true);
      } finally {
        await other.stop();
      }
    },
  );
});
