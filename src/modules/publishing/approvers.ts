import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { memberships } from '../../platform/db/schema/identity.ts';
import { notify } from '../notifications/notify.ts';
import { progressOf, requiredWorkflows, rolesToAsk } from './approval-rules.ts';
import { approvalsOf, type PostRow, targetsOf, toApprovalRecords, workflowRules } from './repo.ts';
import { excerpt } from './save-post.ts';

/**
 * Tells the people whose approval the post needs now (the open step of each workflow), in the app and by
 * mail. The author is asked only where the workflow lets authors approve their own posts.
 */
export async function askApprovers(
  tx: Executor,
  orgId: string,
  post: PostRow,
  authorName: string,
): Promise<string[]> {
  const targets = await targetsOf(tx, orgId, [post.id]);
  const rules = requiredWorkflows(
    await workflowRules(tx, orgId),
    post.departmentId,
    targets.map((t) => t.channelId),
  );
  const approvals = toApprovalRecords(await approvalsOf(tx, orgId, post.id, post.version));
  const progress = rules.map((w) => progressOf(w, approvals, post.authorId));
  const roles = [...rolesToAsk(progress)];
  if (roles.length === 0) return [];
  const selfAllowed = progress.some((w) => !w.done && w.workflow.allowSelfApproval);
  const already = new Set(approvals.map((a) => a.approverId));
  const people = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.status, 'active'),
        inArray(memberships.role, roles),
        ...(selfAllowed ? [] : [ne(memberships.userId, post.authorId)]),
      ),
    );
  return notify(tx, {
    orgId,
    userIds: people.map((r) => r.userId).filter((id) => !already.has(id)),
    kind: 'post.approval_requested',
    params: { author: authorName, excerpt: excerpt(post.baseText, 140) },
    link: `/publishing/posts/${post.id}`,
    mail: true,
  });
}
