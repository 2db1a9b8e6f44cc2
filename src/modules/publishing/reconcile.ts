import { and, eq, lt, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { postTargets } from '../../platform/db/schema/publishing.ts';
import { openChannel } from '../channels/open-channel.ts';
import { enqueueSend } from './send-queue.ts';
import { settle, settleUnclear } from './send-target.ts';

/** Rows looked at per pass; the next pass takes the rest. */
const BATCH = 200;

/**
 * Settles sends a crash interrupted: a target `sending` for longer than the lease. Fenced by `attempts`,
 * so two reconcilers (or a slow worker that comes back) never settle the same send twice.
 */
export async function reconcileInterrupted(ctx: Context): Promise<number> {
  const stale = await ctx.db
    .select()
    .from(postTargets)
    .where(
      and(
        eq(postTargets.state, 'sending'),
        lt(postTargets.sendingSince, sql`now() - make_interval(secs => ${ctx.config.publishLeaseSeconds})`),
      ),
    )
    .limit(BATCH);
  let settled = 0;
  for (const target of stale) {
    // Take the row over: whoever bumps sending_since for this attempt settles it.
    const [mine] = await ctx.db
      .update(postTargets)
      .set({ sendingSince: sql`now()` })
      .where(
        and(
          eq(postTargets.id, target.id),
          eq(postTargets.state, 'sending'),
          eq(postTargets.attempts, target.attempts),
          lt(postTargets.sendingSince, sql`now() - make_interval(secs => ${ctx.config.publishLeaseSeconds})`),
        ),
      )
      .returning();
    if (!mine) continue;
    const [channel] = await ctx.db.select().from(channels).where(eq(channels.id, target.channelId));
    if (!channel || channel.deletedAt) {
      await settle(ctx, mine, {
        kind: 'failed',
        code: 'channel_removed',
        reason: 'The channel was removed.',
      });
    } else {
      const outcome = await settleUnclear(
        ctx,
        openChannel(ctx, channel),
        mine,
        'Sending was interrupted (the worker stopped).',
      );
      await settle(ctx, mine, outcome);
    }
    settled++;
  }
  return settled;
}

/**
 * Due targets whose wake-up job went missing (a lost enqueue after a commit, or a job held by a worker that
 * died) get one again once they are a lease overdue.
 */
export async function requeueOverdue(ctx: Context): Promise<number> {
  const overdue = await ctx.db
    .select({ id: postTargets.id, at: postTargets.scheduledAt })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.state, 'scheduled'),
        lt(postTargets.scheduledAt, sql`now() - make_interval(secs => ${ctx.config.publishLeaseSeconds})`),
      ),
    )
    .limit(BATCH);
  for (const t of overdue) await enqueueSend(ctx, t.id, new Date(), { singletonKey: `overdue:${t.id}` });
  return overdue.length;
}
