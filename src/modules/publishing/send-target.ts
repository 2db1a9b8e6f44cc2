import { and, eq, lte, sql } from 'drizzle-orm';
import {
  AuthExpired,
  type Connector,
  ConnectorError,
  type PublishedPost,
  RateLimited,
  Rejected,
} from '../../connectors/connector.ts';
import type { Context } from '../../context.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { posts, postTargets } from '../../platform/db/schema/publishing.ts';
import { openChannel, recordChannelError, recordChannelSuccess } from '../channels/open-channel.ts';
import { notify, queueNotificationMail } from '../notifications/notify.ts';
import { checkPostTexts } from './guideline-gate.ts';
import { addEvent, mediaWithData, type TargetRow, targetsOf } from './repo.ts';
import { excerpt } from './save-post.ts';
import { enqueueMetrics, enqueueSend } from './send-queue.ts';

/** After this many attempts a transient failure is reported as a failure: a person should look. */
export const MAX_ATTEMPTS = 10;
const SYSTEM = 'Chorus';

/**
 * Backoff for a retry: the network's Retry-After when it gives one, else exponential from `baseSeconds`
 * (CHORUS_PUBLISH_RETRY_SECONDS), with jitter.
 */
export function retryDelayMs(attempt: number, retryAfterSeconds?: number, baseSeconds = 5): number {
  const exp = Math.min(600, baseSeconds * 2 ** Math.max(0, attempt - 1)) * 1000;
  const base = retryAfterSeconds !== undefined ? Math.max(retryAfterSeconds * 1000, 1000) : exp;
  // Jitter only upwards, so a Retry-After is never undercut.
  return Math.round(base * (1 + Math.random() * 0.2));
}

/**
 * Claims a due target: `sending`, one more attempt, the exact text — in one statement, so of several
 * workers exactly one wins. `attempts` doubles as a fencing token for everything written afterwards.
 */
async function claim(ctx: Context, targetId: string): Promise<TargetRow | null> {
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
        eq(postTargets.id, targetId),
        eq(postTargets.state, 'scheduled'),
        // Not a moment early: a retry's time honours the network's Retry-After, and a stray wake-up
        // (a re-queued or retried job) must not undercut it.
        lte(postTargets.scheduledAt, sql`now()`),
      ),
    )
    .returning();
  return row ?? null;
}

type Outcome =
  | { kind: 'published'; post: PublishedPost }
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'failed'; code: string; reason: string }
  | { kind: 'needs_decision'; reason: string };

/**
 * One attempt to publish one channel's post. Everything that can go wrong before the network call puts the
 * target back to wait; after the call, the answer decides; an unclear answer is settled by asking the network
 * (where it can tell) or by the network's own idempotency window — never by guessing.
 */
export async function sendTarget(ctx: Context, targetId: string): Promise<void> {
  const target = await claim(ctx, targetId);
  if (!target) {
    // An early or duplicate wake-up: if the target now waits for a later time, make sure a job is there.
    const [row] = await ctx.db
      .select({ state: postTargets.state, at: postTargets.scheduledAt })
      .from(postTargets)
      .where(eq(postTargets.id, targetId));
    if (row?.state === 'scheduled' && row.at && row.at.getTime() > Date.now())
      await enqueueSend(ctx, targetId, row.at);
    return;
  }
  const [post] = await ctx.db.select().from(posts).where(eq(posts.id, target.postId));
  const [channel] = await ctx.db.select().from(channels).where(eq(channels.id, target.channelId));
  const outcome = await attempt(ctx, target, post, channel);
  await settle(ctx, target, outcome, { post: post ?? null, channelName: channel?.name ?? '' });
}

async function attempt(
  ctx: Context,
  target: TargetRow,
  post: typeof posts.$inferSelect | undefined,
  channel: typeof channels.$inferSelect | undefined,
): Promise<Outcome> {
  if (!post || !channel)
    return { kind: 'failed', code: 'channel_removed', reason: 'The channel no longer exists.' };
  if (channel.deletedAt)
    return { kind: 'failed', code: 'channel_removed', reason: `The channel ${channel.name} was removed.` };
  // The guidelines as they are now, not as they were when the post was scheduled.
  const [withChannel] = (await targetsOf(ctx.db, post.orgId, [post.id])).filter((t) => t.id === target.id);
  if (withChannel) {
    const [result] = await checkPostTexts(ctx, post.orgId, post, [
      { ...withChannel, variantText: target.sentText },
    ]);
    const check = result!.check;
    if ((check.blocked || check.warned) && post.overrideVersion !== post.version) {
      const rules = [...new Set(check.findings.map((f) => f.rule))].join(', ');
      return {
        kind: 'failed',
        code: 'guideline_blocked',
        reason: `The guidelines (version ${check.policyVersion}) object to the text: ${rules}.`,
      };
    }
  }
  const media = await mediaWithData(ctx.db, post.orgId, post.id);
  let connector: Connector;
  try {
    connector = openChannel(ctx, channel);
  } catch (err) {
    return {
      kind: 'failed',
      code: 'auth_expired',
      reason: `The channel's stored credentials cannot be read: ${(err as Error).message}`,
    };
  }
  try {
    const published = await connector.publish({
      text: target.sentText ?? post.baseText,
      media: media.map((m) => ({
        data: new Uint8Array(m.data),
        mimeType: m.mimeType,
        altText: m.altText,
        filename: m.filename,
      })),
      replyToId: null,
      idempotencyKey: target.idempotencyKey,
    });
    return { kind: 'published', post: published };
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
    return classify(ctx, connector, target, err);
  }
}

async function classify(
  ctx: Context,
  connector: Connector,
  target: TargetRow,
  err: ConnectorError,
): Promise<Outcome> {
  if (err instanceof Rejected) return { kind: 'failed', code: 'rejected', reason: err.reason };
  if (err instanceof AuthExpired) return { kind: 'failed', code: 'auth_expired', reason: err.message };
  if (err instanceof RateLimited) {
    // A refusal before anything was posted: waiting and trying again is safe.
    if (target.attempts >= MAX_ATTEMPTS) return { kind: 'failed', code: 'gave_up', reason: err.message };
    return {
      kind: 'retry',
      delayMs: retryDelayMs(target.attempts, err.retryAfterSeconds, ctx.config.publishRetrySeconds),
      reason: err.message,
    };
  }
  // Transient: the post may or may not have gone out.
  return settleUnclear(ctx, connector, target, err.message);
}

/** After an unclear answer (or a crash mid-send): find out, or wait within the network's own dedup window. */
export async function settleUnclear(
  ctx: Context,
  connector: Connector,
  target: TargetRow,
  reason: string,
): Promise<Outcome> {
  if (connector.capabilities.canLookUpByIdempotencyKey) {
    try {
      const found = await connector.findByIdempotencyKey(target.idempotencyKey);
      if (found && found !== 'unknown') return { kind: 'published', post: found };
      if (found === null) {
        if (target.attempts >= MAX_ATTEMPTS) return { kind: 'failed', code: 'gave_up', reason };
        return {
          kind: 'retry',
          delayMs: retryDelayMs(target.attempts, undefined, ctx.config.publishRetrySeconds),
          reason,
        };
      }
    } catch (lookupErr) {
      ctx.log.warn({ err: lookupErr, targetId: target.id }, 'idempotency look-up failed');
    }
  }
  const windowMs = connector.capabilities.idempotencyWindowSeconds * 1000;
  const firstSent = target.firstSentAt ?? new Date();
  const delayMs = retryDelayMs(target.attempts, undefined, ctx.config.publishRetrySeconds);
  // Retry only if the retry itself still lands inside the window in which the network drops a second copy.
  if (windowMs > 0 && Date.now() + delayMs + ctx.config.networkTimeoutMs < firstSent.getTime() + windowMs) {
    if (target.attempts >= MAX_ATTEMPTS) return { kind: 'needs_decision', reason };
    return { kind: 'retry', delayMs, reason };
  }
  return { kind: 'needs_decision', reason };
}

async function postAndChannel(ctx: Context, target: TargetRow) {
  const [post] = await ctx.db.select().from(posts).where(eq(posts.id, target.postId));
  const [channel] = await ctx.db
    .select({ name: channels.name })
    .from(channels)
    .where(eq(channels.id, target.channelId));
  return { post: post ?? null, channelName: channel?.name ?? '' };
}

/**
 * Writes the outcome, fenced by the attempt number: a send the reconciler already settled changes nothing.
 * `known` saves reading the post and channel again when the caller has them.
 */
export async function settle(
  ctx: Context,
  target: TargetRow,
  outcome: Outcome,
  known?: { post: typeof posts.$inferSelect | null; channelName: string },
): Promise<void> {
  const now = new Date();
  const fence = and(
    eq(postTargets.id, target.id),
    eq(postTargets.state, 'sending'),
    eq(postTargets.attempts, target.attempts),
  );
  const { post, channelName } = known ?? (await postAndChannel(ctx, target));
  const link = `/publishing/posts/${target.postId}`;
  const mailIds = await ctx.db.transaction(async (tx) => {
    const base = {
      orgId: target.orgId,
      postId: target.postId,
      targetId: target.id,
      actorId: null,
      actorLabel: SYSTEM,
    };
    if (outcome.kind === 'published') {
      const done = await tx
        .update(postTargets)
        .set({
          state: 'published',
          remoteId: outcome.post.id,
          remoteUrl: outcome.post.url,
          publishedAt: outcome.post.publishedAt,
          sendingSince: null,
          failureCode: null,
          failureReason: null,
          updatedAt: now,
        })
        .where(fence)
        .returning({ id: postTargets.id });
      if (done.length === 0) return [];
      await addEvent(tx, {
        ...base,
        kind: 'published',
        detail: { channel: channelName, url: outcome.post.url, attempt: target.attempts },
      });
      await notify(tx, {
        orgId: target.orgId,
        userIds: post ? [post.authorId] : [],
        kind: 'post.published',
        params: { channel: channelName, excerpt: excerpt(target.sentText ?? '', 140) },
        link,
      });
      return [];
    }
    if (outcome.kind === 'retry') {
      const at = new Date(now.getTime() + outcome.delayMs);
      const done = await tx
        .update(postTargets)
        .set({
          state: 'scheduled',
          scheduledAt: at,
          sendingSince: null,
          failureReason: outcome.reason,
          updatedAt: now,
        })
        .where(fence)
        .returning({ id: postTargets.id });
      if (done.length === 0) return [];
      await addEvent(tx, {
        ...base,
        kind: 'retry',
        detail: {
          channel: channelName,
          reason: outcome.reason,
          at: at.toISOString(),
          attempt: target.attempts,
        },
      });
      return [];
    }
    const state = outcome.kind === 'failed' ? 'failed' : 'needs_decision';
    const done = await tx
      .update(postTargets)
      .set({
        state,
        sendingSince: null,
        failureCode: outcome.kind === 'failed' ? outcome.code : 'unclear',
        failureReason: outcome.reason,
        updatedAt: now,
      })
      .where(fence)
      .returning({ id: postTargets.id });
    if (done.length === 0) return [];
    await addEvent(tx, {
      ...base,
      kind: state,
      detail: {
        channel: channelName,
        reason: outcome.reason,
        ...(outcome.kind === 'failed' ? { code: outcome.code } : {}),
      },
    });
    return notify(tx, {
      orgId: target.orgId,
      userIds: post ? [post.authorId] : [],
      kind: outcome.kind === 'failed' ? 'post.failed' : 'post.needs_decision',
      params: { channel: channelName, reason: outcome.reason.slice(0, 500) },
      link,
      mail: true,
    });
  });
  // Follow-ups after the commit; a lost one is harmless (metrics are pulled again, the reconciler re-queues).
  if (outcome.kind === 'published') {
    await recordChannelSuccess(ctx, target.orgId, target.channelId);
    await enqueueMetrics(ctx, target.id, outcome.post.publishedAt);
  } else if (outcome.kind === 'retry') {
    await enqueueSend(ctx, target.id, new Date(now.getTime() + outcome.delayMs));
  } else {
    await recordChannelError(ctx, target.orgId, target.channelId, outcome.reason, {
      authExpired: outcome.kind === 'failed' && outcome.code === 'auth_expired',
    });
  }
  await queueNotificationMail(ctx, mailIds);
}
