import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { PublishedPost } from '../../connectors/connector.ts';
import type { Context } from '../../context.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { postEvents, postMedia, posts, postTargets } from '../../platform/db/schema/publishing.ts';
import { recordChannelsSuccess } from '../channels/open-channel.ts';
import { textChecker } from '../governance/index.ts';
import { notifyAll } from '../notifications/notify.ts';
import type { MediaRow, TargetRow } from './repo.ts';
import { excerpt } from './save-post.ts';
import { enqueueMetrics, enqueueSends } from './send-queue.ts';
import { attempt, type Outcome, type SendInputs, settle } from './send-target.ts';

/**
 * Sending due posts in batches. The send jobs of one fetch are handled together: one statement claims them
 * all, one reads their posts, one their channels, one their images, the policy is read once, and the
 * successes are written in one transaction — so the database work per post is little more than the
 * network call itself. Each target stays fenced by its own attempt number, exactly as a single send: a
 * batch changes how many rows a statement touches, not what may happen to a row.
 */

const SYSTEM = 'Chorus';

/** One channel's post, sent now if it is due (the tests and the reconciler use this). */
export function sendTarget(ctx: Context, targetId: string): Promise<void> {
  return sendTargets(ctx, [targetId]);
}

export async function sendTargets(ctx: Context, targetIds: readonly string[]): Promise<void> {
  const ids = [...new Set(targetIds)];
  if (ids.length === 0) return;
  const claimed = await claim(ctx, ids);
  const claimedIds = new Set(claimed.map((t) => t.id));
  const missed = ids.filter((id) => !claimedIds.has(id));
  if (missed.length > 0) await wakeLater(ctx, missed);
  if (claimed.length === 0) return;

  const inputs = await loadInputs(ctx, claimed);
  const results = await Promise.allSettled(claimed.map((t) => attempt(ctx, t, inputs(t))));
  const published: { target: TargetRow; post: PublishedPost }[] = [];
  const others: { target: TargetRow; outcome: Outcome }[] = [];
  let unexpected: unknown = null;
  results.forEach((r, i) => {
    const target = claimed[i]!;
    if (r.status === 'rejected') {
      // Left in `sending`: the reconciler settles it after the lease, by asking the network.
      ctx.log.error({ err: r.reason, targetId: target.id }, 'send failed unexpectedly');
      unexpected ??= r.reason;
    } else if (r.value.kind === 'published') published.push({ target, post: r.value.post });
    else others.push({ target, outcome: r.value });
  });
  await settlePublished(ctx, published, inputs);
  for (const { target, outcome } of others) {
    const { post, channel } = inputs(target);
    await settle(ctx, target, outcome, { post: post ?? null, channelName: channel?.name ?? '' });
  }
  if (unexpected) throw unexpected;
}

/**
 * Claims the due targets among `ids`: `sending`, one more attempt, the exact text — in one statement, so of
 * several workers exactly one wins each row. `attempts` doubles as a fencing token for everything written
 * afterwards.
 */
function claim(ctx: Context, ids: readonly string[]): Promise<TargetRow[]> {
  return ctx.db
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
        inArray(postTargets.id, [...ids]),
        eq(postTargets.state, 'scheduled'),
        // Not a moment early: a retry's time honours the network's Retry-After, and a stray wake-up
        // (a re-queued or retried job) must not undercut it.
        lte(postTargets.scheduledAt, sql`now()`),
      ),
    )
    .returning();
}

/** Early or duplicate wake-ups: where a target now waits for a later time, make sure a job waits too. */
async function wakeLater(ctx: Context, ids: readonly string[]): Promise<void> {
  const later = await ctx.db
    .select({ id: postTargets.id, at: postTargets.scheduledAt })
    .from(postTargets)
    .where(
      and(
        inArray(postTargets.id, [...ids]),
        eq(postTargets.state, 'scheduled'),
        gt(postTargets.scheduledAt, sql`now()`),
      ),
    );
  await enqueueSends(
    ctx,
    later.flatMap((r) => (r.at ? [{ targetId: r.id, at: r.at }] : [])),
  );
}

/** Posts, channels, images and policies of all claimed targets, each read once. */
async function loadInputs(
  ctx: Context,
  claimed: readonly TargetRow[],
): Promise<(t: TargetRow) => SendInputs> {
  const orgIds = [...new Set(claimed.map((t) => t.orgId))];
  const postIds = [...new Set(claimed.map((t) => t.postId))];
  const channelIds = [...new Set(claimed.map((t) => t.channelId))];
  const postRows = await ctx.db
    .select()
    .from(posts)
    .where(and(inArray(posts.orgId, orgIds), inArray(posts.id, postIds)));
  const channelRows = await ctx.db
    .select()
    .from(channels)
    .where(and(inArray(channels.orgId, orgIds), inArray(channels.id, channelIds)));
  const mediaRows = await ctx.db
    .select()
    .from(postMedia)
    .where(and(inArray(postMedia.orgId, orgIds), inArray(postMedia.postId, postIds)))
    .orderBy(postMedia.position);
  const checkers = new Map(
    await Promise.all(orgIds.map(async (orgId) => [orgId, await textChecker(ctx, orgId)] as const)),
  );
  const postById = new Map(postRows.map((p) => [p.id, p]));
  const channelById = new Map(channelRows.map((c) => [c.id, c]));
  const mediaByPost = new Map<string, MediaRow[]>();
  for (const m of mediaRows) mediaByPost.set(m.postId, [...(mediaByPost.get(m.postId) ?? []), m]);
  return (t) => ({
    post: postById.get(t.postId),
    channel: channelById.get(t.channelId),
    media: mediaByPost.get(t.postId) ?? [],
    check: checkers.get(t.orgId)!,
  });
}

/**
 * The successes of a batch in one transaction: the fenced state change of every row in one statement, then
 * their history entries and the authors' notifications for exactly the rows that changed.
 */
async function settlePublished(
  ctx: Context,
  sent: readonly { target: TargetRow; post: PublishedPost }[],
  inputs: (t: TargetRow) => SendInputs,
): Promise<void> {
  if (sent.length === 0) return;
  const now = new Date();
  const rows = sent.map(({ target, post }) => ({
    id: target.id,
    attempts: target.attempts,
    remote_id: post.id,
    remote_url: post.url,
    published_at: post.publishedAt.toISOString(),
  }));
  const changed = await ctx.db.transaction(async (tx) => {
    const done = await tx.execute<{ id: string }>(sql`
      update ${postTargets} t
         set state = 'published', remote_id = v.remote_id, remote_url = v.remote_url,
             published_at = v.published_at, sending_since = null, failure_code = null,
             failure_reason = null, updated_at = ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
             as v(id uuid, attempts int, remote_id text, remote_url text, published_at timestamptz)
       where t.id = v.id and t.state = 'sending' and t.attempts = v.attempts
      returning t.id`);
    const ids = new Set(done.rows.map((r) => r.id));
    const mine = sent.filter((s) => ids.has(s.target.id));
    if (mine.length === 0) return mine;
    await tx.insert(postEvents).values(
      mine.map(({ target, post }) => ({
        orgId: target.orgId,
        postId: target.postId,
        targetId: target.id,
        actorId: null,
        actorLabel: SYSTEM,
        kind: 'published',
        detail: { channel: inputs(target).channel?.name ?? '', url: post.url, attempt: target.attempts },
      })),
    );
    await notifyAll(
      tx,
      mine.map(({ target }) => {
        const { post, channel } = inputs(target);
        return {
          orgId: target.orgId,
          userIds: post ? [post.authorId] : [],
          kind: 'post.published' as const,
          params: { channel: channel?.name ?? '', excerpt: excerpt(target.sentText ?? '', 140) },
          link: `/publishing/posts/${target.postId}`,
        };
      }),
    );
    return mine;
  });
  // Follow-ups after the commit; a lost one is harmless (metrics are pulled again, health catches up).
  await recordChannelsSuccess(
    ctx,
    changed.map(({ target }) => target),
  );
  await enqueueMetrics(
    ctx,
    changed.map(({ target, post }) => ({ targetId: target.id, publishedAt: post.publishedAt })),
  );
}
