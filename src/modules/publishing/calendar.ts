import { and, desc, eq, gte, inArray, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { posts, postTargets } from '../../platform/db/schema/publishing.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { mayPublishTo, maySee } from '../channels/channel-access.ts';
import { listChannelRows } from '../channels/repo.ts';
import { progressOf, requiredWorkflows } from './approval-rules.ts';
import { statusOf, targetDto } from './post-view.ts';
import {
  approvalsOf,
  campaignNames,
  departmentNames,
  namesOf,
  targetsOf,
  toApprovalRecords,
  workflowRules,
} from './repo.ts';
import { excerpt } from './save-post.ts';

const MAX_RANGE_DAYS = 100;

export interface CalendarFilter {
  from: Date;
  to: Date;
  channelId?: string;
  departmentId?: string;
  campaignId?: string;
  state?: string;
}

/** Scheduled and published posts across channels, one entry per channel, at their time. */
export async function calendar(ctx: Context, p: Principal, f: CalendarFilter) {
  if (f.to <= f.from) throw new DomainError(422, 'range_invalid');
  if (f.to.getTime() - f.from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    throw new DomainError(422, 'range_too_long', { days: MAX_RANGE_DAYS });
  const conditions: SQL[] = [
    eq(postTargets.orgId, p.orgId),
    or(
      and(gte(postTargets.publishedAt, f.from), lt(postTargets.publishedAt, f.to)),
      and(gte(postTargets.scheduledAt, f.from), lt(postTargets.scheduledAt, f.to)),
    )!,
  ];
  if (f.channelId) conditions.push(eq(postTargets.channelId, f.channelId));
  if (f.departmentId) conditions.push(eq(posts.departmentId, f.departmentId));
  if (f.campaignId) conditions.push(eq(posts.campaignId, f.campaignId));
  // A target taken back to draft (unscheduled) keeps its old time for the next scheduling; it is not on
  // the calendar unless drafts are asked for.
  if (f.state) conditions.push(eq(postTargets.state, f.state));
  else conditions.push(notInArray(postTargets.state, ['draft', 'cancelled']));
  const rows = await ctx.db
    .select({ t: postTargets, post: posts, channel: channels })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(and(...conditions))
    .limit(5000);
  const [depts, camps, allChannels] = await Promise.all([
    departmentNames(ctx.db, p.orgId),
    campaignNames(ctx.db, p.orgId),
    listChannelRows(ctx.db, p.orgId),
  ]);
  const publishable = new Set(
    allChannels
      .filter((c) => mayPublishTo(p, { ...c, memberIds: c.members.map((m) => m.id) }))
      .map((c) => c.id),
  );
  return rows
    .filter((r) => maySee(p, r.channel))
    .map(({ t, post, channel }) => ({
      targetId: t.id,
      postId: post.id,
      channel: { id: channel.id, name: channel.name, network: channel.network },
      department: post.departmentId
        ? { id: post.departmentId, name: depts.get(post.departmentId) ?? '' }
        : null,
      campaign: post.campaignId ? { id: post.campaignId, name: camps.get(post.campaignId) ?? '' } : null,
      state: t.state as 'scheduled',
      at: (t.publishedAt ?? t.scheduledAt ?? t.createdAt).toISOString(),
      excerpt: excerpt(t.sentText ?? t.variantText ?? post.baseText, 120),
      movable: t.state === 'scheduled' && publishable.has(channel.id) && p.permissions.has('posts.write'),
    }));
}

export interface ListFilter {
  state?: string;
  mine?: boolean;
  awaitingMyApproval?: boolean;
  limit: number;
}

/** The post lists of the publishing page: drafts, mine, waiting for my approval, scheduled, published, failed. */
export async function listPosts(ctx: Context, p: Principal, f: ListFilter) {
  const conditions: SQL[] = [eq(posts.orgId, p.orgId)];
  if (f.mine) conditions.push(eq(posts.authorId, p.userId));
  if (f.awaitingMyApproval) conditions.push(eq(posts.state, 'in_review'));
  if (f.state && ['draft', 'in_review', 'changes_requested', 'approved'].includes(f.state))
    conditions.push(eq(posts.state, f.state));
  if (f.state && ['scheduled', 'published', 'failed'].includes(f.state)) {
    const states =
      f.state === 'scheduled'
        ? ['scheduled', 'sending']
        : f.state === 'failed'
          ? ['failed', 'needs_decision']
          : ['published'];
    const ids = ctx.db
      .select({ id: postTargets.postId })
      .from(postTargets)
      .where(and(eq(postTargets.orgId, p.orgId), inArray(postTargets.state, states)));
    conditions.push(inArray(posts.id, ids));
  }
  let rows = await ctx.db
    .select()
    .from(posts)
    .where(and(...conditions))
    .orderBy(desc(posts.updatedAt))
    .limit(f.awaitingMyApproval ? 500 : f.limit);
  const allTargets = await targetsOf(
    ctx.db,
    p.orgId,
    rows.map((r) => r.id),
  );
  if (f.awaitingMyApproval) {
    const rules = await workflowRules(ctx.db, p.orgId);
    const keep: typeof rows = [];
    for (const post of rows) {
      if (post.authorId === p.userId && !rules.some((r) => r.allowSelfApproval)) continue;
      const required = requiredWorkflows(
        rules,
        post.departmentId,
        allTargets.filter((t) => t.postId === post.id).map((t) => t.channelId),
      );
      const approvals = toApprovalRecords(await approvalsOf(ctx.db, p.orgId, post.id, post.version));
      const progress = required.map((w) => progressOf(w, approvals, post.authorId));
      const asked = progress.some((w) => !w.done && w.steps.some((s) => !s.done && s.roles.includes(p.role)));
      if (asked && !approvals.some((a) => a.approverId === p.userId)) keep.push(post);
    }
    rows = keep.slice(0, f.limit);
  }
  const visible = new Set(
    (await listChannelRows(ctx.db, p.orgId)).filter((c) => maySee(p, c)).map((c) => c.id),
  );
  const [depts, camps] = await Promise.all([
    departmentNames(ctx.db, p.orgId),
    campaignNames(ctx.db, p.orgId),
  ]);
  const authorNames = await namesOf(ctx.db, [...new Set(rows.map((r) => r.authorId))]);
  return (
    rows
      .map((post) => {
        const targets = allTargets.filter((t) => t.postId === post.id);
        return { post, targets };
      })
      // A post only to someone else's personal channels is theirs: others do not see it in lists.
      .filter(
        ({ post, targets }) =>
          post.authorId === p.userId || targets.length === 0 || targets.some((t) => visible.has(t.channelId)),
      )
      .map(({ post, targets }) => ({
        id: post.id,
        author: { id: post.authorId, name: authorNames.get(post.authorId) ?? '' },
        department: post.departmentId
          ? { id: post.departmentId, name: depts.get(post.departmentId) ?? '' }
          : null,
        campaign: post.campaignId ? { id: post.campaignId, name: camps.get(post.campaignId) ?? '' } : null,
        baseText: post.baseText,
        state: post.state as 'draft',
        status: statusOf(post, targets),
        version: post.version,
        targets: targets.map((t) => targetDto(t, post.baseText)),
        createdAt: post.createdAt.toISOString(),
        updatedAt: post.updatedAt.toISOString(),
      }))
  );
}
