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
    { ...sendJobOptions(ctx, at), ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}) },
  );
}

/** Queues the sends of many targets at once (bulk scheduling: imports, the scheduling benchmark). */
export async function enqueueSends(
  ctx: Context,
  sends: readonly { targetId: string; at: Date }[],
): Promise<void> {
  await ctx.queue.sendMany(
    SEND_JOB,
    sends.map((s) => ({ data: { targetId: s.targetId }, opts: sendJobOptions(ctx, s.at) })),
  );
}

function sendJobOptions(ctx: Context, at: Date) {
  return {
    startAfter: at,
    retryLimit: 5,
    retryDelaySeconds: 5,
    retryBackoff: true,
    expireInSeconds: Math.max(60, ctx.config.publishLeaseSeconds * 2),
  };
}

/** Metrics are pulled a minute, an hour and a day after publishing (the networks count as people react). */
export const METRICS_AFTER_SECONDS = [60, 3600, 86_400];

export async function enqueueMetrics(
  ctx: Context,
  sent: readonly { targetId: string; publishedAt: Date }[],
): Promise<void> {
  if (sent.length === 0) return;
  // One statement for a whole batch of sends: the embedded database is one session.
  await ctx.queue.sendMany(
    METRICS_JOB,
    sent.flatMap(({ targetId, publishedAt }) =>
      METRICS_AFTER_SECONDS.map((s) => ({
        data: { targetId },
        opts: { startAfter: new Date(publishedAt.getTime() + s * 1000), retryLimit: 3, retryBackoff: true },
      })),
    ),
  );
}
