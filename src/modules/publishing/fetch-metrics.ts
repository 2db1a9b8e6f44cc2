import { and, eq } from 'drizzle-orm';
import { ConnectorError } from '../../connectors/connector.ts';
import type { Context } from '../../context.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { postTargets } from '../../platform/db/schema/publishing.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import { openChannel, recordChannelError } from '../channels/open-channel.ts';

/** Pulls a published post's counts from its network; counts the network does not give stay empty. */
export async function pullMetrics(ctx: Context, targetId: string): Promise<boolean> {
  const [target] = await ctx.db.select().from(postTargets).where(eq(postTargets.id, targetId));
  if (target?.state !== 'published' || !target.remoteId) return false;
  const [channel] = await ctx.db.select().from(channels).where(eq(channels.id, target.channelId));
  if (!channel || channel.deletedAt) return false;
  try {
    const m = await openChannel(ctx, channel).fetchMetrics(target.remoteId);
    await ctx.db
      .update(postTargets)
      .set({
        likes: m.likes,
        reposts: m.reposts,
        replies: m.replies,
        impressions: m.impressions,
        metricsAt: new Date(),
      })
      .where(eq(postTargets.id, targetId));
    return true;
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
    await recordChannelError(ctx, target.orgId, target.channelId, err.message, {
      authExpired: err.name === 'AuthExpired',
    });
    if (err.retryable) throw err;
    return false;
  }
}

/** "Refresh now" in the composer: every published channel of the post, at once. */
export async function refreshPostMetrics(ctx: Context, p: Principal, postId: string): Promise<void> {
  const targets = await ctx.db
    .select({ id: postTargets.id, state: postTargets.state })
    .from(postTargets)
    .where(and(eq(postTargets.orgId, p.orgId), eq(postTargets.postId, postId)));
  if (targets.length === 0) throw notFound('post_not_found');
  const published = targets.filter((t) => t.state === 'published');
  if (published.length === 0) throw new DomainError(409, 'post_not_published');
  for (const t of published) {
    try {
      await pullMetrics(ctx, t.id);
    } catch (err) {
      if (!(err instanceof ConnectorError)) throw err;
      throw new DomainError(503, 'network_unavailable', { reason: err.message });
    }
  }
}
