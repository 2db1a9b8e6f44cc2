import { measureText } from '../../connectors/text-length.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { mayPublishTo } from '../channels/channel-access.ts';
import { listChannelRows } from '../channels/repo.ts';
import { approvalRefusal, progressOf, requiredWorkflows } from './approval-rules.ts';
import {
  approvalsOf,
  campaignNames,
  commentsOf,
  departmentNames,
  historyOf,
  mediaOf,
  mentionableMembers,
  namesOf,
  type PostRow,
  type TargetWithChannel,
  targetsOf,
  toApprovalRecords,
  workflowRules,
} from './repo.ts';
import type { PostDto } from './schema.ts';
import { findTypedMentions } from './typed-mentions.ts';
import { capabilitiesFor, renderIssues, textOf, validatePost } from './validate-post.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const ACTIVE = new Set(['scheduled', 'sending']);

/** One word for lists and the calendar: the workflow state, or what the channels made of the post. */
export function statusOf(post: PostRow, targets: readonly { state: string }[]): string {
  const live = targets.filter((t) => t.state !== 'cancelled');
  if (live.some((t) => t.state === 'failed')) return 'failed';
  if (live.some((t) => t.state === 'needs_decision')) return 'needs_decision';
  if (live.some((t) => ACTIVE.has(t.state))) return 'scheduled';
  if (live.length > 0 && live.every((t) => t.state === 'published')) return 'published';
  return post.state;
}

export function targetDto(t: TargetWithChannel, baseText: string) {
  const text = t.sentText ?? textOf(t, baseText);
  return {
    id: t.id,
    channel: {
      id: t.channel.id,
      name: t.channel.name,
      network: t.channel.network,
      handle: t.channel.handle,
      removed: t.channel.removed,
    },
    variantText: t.variantText,
    text,
    length: measureText(text, capabilitiesFor(t.channel.network)),
    state: t.state as PostDto['targets'][number]['state'],
    scheduledAt: iso(t.scheduledAt),
    attempts: t.attempts,
    publishedAt: iso(t.publishedAt),
    remoteUrl: t.remoteUrl,
    failure: t.failureCode ? { code: t.failureCode, reason: t.failureReason ?? '' } : null,
    metrics: t.metricsAt
      ? {
          likes: t.likes,
          reposts: t.reposts,
          replies: t.replies,
          impressions: t.impressions,
          at: t.metricsAt.toISOString(),
        }
      : null,
  };
}

/** May this person change the post: its author, the channel leads, or the team of one of its channels. */
export function mayEdit(p: Principal, post: PostRow, publishable: boolean): boolean {
  if (!p.permissions.has('posts.write')) return false;
  return post.authorId === p.userId || publishable;
}

export async function buildPostDto(db: Executor, p: Principal, post: PostRow): Promise<PostDto> {
  const [targets, media, approvalRows, comments, history, channels, depts, camps, rules] = await Promise.all([
    targetsOf(db, p.orgId, [post.id]),
    mediaOf(db, p.orgId, post.id),
    approvalsOf(db, p.orgId, post.id),
    commentsOf(db, p.orgId, post.id),
    historyOf(db, p.orgId, post.id),
    listChannelRows(db, p.orgId),
    departmentNames(db, p.orgId),
    campaignNames(db, p.orgId),
    workflowRules(db, p.orgId),
  ]);
  const mentionIds = [...new Set(comments.flatMap((c) => c.c.mentionedUserIds))];
  const [names, mentioned] = await Promise.all([
    namesOf(db, [post.authorId, ...mentionIds]),
    mentionableMembers(db, p.orgId, mentionIds),
  ]);
  const publishableIds = new Set(
    channels.filter((c) => mayPublishTo(p, { ...c, memberIds: c.members.map((m) => m.id) })).map((c) => c.id),
  );
  const currentApprovals = toApprovalRecords(approvalRows.filter((a) => a.postVersion === post.version));
  const required = requiredWorkflows(
    rules,
    post.departmentId,
    targets.map((t) => t.channelId),
  );
  const progress = required.map((w) => progressOf(w, currentApprovals, post.authorId));
  const satisfied = progress.every((w) => w.done);
  const refusal = approvalRefusal(progress, currentApprovals, { id: p.userId, role: p.role }, post.authorId);
  const sending = targets.some((t) => t.state === 'sending');
  const pending = targets.filter((t) => ['draft', 'failed'].includes(t.state));
  const canPublishAll = pending.length > 0 && pending.every((t) => publishableIds.has(t.channelId));
  const edit =
    mayEdit(
      p,
      post,
      targets.some((t) => publishableIds.has(t.channelId)),
    ) && !sending;
  const issues = validatePost(post.baseText, targets, media);
  return {
    id: post.id,
    author: { id: post.authorId, name: names.get(post.authorId) ?? '' },
    department: post.departmentId
      ? { id: post.departmentId, name: depts.get(post.departmentId) ?? '' }
      : null,
    campaign: post.campaignId ? { id: post.campaignId, name: camps.get(post.campaignId) ?? '' } : null,
    baseText: post.baseText,
    state: post.state as PostDto['state'],
    status: statusOf(post, targets),
    version: post.version,
    approvedVersion: post.approvedVersion,
    targets: targets.map((t) => targetDto(t, post.baseText)),
    media: media.map((m) => ({
      id: m.id,
      filename: m.filename,
      mimeType: m.mimeType,
      sizeBytes: m.sizeBytes,
      altText: m.altText,
      url: `/api/v1/posts/${post.id}/media/${m.id}`,
    })),
    workflow: {
      required: required.length > 0,
      satisfied,
      workflows: progress.map((w) => ({
        id: w.workflow.id,
        name: w.workflow.name,
        ordered: w.workflow.ordered,
        allowSelfApproval: w.workflow.allowSelfApproval,
        steps: w.steps,
      })),
      mayApprove: p.permissions.has('posts.approve') && post.state === 'in_review' && refusal === null,
      mayNotApproveBecause:
        p.permissions.has('posts.approve') && refusal !== null && refusal !== 'not_an_approver'
          ? refusal
          : null,
    },
    issues: renderIssues(issues, p.locale),
    comments: comments.map(({ c, authorName }) => ({
      id: c.id,
      author: { id: c.authorId, name: authorName },
      body: c.body,
      mentions: c.mentionedUserIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      // Where the text names them, for the web to highlight; only people this comment mentions.
      mentionRanges: findTypedMentions(
        c.body,
        mentioned.filter((m) => c.mentionedUserIds.includes(m.id)),
      ).map(({ start, end }) => ({ start, end })),
      createdAt: c.createdAt.toISOString(),
    })),
    approvals: approvalRows.map((a) => ({
      id: a.id,
      version: a.postVersion,
      approver: { id: a.approverId, name: a.approverName, role: a.approverRole },
      decision: a.decision === 'changes_requested' ? 'changes_requested' : 'approved',
      comment: a.comment,
      createdAt: a.createdAt.toISOString(),
    })),
    history: history.map((h) => ({
      id: h.id,
      kind: h.kind,
      actor: h.actorLabel,
      targetId: h.targetId,
      detail: h.detail,
      createdAt: h.createdAt.toISOString(),
    })),
    can: {
      edit,
      submit:
        edit && required.length > 0 && !satisfied && ['draft', 'changes_requested'].includes(post.state),
      schedule: canPublishAll && satisfied && issues.length === 0 && !sending,
      unschedule: targets.some((t) => t.state === 'scheduled') && (edit || canPublishAll),
      delete: edit && !targets.some((t) => ['sending', 'published'].includes(t.state)),
    },
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
  };
}
