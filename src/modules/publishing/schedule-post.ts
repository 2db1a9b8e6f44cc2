import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { posts, postTargets } from '../../platform/db/schema/publishing.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { conflict, DomainError, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { mayPublishTo } from '../channels/channel-access.ts';
import { nextFreeSlot } from '../channels/posting-plan.ts';
import { listChannelRows } from '../channels/repo.ts';
import { progressOf, requiredWorkflows } from './approval-rules.ts';
import { assessGuidelines, recordOverride } from './guideline-gate.ts';
import {
  addEvent,
  approvalsOf,
  findPostRow,
  lockPost,
  mediaOf,
  type PostRow,
  type TargetWithChannel,
  targetsOf,
  toApprovalRecords,
  workflowRules,
} from './repo.ts';
import { excerpt, newIdempotencyKey } from './save-post.ts';
import { enqueueSend } from './send-queue.ts';
import { renderIssues, validatePost } from './validate-post.ts';

/** A schedule time may lie this far in the past (the person clicked a minute ago); earlier is a mistake. */
const PAST_TOLERANCE_MS = 60_000;
const MAX_AHEAD_MS = 2 * 365 * 24 * 3600_000;

export interface ScheduleInput {
  mode: 'now' | 'at' | 'slot';
  at?: string;
  overrideReason?: string;
}

async function publishableChannels(tx: Executor, p: Principal) {
  const all = await listChannelRows(tx, p.orgId);
  return new Map(
    all.map((c) => [
      c.id,
      { ...c, mayPublish: mayPublishTo(p, { ...c, memberIds: c.members.map((m) => m.id) }) },
    ]),
  );
}

async function assertApproved(
  tx: Executor,
  orgId: string,
  post: { id: string; version: number; departmentId: string | null; authorId: string },
  targets: TargetWithChannel[],
) {
  const rules = requiredWorkflows(
    await workflowRules(tx, orgId),
    post.departmentId,
    targets.map((t) => t.channelId),
  );
  const approvals = toApprovalRecords(await approvalsOf(tx, orgId, post.id, post.version));
  if (!rules.every((w) => progressOf(w, approvals, post.authorId).done)) throw conflict('approval_required');
  return rules.length > 0;
}

/** Who may publish where, what the networks accept, and the workflow — in the order people fix them. */
async function preflight(db: Executor, p: Principal, post: PostRow) {
  const targets = await targetsOf(db, p.orgId, [post.id]);
  const pending = targets.filter((t) => ['draft', 'failed'].includes(t.state));
  if (targets.some((t) => t.state === 'sending')) throw conflict('post_sending');
  if (pending.length === 0) throw conflict('nothing_to_schedule');
  const channels = await publishableChannels(db, p);
  for (const t of pending) {
    const c = channels.get(t.channelId);
    if (!c?.mayPublish) throw new DomainError(403, 'may_not_publish', { channel: t.channel.name });
    if (c.status === 'needs_reauth') throw new DomainError(409, 'channel_needs_reauth', { channel: c.name });
  }
  const issues = validatePost(post.baseText, pending, await mediaOf(db, p.orgId, post.id));
  if (issues.length > 0)
    throw new DomainError(
      422,
      'post_has_issues',
      { count: issues.length },
      { extensions: { issues: renderIssues(issues, p.locale) } },
    );
  const hadWorkflow = await assertApproved(db, p.orgId, post, targets);
  return { pending, channels, hadWorkflow };
}

/**
 * Schedules every channel of the post that has not gone out yet: now, at a time, or into each channel's
 * next free slot. Only past the workflow, only to channels the person may publish to, only with texts the
 * networks accept and the guidelines allow (or a reasoned override). The send jobs are queued after commit.
 */
export async function schedulePost(
  ctx: Context,
  p: Principal,
  actor: Actor,
  id: string,
  input: ScheduleInput,
) {
  const now = new Date();
  let when: Date | null = null;
  if (input.mode === 'at') {
    if (!input.at)
      throw new DomainError(
        422,
        'schedule_time_missing',
        {},
        { fieldErrors: [{ path: 'at', message: 'required' }] },
      );
    when = new Date(input.at);
    if (when.getTime() < now.getTime() - PAST_TOLERANCE_MS)
      throw new DomainError(
        422,
        'schedule_in_past',
        {},
        { fieldErrors: [{ path: 'at', message: 'in the past' }] },
      );
    if (when.getTime() > now.getTime() + MAX_AHEAD_MS)
      throw new DomainError(
        422,
        'schedule_too_far',
        {},
        { fieldErrors: [{ path: 'at', message: 'too far ahead' }] },
      );
    if (when < now) when = now;
  }
  // Everything is checked once before the transaction (the guideline engine reads the policy, and the
  // embedded database serves one transaction at a time) and again under the post's lock.
  const seen = await findPostRow(ctx.db, p.orgId, id);
  if (!seen) throw notFound('post_not_found');
  const seenCheck = await preflight(ctx.db, p, seen);
  const assessment = await assessGuidelines(ctx, p, seen, seenCheck.pending, input.overrideReason);
  const result = await ctx.db.transaction(async (tx) => {
    const post = await lockPost(tx, p.orgId, id);
    if (!post) throw notFound('post_not_found');
    if (post.version !== seen.version) throw new DomainError(409, 'post_changed', { version: post.version });
    const { pending, channels, hadWorkflow } = await preflight(tx, p, post);
    const overridden = assessment.objections.length > 0;
    if (overridden) await recordOverride(tx, actor, post, assessment, input.overrideReason!);
    const times = new Map<string, Date>();
    for (const t of pending) {
      if (input.mode === 'now') times.set(t.id, now);
      else if (input.mode === 'at') times.set(t.id, when!);
      else {
        const c = channels.get(t.channelId)!;
        const taken = await tx
          .select({ at: postTargets.scheduledAt })
          .from(postTargets)
          .where(
            and(
              eq(postTargets.orgId, p.orgId),
              eq(postTargets.channelId, t.channelId),
              inArray(postTargets.state, ['scheduled', 'sending', 'published']),
            ),
          );
        const slot = nextFreeSlot(
          c.plan,
          c.planTimeZone,
          now,
          taken.flatMap((r) => (r.at ? [r.at] : [])),
        );
        if (!slot) throw new DomainError(422, 'no_free_slot', { channel: c.name });
        times.set(t.id, slot);
      }
    }
    for (const t of pending) {
      await tx
        .update(postTargets)
        .set({
          state: 'scheduled',
          scheduledAt: times.get(t.id)!,
          // A failed target starts over with a new key: the network refused the old one, nothing went out.
          ...(t.state === 'failed'
            ? { idempotencyKey: newIdempotencyKey(), attempts: 0, firstSentAt: null }
            : {}),
          failureCode: null,
          failureReason: null,
          updatedAt: now,
        })
        .where(and(eq(postTargets.orgId, p.orgId), eq(postTargets.id, t.id)));
    }
    await tx
      .update(posts)
      .set({
        ...(hadWorkflow ? {} : { state: 'approved', approvedVersion: post.version }),
        ...(overridden ? { overrideVersion: post.version } : {}),
        updatedAt: now,
      })
      .where(and(eq(posts.orgId, p.orgId), eq(posts.id, id)));
    await addEvent(tx, {
      orgId: p.orgId,
      postId: id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'scheduled',
      detail: {
        mode: input.mode,
        channels: pending.map((t) => ({ channel: t.channel.name, at: times.get(t.id)!.toISOString() })),
        overridden,
      },
    });
    await recordAudit(tx, actor, {
      action: 'post.scheduled',
      targetType: 'post',
      targetId: id,
      targetLabel: excerpt(post.baseText),
      summary: {
        version: post.version,
        mode: input.mode,
        channels: pending.map((t) => ({ channel: t.channel.name, at: times.get(t.id)!.toISOString() })),
        ...(overridden ? { overrideReason: input.overrideReason } : {}),
      },
    });
    return pending.map((t) => ({ id: t.id, at: times.get(t.id)! }));
  });
  for (const t of result) await enqueueSend(ctx, t.id, t.at);
}

export async function unschedulePost(ctx: Context, p: Principal, actor: Actor, id: string) {
  await ctx.db.transaction(async (tx) => {
    const post = await lockPost(tx, p.orgId, id);
    if (!post) throw notFound('post_not_found');
    const targets = await targetsOf(tx, p.orgId, [id]);
    const waiting = targets.filter((t) => t.state === 'scheduled');
    if (waiting.length === 0) throw conflict('nothing_scheduled');
    const channels = await publishableChannels(tx, p);
    if (post.authorId !== p.userId && !waiting.every((t) => channels.get(t.channelId)?.mayPublish))
      throw new DomainError(403, 'may_not_publish', { channel: waiting[0]!.channel.name });
    await tx
      .update(postTargets)
      .set({ state: 'draft', updatedAt: new Date() })
      .where(
        and(
          eq(postTargets.orgId, p.orgId),
          inArray(
            postTargets.id,
            waiting.map((t) => t.id),
          ),
          eq(postTargets.state, 'scheduled'),
        ),
      );
    await addEvent(tx, {
      orgId: p.orgId,
      postId: id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'unscheduled',
      detail: { channels: waiting.map((t) => t.channel.name) },
    });
    await recordAudit(tx, actor, {
      action: 'post.unscheduled',
      targetType: 'post',
      targetId: id,
      targetLabel: excerpt(post.baseText),
      summary: { channels: waiting.map((t) => t.channel.name) },
    });
  });
}

/** Moves one channel's scheduled post to another time (the calendar's drag and drop), by the same rules. */
export async function rescheduleTarget(
  ctx: Context,
  p: Principal,
  actor: Actor,
  postId: string,
  targetId: string,
  at: Date,
) {
  const now = new Date();
  if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS)
    throw new DomainError(
      422,
      'schedule_in_past',
      {},
      { fieldErrors: [{ path: 'scheduledAt', message: 'in the past' }] },
    );
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS)
    throw new DomainError(
      422,
      'schedule_too_far',
      {},
      { fieldErrors: [{ path: 'scheduledAt', message: 'too far ahead' }] },
    );
  const when = at < now ? now : at;
  await ctx.db.transaction(async (tx) => {
    const post = await lockPost(tx, p.orgId, postId);
    if (!post) throw notFound('post_not_found');
    const targets = await targetsOf(tx, p.orgId, [postId]);
    const target = targets.find((t) => t.id === targetId);
    if (!target) throw notFound('post_not_found');
    if (target.state !== 'scheduled') throw conflict('target_not_scheduled');
    const channels = await publishableChannels(tx, p);
    if (!channels.get(target.channelId)?.mayPublish)
      throw new DomainError(403, 'may_not_publish', { channel: target.channel.name });
    await assertApproved(tx, p.orgId, post, targets);
    await tx
      .update(postTargets)
      .set({ scheduledAt: when, updatedAt: now })
      .where(
        and(eq(postTargets.orgId, p.orgId), eq(postTargets.id, targetId), eq(postTargets.state, 'scheduled')),
      );
    await addEvent(tx, {
      orgId: p.orgId,
      postId,
      targetId,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'rescheduled',
      detail: {
        channel: target.channel.name,
        from: target.scheduledAt?.toISOString() ?? null,
        to: when.toISOString(),
      },
    });
    await recordAudit(tx, actor, {
      action: 'post.rescheduled',
      targetType: 'post',
      targetId: postId,
      targetLabel: excerpt(post.baseText),
      summary: {
        channel: target.channel.name,
        before: target.scheduledAt?.toISOString() ?? null,
        after: when.toISOString(),
      },
    });
  });
  await enqueueSend(ctx, targetId, when);
}

/**
 * After an interrupted send the network could not tell us whether the post went out; a person looked and
 * decides. "published" records the address they found; "send_again" sends it (with the same key).
 */
export async function resolveTarget(
  ctx: Context,
  p: Principal,
  actor: Actor,
  postId: string,
  targetId: string,
  input: { decision: 'published' | 'send_again'; url?: string },
) {
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const post = await lockPost(tx, p.orgId, postId);
    if (!post) throw notFound('post_not_found');
    const target = (await targetsOf(tx, p.orgId, [postId])).find((t) => t.id === targetId);
    if (!target) throw notFound('post_not_found');
    if (target.state !== 'needs_decision') throw conflict('target_not_undecided');
    const channels = await publishableChannels(tx, p);
    if (!channels.get(target.channelId)?.mayPublish)
      throw new DomainError(403, 'may_not_publish', { channel: target.channel.name });
    await tx
      .update(postTargets)
      .set(
        input.decision === 'published'
          ? {
              state: 'published',
              publishedAt: now,
              remoteUrl: input.url ?? null,
              failureCode: null,
              failureReason: null,
              updatedAt: now,
            }
          : { state: 'scheduled', scheduledAt: now, failureCode: null, failureReason: null, updatedAt: now },
      )
      .where(and(eq(postTargets.orgId, p.orgId), eq(postTargets.id, targetId)));
    await addEvent(tx, {
      orgId: p.orgId,
      postId,
      targetId,
      actorId: p.userId,
      actorLabel: p.name,
      kind: input.decision === 'published' ? 'marked_published' : 'send_again',
      detail: { channel: target.channel.name, ...(input.url ? { url: input.url } : {}) },
    });
    await recordAudit(tx, actor, {
      action: 'post.decided',
      targetType: 'post',
      targetId: postId,
      targetLabel: excerpt(post.baseText),
      summary: {
        channel: target.channel.name,
        decision: input.decision,
        ...(input.url ? { url: input.url } : {}),
      },
    });
  });
  if (input.decision === 'send_again') await enqueueSend(ctx, targetId, now);
}
