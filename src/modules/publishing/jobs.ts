import type { Context } from '../../context.ts';
import type { JobDefinition } from '../../platform/jobs/definition.ts';
import { pullMetrics } from './fetch-metrics.ts';
import { reconcileInterrupted, requeueOverdue } from './reconcile.ts';
import { sendTargets } from './send-batch.ts';
import { METRICS_JOB, SEND_JOB } from './send-queue.ts';

function targetIdOf(data: object): string {
  const id = (data as { targetId?: unknown }).targetId;
  if (typeof id !== 'string') throw new Error('publishing job without targetId');
  return id;
}

export const publishingJobs: JobDefinition<Context>[] = [
  {
    name: SEND_JOB,
    // Many posts fall due in the same minute; each job mostly waits on the network, so take many at once,
    // look often (a post is due to the second; pg-boss's own default is every 2 s) and keep fetching while
    // there is a backlog.
    // Two pollers, so one batch's network calls overlap the next batch's database work.
    options: { batchSize: 50, pollingIntervalSeconds: 0.5, burst: true, concurrency: 2 },
    // A fetched batch is sent together (send-batch.ts); the jobs are wake-up calls, so a batch that fails
    // as a whole is simply run again and the rows decide.
    handleBatch: (ctx, data) => sendTargets(ctx, data.map(targetIdOf)),
  },
  {
    name: METRICS_JOB,
    options: { batchSize: 10 },
    async handle(ctx, data) {
      await pullMetrics(ctx, targetIdOf(data));
    },
  },
];

/**
 * Every worker process settles interrupted sends and re-queues overdue posts, often enough that a crash
 * costs at most about one lease. Several processes doing it at once is safe: each row is taken over by one.
 */
export function startPublishingLoops(ctx: Context): void {
  const everyMs = Math.min(60_000, Math.max(1000, (ctx.config.publishLeaseSeconds * 1000) / 2));
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const settled = await reconcileInterrupted(ctx);
      const requeued = await requeueOverdue(ctx);
      if (settled + requeued > 0) ctx.log.info({ settled, requeued }, 'publishing reconciled');
    } catch (err) {
      if (!stopped) ctx.log.error({ err }, 'publishing reconciliation failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  ctx.onClose(async () => {
    stopped = true;
    clearInterval(timer);
    while (running) await new Promise((r) => setTimeout(r, 20));
  });
}
