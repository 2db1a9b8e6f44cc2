import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { postApprovals, posts } from '../../platform/db/schema/publishing.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { conflict, DomainError, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notify } from '../notifications/notify.ts';
import { approvalRefusal, progressOf, requiredWorkflows, rolesToAsk } from './approval-rules.ts';
import { askApprovers } from './approvers.ts';
import {
  addEvent,
  approvalsOf,
  lockPost,
  mediaOf,
  targetsOf,
  toApprovalRecords,
  workflowRules,
} from './repo.ts';
import { editablePost, excerpt } from './save-post.ts';
import { renderIssues, validatePost } from './validate-post.ts';

/** Sends a draft to the people who must approve it. Only a post that could go out as it is may be sent. */
export async function submitPost(ctx: Context, p: Principal, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const post = await editablePost(tx, p, id);
    if (!['draft', 'changes_requested'].includes(post.state)) throw conflict('post_not_draft');
    const targets = await targetsOf(tx, p.orgId, [id]);
    const issues = validatePost(post.baseText, targets, await mediaOf(tx, p.orgId, id));
    if (issues.length > 0)
      throw new DomainError(
        422,
        'post_has_issues',
        { count: issues.length },
        { extensions: { issues: renderIssues(issues, p.locale) } },
      );
    const rules = requiredWorkflows(
      await workflowRules(tx, p.orgId),
      post.departmentId,
      targets.map((t) => t.channelId),
    );
    if (rules.length === 0) throw conflict('no_approval_needed');
    const [row] = await tx
      .update(posts)
      .set({ state: 'in_review', updatedAt: new Date() })
      .where(and(eq(posts.orgId, p.orgId), eq(posts.id, id)))
      .returning();
    await addEvent(tx, {
      orgId: p.orgId,
      postId: id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'submitted',
      detail: { version: post.version },
    });
    const mailIds = await askApprovers(tx, p.orgId, row!, p.name);
    await recordAudit(tx, actor, {
      action: 'post.submitted',
      targetType: 'post',
      targetId: id,
      targetLabel: excerpt(post.baseText),
      summary: { version: post.version, workflows: rules.map((w) => w.name), asked: mailIds.length },
    });
    return { post: row!, mailIds };
  });
}

async function reviewable(
  ctx: Context,
  tx: Parameters<Parameters<Context['db']['transaction']>[0]>[0],
  p: Principal,
  id: string,
  version?: number,
) {
  const post = await lockPost(tx, p.orgId, id);
  if (!post) throw notFound('post_not_found');
  if (post.state !== 'in_review') throw conflict('post_not_in_review');
  if (version !== undefined && version !== post.version)
    throw new DomainError(409, 'post_changed', { version: post.version });
  const targets = await targetsOf(tx, p.orgId, [id]);
  const rules = requiredWorkflows(
    await workflowRules(tx, p.orgId),
    post.departmentId,
    targets.map((t) => t.channelId),
  );
  const approvals = toApprovalRecords(await approvalsOf(tx, p.orgId, id, post.version));
  const progress = rules.map((w) => progressOf(w, approvals, post.authorId));
  const refusal = approvalRefusal(progress, approvals, { id: p.userId, role: p.role }, post.authorId);
  return { post, rules, approvals, progress, refusal, ctx };
}

export async function approvePost(
  ctx: Context,
  p: Principal,
  actor: Actor,
  id: string,
  input: { comment: string; version?: number },
) {
  return ctx.db.transaction(async (tx) => {
    const { post, rules, approvals, progress, refusal } = await reviewable(ctx, tx, p, id, input.version);
    if (refusal === 'self_approval_forbidden') throw new DomainError(403, 'self_approval_forbidden');
    if (refusal === 'not_an_approver') throw new DomainError(403, 'not_an_approver');
    if (refusal === 'already_approved') throw conflict('already_approved');
    if (refusal === 'nothing_to_approve') throw conflict('post_not_in_review');
    await tx.insert(postApprovals).values({
      orgId: p.orgId,
      postId: id,
      postVersion: post.version,
      approverId: p.userId,
      approverRole: p.role,
      decision: 'approved',
      comment: input.comment,
    });
    const after = [
      ...approvals,
      {
        approverId: p.userId,
        approverName: p.name,
        approverRole: p.role,
        decision: 'approved' as const,
        at: new Date(),
      },
    ];
    const progressAfter = rules.map((w) => progressOf(w, after, post.authorId));
    const done = progressAfter.every((w) => w.done);
    const [row] = await tx
      .update(posts)
      .set(
        done
          ? { state: 'approved', approvedVersion: post.version, updatedAt: new Date() }
          : { updatedAt: new Date() },
      )
      .where(and(eq(posts.orgId, p.orgId), eq(posts.id, id)))
      .returning();
    await addEvent(tx, {
      orgId: p.orgId,
      postId: id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: done ? 'approved' : 'approval_given',
      detail: { version: post.version, comment: input.comment },
    });
    let mailIds: string[] = [];
    if (done) {
      mailIds = await notify(tx, {
        orgId: p.orgId,
        userIds: [post.authorId],
        kind: 'post.approved',
        params: { actor: p.name, excerpt: excerpt(post.baseText, 140) },
        link: `/publishing/posts/${id}`,
        mail: true,
      });
    } else if ([...rolesToAsk(progressAfter)].join() !== [...rolesToAsk(progress)].join()) {
      // A step of an ordered workflow completed: now the next step's people are asked.
      mailIds = await askApprovers(tx, p.orgId, row!, p.name);
    }
    await recordAudit(tx, actor, {
      action: 'post.approved',
      targetType: 'post',
      targetId: id,
      targetLabel: excerpt(post.baseText),
      summary: { version: post.version, complete: done, comment: input.comment },
    });
    return { post: row!, mailIds };
  });
}

export async function requestChanges(
  ctx: Context,
  p: Principal,
  actor: Actor,
  id: string,
  input: { comment: string; version?: number },
) {
  return ctx.db.transaction(async (tx) => {
    const { post, refusal } = await reviewable(ctx, tx, p, id, input.version);
    if (refusal === 'not_an_approver') throw new DomainError(403, 'not_an_approver');
    if (refusal === 'self_approval_forbidden') throw new DomainError(403, 'self_approval_forbidden');
    await tx.insert(postApprovals).values({
      orgId: p.orgId,
      postId: id,
      postVersion: post.version,
      approverId: p.userId,
      approverRole: p.role,
      decision: 'changes_requested',
      comment: input.comment,
    });
    const [row] = await tx
      .update(posts)
      .set({ state: 'changes_requested', updatedAt: new Date() })
      .where(and(eq(posts.orgId, p.orgId), eq(posts.id, id)))
      .returning();
    await addEvent(tx, {
      orgId: p.orgId,
      postId: id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'changes_requested',
      detail: { version: post.version, comment: input.comment },
    });
    const mailIds = await notify(tx, {
      orgId: p.orgId,
      userIds: [post.authorId],
      kind: 'post.changes_requested',
      params: { actor: p.name, comment: input.comment.slice(0, 500), excerpt: excerpt(post.baseText, 140) },
      link: `/publishing/posts/${id}`,
      mail: true,
    });
    await recordAudit(tx, actor, {
      action: 'post.changes_requested',
      targetType: 'post',
      targetId: id,
      targetLabel: excerpt(post.baseText),
      summary: { version: post.version, comment: input.comment },
    });
    return { post: row!, mailIds };
  });
}
