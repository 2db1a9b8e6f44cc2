import type pg from 'pg';
import {
  type SendOptions as BossSendOptions,
  type ConstructorOptions,
  type JobInsert,
  type JobResult,
  PgBoss,
} from 'pg-boss';
import type { JobQueue, QueueOptions, SendOptions, WorkOptions } from './queue.ts';

export interface QueueLog {
  info(o: object, m?: string): void;
  warn(o: object, m?: string): void;
  error(o: object, m?: string): void;
}

export interface PgBossQueueOptions {
  connection: pg.PoolConfig;
  kind: 'pglite' | 'postgres';
  log: QueueLog;
  /** How long stop() lets running handlers finish before failing them (they are retried later). */
  stopTimeoutMs?: number;
}

/** Jobs per insert statement of sendMany: one JSON parameter each, kept well below any message limit. */
const BULK_CHUNK = 1000;

/** pg-boss's own default is 2 s; its minimum is 0.5 s. */
const EMBEDDED_POLLING_SECONDS = 0.5;
/**
 * pglite-socket serves one session to all its connections, one transaction at a time, so more connections
 * only queue up behind each other; two let a worker's fetch overlap a send without hogging the socket.
 */
const EMBEDDED_POOL_MAX = 2;

function bossOptions(opts: PgBossQueueOptions): ConstructorOptions {
  const c = opts.connection;
  const base: ConstructorOptions = {
    application_name: 'chorus-jobs',
    schema: 'pgboss',
    ...(c.connectionString !== undefined && { connectionString: c.connectionString }),
    ...(c.host !== undefined && { host: c.host }),
    ...(c.port !== undefined && { port: c.port }),
    ...(c.user !== undefined && { user: c.user }),
    ...(c.password !== undefined && { password: c.password }),
    ...(c.database !== undefined && { database: c.database }),
    ...(c.ssl !== undefined && { ssl: c.ssl }),
    ...(c.connectionTimeoutMillis !== undefined && { connectionTimeoutMillis: c.connectionTimeoutMillis }),
  };
  if (opts.kind === 'pglite') {
    // The default backend profile is right here: through the socket this is stock PostgreSQL, and pg-boss's
    // 'pglite' profile only matters for its in-process adapter, which would bypass the socket's isolation
    // (see platform/db/client.ts). LISTEN/NOTIFY is left off (the default): the socket does not carry it.
    return { ...base, max: EMBEDDED_POOL_MAX };
  }
  return { ...base, ...(c.max !== undefined && { max: c.max }) };
}

function toBossSendOptions(o: SendOptions | undefined): BossSendOptions {
  if (!o) return {};
  return {
    ...(o.startAfter !== undefined && { startAfter: o.startAfter }),
    ...(o.singletonKey !== undefined && { singletonKey: o.singletonKey }),
    ...(o.retryLimit !== undefined && { retryLimit: o.retryLimit }),
    ...(o.retryDelaySeconds !== undefined && { retryDelay: o.retryDelaySeconds }),
    ...(o.retryBackoff !== undefined && { retryBackoff: o.retryBackoff }),
    ...(o.expireInSeconds !== undefined && { expireInSeconds: o.expireInSeconds }),
  };
}

function errorOutput(err: unknown): { message: string; name?: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, name: err.name, stack: err.stack };
  return { message: String(err) };
}

function workOptions(w: WorkOptions | undefined, kind: 'pglite' | 'postgres') {
  const pollingIntervalSeconds =
    w?.pollingIntervalSeconds ?? (kind === 'pglite' ? EMBEDDED_POLLING_SECONDS : undefined);
  return {
    batchSize: w?.batchSize ?? 1,
    localConcurrency: w?.concurrency ?? 1,
    ...(w?.burst && { burstWhenBatchFull: true }),
    ...(pollingIntervalSeconds !== undefined && { pollingIntervalSeconds }),
  };
}

export function createPgBossQueue(opts: PgBossQueueOptions): JobQueue {
  const { log, kind } = opts;
  const boss = new PgBoss(bossOptions(opts));
  // pg-boss reports background failures (maintenance, a lost connection) as events; an 'error' event
  // without a listener would crash the process.
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  boss.on('warning', (w) => log.warn({ data: w.data }, `job queue: ${w.message}`));

  // Queues known to exist, so send() and work() pay the check once per process.
  const declared = new Map<string, Promise<void>>();

  const declareNow = async (name: string, q: QueueOptions | undefined): Promise<void> => {
    if (q?.deadLetter) await ensure(q.deadLetter);
    const wanted = {
      ...(q?.retryLimit !== undefined && { retryLimit: q.retryLimit }),
      ...(q?.retryDelaySeconds !== undefined && { retryDelay: q.retryDelaySeconds }),
      ...(q?.retryBackoff !== undefined && { retryBackoff: q.retryBackoff }),
      ...(q?.deadLetter !== undefined && { deadLetter: q.deadLetter }),
    };
    const existing = await boss.getQueue(name);
    if (!existing) {
      // Idempotent in pg-boss (insert … on conflict do nothing), so two processes may race here.
      await boss.createQueue(name, wanted);
      return;
    }
    // The code is the source of truth for a queue's policy: a changed retry setting takes effect on the
    // next start, as a migration would.
    const differs = (Object.keys(wanted) as Array<keyof typeof wanted>).some(
      (k) => existing[k] !== wanted[k],
    );
    if (differs) await boss.updateQueue(name, wanted);
  };

  const ensure = (name: string): Promise<void> => {
    let p = declared.get(name);
    if (!p) {
      p = declareNow(name, undefined);
      declared.set(name, p);
      // A failed check must not be remembered, or the queue could never be used in this process.
      const mine = p;
      p.catch(() => {
        if (declared.get(name) === mine) declared.delete(name);
      });
    }
    return p;
  };

  /**
   * pg-boss enforces a singletonKey only on queues of some policies (short, stately, exclusive …) or within a
   * singletonSeconds slot, not on the standard queues Chorus uses. So the key is enforced here: under an
   * advisory lock on (queue, key), a job is sent only when none with that key is still waiting (created or
   * retry). A running job does not block a new one: the work it would do may be newer than what runs.
   */
  const sendKeyed = async (
    name: string,
    data: object,
    key: string,
    o: SendOptions,
  ): Promise<string | null> => {
    // Cheap refusal without a transaction; it also loads pg-boss's queue cache, which must not need the
    // pool while the transaction below holds the embedded database's only session.
    if ((await boss.findJobs(name, { key, queued: true, limit: 1 })).length > 0) return null;
    const db = boss.getDb();
    if (!db.beginTransaction) throw new Error('pg-boss database adapter cannot open transactions');
    const tx = await db.beginTransaction();
    try {
      await tx.db.executeSql('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
        JSON.stringify(['chorus-job-key', name, key]),
      ]);
      const waiting = await boss.findJobs(name, { key, queued: true, limit: 1, db: tx.db });
      const id =
        waiting.length > 0 ? null : await boss.send(name, data, { ...toBossSendOptions(o), db: tx.db });
      await tx.commit();
      return id;
    } catch (err) {
      await tx.rollback();
      throw err;
    }
  };

  return {
    async start() {
      await boss.start();
      log.info({ kind }, 'job queue started');
    },

    async stop() {
      await boss.stop({ graceful: true, timeout: opts.stopTimeoutMs ?? 30_000 });
      declared.clear();
    },

    async declare(name, q) {
      const p = declareNow(name, q);
      declared.set(name, p);
      try {
        await p;
      } catch (err) {
        if (declared.get(name) === p) declared.delete(name);
        throw err;
      }
    },

    async send(name, data, sendOpts) {
      await ensure(name);
      if (sendOpts?.singletonKey !== undefined) return sendKeyed(name, data, sendOpts.singletonKey, sendOpts);
      return boss.send(name, data, toBossSendOptions(sendOpts));
    },

    async sendMany(name, jobs) {
      await ensure(name);
      for (let i = 0; i < jobs.length; i += BULK_CHUNK) {
        const chunk: JobInsert[] = jobs.slice(i, i + BULK_CHUNK).map((j) => {
          const o = toBossSendOptions(j.opts);
          return {
            data: j.data,
            ...(o.startAfter !== undefined && { startAfter: o.startAfter }),
            ...(o.retryLimit !== undefined && { retryLimit: o.retryLimit }),
            ...(o.retryDelay !== undefined && { retryDelay: o.retryDelay }),
            ...(o.retryBackoff !== undefined && { retryBackoff: o.retryBackoff }),
            ...(o.expireInSeconds !== undefined && { expireInSeconds: o.expireInSeconds }),
          };
        });
        await boss.insert(name, chunk);
      }
      return jobs.length;
    },

    async work<T extends object>(
      name: string,
      handler: (job: { id: string; name: string; data: T }) => Promise<void>,
      w?: WorkOptions,
    ) {
      await ensure(name);
      await boss.work<T>(
        name,
        {
          ...workOptions(w, kind),
          // Each job of a batch succeeds or fails on its own instead of the batch failing as one.
          perJobResults: true,
        },
        // The jobs of a batch run side by side; batchSize is thus also this poller's concurrency.
        (jobs) =>
          Promise.all(
            jobs.map(async (job): Promise<JobResult> => {
              try {
                await handler({ id: job.id, name: job.name, data: job.data });
                return { id: job.id, status: 'completed' };
              } catch (err) {
                log.warn(
                  { err, job: { id: job.id, name: job.name, retryCount: job.retryCount } },
                  'job failed',
                );
                return { id: job.id, status: 'failed', output: errorOutput(err) };
              }
            }),
          ),
      );
    },

    async workBatch<T extends object>(
      name: string,
      handler: (jobs: readonly { id: string; name: string; data: T }[]) => Promise<void>,
      w?: WorkOptions,
    ) {
      await ensure(name);
      await boss.work<T>(name, workOptions(w, kind), async (jobs) => {
        try {
          await handler(jobs.map((j) => ({ id: j.id, name: j.name, data: j.data })));
        } catch (err) {
          log.warn({ err, jobs: jobs.length, queue: name }, 'job batch failed');
          throw err;
        }
      });
    },

    async schedule(name, cron, data, s) {
      await ensure(name);
      await boss.schedule(name, cron, data ?? null, { tz: s?.tz ?? 'UTC' });
    },
  };
}
