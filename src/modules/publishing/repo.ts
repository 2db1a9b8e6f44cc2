import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { departments, memberships, users } from '../../platform/db/schema/identity.ts';
import {
  approvalWorkflows,
  campaigns,
  postApprovals,
  postComments,
  postEvents,
  postMedia,
  posts,
  postTargets,
} from '../../platform/db/schema/publishing.ts';
import type { ApprovalRecord, WorkflowRule } from './approval-rules.ts';

export type PostRow = typeof posts.$inferSelect;
export type TargetRow = typeof postTargets.$inferSelect;
export type MediaRow = typeof postMedia.$inferSelect;

export interface TargetWithChannel extends TargetRow {
  channel: {
    id: string;
    name: string;
    network: string;
    handle: string;
    ownership: string;
    ownerUserId: string | null;
    removed: boolean;
  };
}

export async function findPostRow(db: Executor, orgId: string, id: string): Promise<PostRow | null> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.orgId, orgId), eq(posts.id, id)));
  return row ?? null;
}

/** Locks the post row for the rest of the transaction: edits, approvals and scheduling take turns. */
export async function lockPost(tx: Executor, orgId: string, id: string): Promise<PostRow | null> {
  const [row] = await tx
    .select()
    .from(posts)
    .where(and(eq(posts.orgId, orgId), eq(posts.id, id)))
    .for('update');
  return row ?? null;
}

export async function targetsOf(
  db: Executor,
  orgId: string,
  postIds: string[],
): Promise<TargetWithChannel[]> {
  if (postIds.length === 0) return [];
  const rows = await db
    .select({
      t: postTargets,
      c: {
        id: channels.id,
        name: channels.name,
        network: channels.network,
        handle: channels.accountHandle,
        ownership: channels.ownership,
        ownerUserId: channels.ownerUserId,
        deletedAt: channels.deletedAt,
      },
    })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(and(eq(postTargets.orgId, orgId), inArray(postTargets.postId, postIds)))
    .orderBy(asc(channels.name));
  return rows.map(({ t, c }) => ({
    ...t,
    channel: {
      id: c.id,
      name: c.name,
      network: c.network,
      handle: c.handle,
      ownership: c.ownership,
      ownerUserId: c.ownerUserId,
      removed: c.deletedAt !== null,
    },
  }));
}

export async function workflowRules(db: Executor, orgId: string): Promise<WorkflowRule[]> {
  const rows = await db.select().from(approvalWorkflows).where(eq(approvalWorkflows.orgId, orgId));
  return rows.map((w) => ({
    id: w.id,
    name: w.name,
    departmentId: w.departmentId,
    channelId: w.channelId,
    steps: w.steps,
    ordered: w.ordered,
    allowSelfApproval: w.allowSelfApproval,
  }));
}

export async function approvalsOf(db: Executor, orgId: string, postId: string, version?: number) {
  const rows = await db
    .select({ a: postApprovals, name: users.name })
    .from(postApprovals)
    .innerJoin(users, eq(users.id, postApprovals.approverId))
    .where(
      and(
        eq(postApprovals.orgId, orgId),
        eq(postApprovals.postId, postId),
        ...(version !== undefined ? [eq(postApprovals.postVersion, version)] : []),
      ),
    )
    .orderBy(asc(postApprovals.createdAt));
  return rows.map(({ a, name }) => ({ ...a, approverName: name }));
}

export function toApprovalRecords(rows: Awaited<ReturnType<typeof approvalsOf>>): ApprovalRecord[] {
  return rows.map((a) => ({
    approverId: a.approverId,
    approverName: a.approverName,
    approverRole: a.approverRole,
    decision: a.decision === 'changes_requested' ? 'changes_requested' : 'approved',
    at: a.createdAt,
  }));
}

export async function mediaOf(db: Executor, orgId: string, postId: string) {
  return db
    .select({
      id: postMedia.id,
      position: postMedia.position,
      filename: postMedia.filename,
      mimeType: postMedia.mimeType,
      sizeBytes: postMedia.sizeBytes,
      altText: postMedia.altText,
    })
    .from(postMedia)
    .where(and(eq(postMedia.orgId, orgId), eq(postMedia.postId, postId)))
    .orderBy(asc(postMedia.position));
}

export async function mediaWithData(db: Executor, orgId: string, postId: string) {
  return db
    .select()
    .from(postMedia)
    .where(and(eq(postMedia.orgId, orgId), eq(postMedia.postId, postId)))
    .orderBy(asc(postMedia.position));
}

export async function commentsOf(db: Executor, orgId: string, postId: string) {
  return db
    .select({ c: postComments, authorName: users.name })
    .from(postComments)
    .innerJoin(users, eq(users.id, postComments.authorId))
    .where(and(eq(postComments.orgId, orgId), eq(postComments.postId, postId)))
    .orderBy(asc(postComments.createdAt));
}

export async function historyOf(db: Executor, orgId: string, postId: string) {
  return db
    .select()
    .from(postEvents)
    .where(and(eq(postEvents.orgId, orgId), eq(postEvents.postId, postId)))
    .orderBy(desc(postEvents.createdAt))
    .limit(500);
}

export async function namesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Whom a typed @ in a comment can name: the organisation's active members (not the invited nor the
 * deactivated). With `ids`, those members whatever their status now: people mentioned earlier.
 */
export async function mentionableMembers(db: Executor, orgId: string, ids?: string[]) {
  if (ids?.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        ids ? inArray(memberships.userId, ids) : eq(memberships.status, 'active'),
      ),
    );
}

export async function departmentNames(db: Executor, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.orgId, orgId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function campaignNames(db: Executor, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(eq(campaigns.orgId, orgId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Appends to a post's history (inside the caller's transaction). */
export async function addEvent(
  tx: Executor,
  e: {
    orgId: string;
    postId: string;
    targetId?: string | null;
    actorId: string | null;
    actorLabel: string;
    kind: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(postEvents).values({
    orgId: e.orgId,
    postId: e.postId,
    targetId: e.targetId ?? null,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    kind: e.kind,
    detail: e.detail ?? {},
  });
}
