import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { type DomainEvent, type EventBus, EventTooLargeError } from './bus.ts';
import { createPgEventBus } from './pg-bus.ts';

interface Recorder {
  errors: unknown[];
  warnings: unknown[];
  log: { error(o: object): void; warn(o: object): void };
}

function recorder(): Recorder {
  const r: Recorder = {
    errors: [],
    warnings: [],
    log: { error: (o) => r.errors.push(o), warn: (o) => r.warnings.push(o) },
  };
  return r;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// NOTIFY does not cross pglite-socket connections and one process owns the embedded database: there the
// in-process bus is used (see index.ts), so this suite needs PostgreSQL.
describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL event bus across processes', () => {
  let t: TestDatabase;
  let poolB: pg.Pool;
  let a: EventBus;
  let b: EventBus;
  const logA = recorder();
  const logB = recorder();
  const seenA: DomainEvent[] = [];
  const seenB: DomainEvent[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    // Two pools with their own settings, as two processes would have.
    poolB = new pg.Pool({ connectionString: t.url, max: 2 });
    a = createPgEventBus({ connection: t.connection, pool: t.pool, log: logA.log, reconnectDelayMs: 50 });
    b = createPgEventBus({
      connection: { connectionString: t.url },
      pool: poolB,
      log: logB.log,
      reconnectDelayMs: 50,
    });
    await a.start();
    await b.start();
    a.subscribe('*', (e) => {
      seenA.push(e);
    });
    b.subscribe('*', (e) => {
      seenB.push(e);
    });
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await poolB?.end();
    await t?.close();
  });

  const reset = () => {
    seenA.length = 0;
    seenB.length = 0;
  };

  it('delivers an event once locally and once in the other process', async () => {
    reset();
    await a.publish({ type: 'post.published', orgId: 'org-1', payload: { postId: 'p-1' } });
    // Local delivery is done when publish resolves.
    expect(seenA.map((e) => e.payload)).toEqual([{ postId: 'p-1' }]);
    await until(() => seenB.length > 0);
    await sleep(200); // long enough for a duplicate or an echo to show up
    expect(seenB).toEqual(seenA);
    expect(seenA).toHaveLength(1);
    expect(seenB[0]).toMatchObject({ type: 'post.published', orgId: 'org-1', payload: { postId: 'p-1' } });
  });

  it('works in both directions and filters by type on the receiving side', async () => {
    reset();
    const onlyComments: string[] = [];
    const off = a.subscribe('comment.received', (e) => {
      onlyComments.push((e.payload as { id: string }).id);
    });
    await b.publish({ type: 'post.published', orgId: 'org-2', payload: { id: 'p' } });
    await b.publish({ type: 'comment.received', orgId: 'org-2', payload: { id: 'c' } });
    await until(() => seenA.length === 2);
    off();
    await sleep(150);
    expect(onlyComments).toEqual(['c']);
    expect(seenA.map((e) => e.type)).toEqual(['post.published', 'comment.received']);
    expect(seenB.map((e) => e.type)).toEqual(['post.published', 'comment.received']);
  });

  it('rejects an event over the NOTIFY limit without sending anything', async () => {
    reset();
    await expect(a.publish({ type: 'x', orgId: 'o', payload: { body: 'x'.repeat(8000) } })).rejects.toThrow(
      EventTooLargeError,
    );
    await sleep(150);
    expect(seenA).toEqual([]);
    expect(seenB).toEqual([]);
  });

  it('reconnects the listener after its connection is killed', async () => {
    reset();
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    try {
      const listeners = async () =>
        (
          await admin.query<{ pid: number }>(
            // Only backends that have run LISTEN: a fresh connection is visible before it listens.
            `select pid from pg_stat_activity
              where application_name = 'chorus-events' and datname = current_database() and query like 'LISTEN%'`,
          )
        ).rows.map((r) => r.pid);
      const before = await listeners();
      expect(before).toHaveLength(2);
      await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [before]);
      await until(async () => {
        const now = await listeners();
        return now.length === 2 && now.every((pid) => !before.includes(pid));
      });
      await a.publish({ type: 'after.reconnect', orgId: 'org-1', payload: {} });
      await until(() => seenB.some((e) => e.type === 'after.reconnect'));
      expect(logB.warnings.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
  });
});
