import type { Context } from '../../context.ts';

export const SEND_JOB = 'publishing.send';
export const METRICS_JOB = 'publishing.metrics';

/**
 * Queues the send of one channel's post for its time. Jobs are only wake-up calls: the target's row decides
 * (see send-target.ts), so a duplicate or early job does no harm and a lost one is found by the reconciler.
 */
export async function enqueueSend(
  ctx: Context,
  targetId: string,
  at: Date,
  opts: { singletonKey?: string } = {},
) {
  await ctx.queue.send(
    SEND_JOB,
    { targetId },
    {
      startAfter: at,
      retryLimit: 5,
      retryDelaySeconds: 5,
      retryBackoff: true,
      expireInSeconds: Math.max(60, ctx.config.publishLeaseSeconds * 2),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    },
  );
}

/** Metrics are pulled a minute, an hour and a day after publishing (the networks count as people react). */
export const METRICS_AFTER_SECONDS = [60, 3600, 86_400];

export async function enqueueMetrics(ctx: Context, targetId: string, publishedAt: Date): Promise<void> {
  for (const s of METRICS_AFTER_SECONDS) {
    await ctx.queue.send(
      METRICS_JOB,
      { targetId },
      { startAfter: new Date(publishedAt.getTime() + s * 1000), retryLimit: 3, retryBackoff: true },
    );
  }
}
