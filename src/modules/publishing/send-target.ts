import { and, eq } from 'drizzle-orm';
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
import { openChannel, recordChannelError, recordChannelsSuccess } from '../channels/open-channel.ts';
import type { CheckInput, CheckResult } from '../governance/index.ts';
import { notify, queueNotificationMail } from '../notifications/notify.ts';
import { addEvent, type MediaRow, type PostRow, type TargetRow } from './repo.ts';
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

export type Outcome =
  | { kind: 'published'; post: PublishedPost }
  | { kind: 'retry'; delayMs: number; reason: string }
  | { kind: 'failed'; code: string; reason: string }
  | { kind: 'needs_decision'; reason: string };

/** What one attempt needs besides the claimed row, loaded for a whole batch at once (send-batch.ts). */
export interface SendInputs {
  post: PostRow | undefined;
  channel: typeof channels.$inferSelect | undefined;
  media: readonly MediaRow[];
  /** The organisation's current guidelines. */
  check: (input: CheckInput) => CheckResult;
}

/**
 * One attempt to publish one channel's post. Everything that can go wrong before the network call ends the
 * attempt with a reason; after the call, the answer decides; an unclear answer is settled by asking the
 * network (where it can tell) or by the network's own idempotency window — never by guessing.
 */
export async function attempt(ctx: Context, target: TargetRow, inputs: SendInputs): Promise<Outcome> {
  const { post, channel, media } = inputs;
  if (!post || !channel)
    return { kind: 'failed', code: 'channel_removed', reason: 'The channel no longer exists.' };
  if (channel.deletedAt)
    return { kind: 'failed', code: 'channel_removed', reason: `The channel ${channel.name} was removed.` };
  const text = target.sentText ?? post.baseText;
  // The guidelines as they are now, not as they were when the post was scheduled.
  const check = inputs.check({
    text,
    network: channel.network,
    channelOwnership: channel.ownership === 'personal' ? 'personal' : 'company',
    departmentId: post.departmentId,
  });
  if ((check.blocked || check.warned) && post.overrideVersion !== post.version) {
    const rules = [...new Set(check.findings.map((f) => f.rule))].join(', ');
    return {
      kind: 'failed',
      code: 'guideline_blocked',
      reason: `The guidelines (version ${check.policyVersion}) object to the text: ${rules}.`,
    };
  }
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
      text,
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
  let retryAfterSeconds: number | undefined;
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
      // A look-up refused with 429 sets the earliest next call, like a refused send.
      if (lookupErr instanceof RateLimited) retryAfterSeconds = lookupErr.retryAfterSeconds;
    }
  }
  const windowMs = connector.capabilities.idempotencyWindowSeconds * 1000;
  const firstSent = target.firstSentAt ?? new Date();
  const delayMs = retryDelayMs(target.attempts, retryAfterSeconds, ctx.config.publishRetrySeconds);
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
    await recordChannelsSuccess(ctx, [target]);
    await enqueueMetrics(ctx, [{ targetId: target.id, publishedAt: outcome.post.publishedAt }]);
  } else if (outcome.kind === 'retry') {
    await enqueueSend(ctx, target.id, new Date(now.getTime() + outcome.delayMs));
  } else {
    await recordChannelError(ctx, target.orgId, target.channelId, outcome.reason, {
      authExpired: outcome.kind === 'failed' && outcome.code === 'auth_expired',
    });
  }
  await queueNotificationMail(ctx, mailIds);
}
