import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db/client.ts';
import { departments, memberships, users } from '../../platform/db/schema/identity.ts';
import {
  requestAttachments,
  requestEvents,
  requestMessages,
  requests,
} from '../../platform/db/schema/requests.ts';
import { PERMISSIONS, type Role } from '../identity/roles.ts';

export type RequestRow = typeof requests.$inferSelect;

/** The roles whose people work the desk; assignees must hold one of them. */
export const HANDLER_ROLES: readonly Role[] = PERMISSIONS['requests.handle'].roles;

export async function findRequest(db: Executor, orgId: string, id: string): Promise<RequestRow | undefined> {
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.orgId, orgId), eq(requests.id, id)));
  return row;
}

/** Row lock: two people triaging the same request one after the other, never interleaved. */
export async function lockRequest(tx: Executor, orgId: string, id: string): Promise<RequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(requests)
    .where(and(eq(requests.orgId, orgId), eq(requests.id, id)))
    .for('update');
  return row;
}

export async function addRequestEvent(
  tx: Executor,
  e: {
    orgId: string;
    requestId: string;
    actorId: string | null;
    actorLabel: string;
    kind: string;
    detail?: Record<string, string | null>;
  },
): Promise<void> {
  await tx.insert(requestEvents).values({ ...e, detail: e.detail ?? {} });
}

/** Active members of the organisation who may handle requests (for assignment and notifications). */
export async function handlers(db: Executor, orgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.status, 'active'),
        inArray(memberships.role, [...HANDLER_ROLES]),
      ),
    )
    .orderBy(asc(users.name));
}

export async function userName(db: Executor, id: string): Promise<string | null> {
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return u?.name ?? null;
}

const requester = alias(users, 'requester');
const assignee = alias(users, 'assignee');

export interface ListFilter {
  requesterId?: string;
  assigneeId?: string | 'none';
  statuses?: readonly string[];
  type?: string;
  limit: number;
}

/** Sorted by due date (the earliest first, those without one last), then the newest. */
export async function listRequests(db: Executor, orgId: string, f: ListFilter) {
  const where: SQL[] = [eq(requests.orgId, orgId)];
  if (f.requesterId) where.push(eq(requests.requesterId, f.requesterId));
  if (f.assigneeId === 'none') where.push(isNull(requests.assigneeId));
  else if (f.assigneeId) where.push(eq(requests.assigneeId, f.assigneeId));
  if (f.statuses) where.push(inArray(requests.status, [...f.statuses]));
  if (f.type) where.push(eq(requests.type, f.type));
  return db
    .select({
      r: requests,
      requesterName: requester.name,
      assigneeName: assignee.name,
      departmentName: departments.name,
    })
    .from(requests)
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .leftJoin(assignee, eq(assignee.id, requests.assigneeId))
    .leftJoin(departments, eq(departments.id, requests.departmentId))
    .where(and(...where))
    .orderBy(sql`${requests.dueDate} asc nulls last`, desc(requests.createdAt))
    .limit(f.limit);
}

export async function threadOf(db: Executor, orgId: string, requestId: string, withInternal: boolean) {
  const where: SQL[] = [eq(requestMessages.orgId, orgId), eq(requestMessages.requestId, requestId)];
  if (!withInternal) where.push(eq(requestMessages.internal, false));
  return db
    .select({ m: requestMessages, authorName: users.name })
    .from(requestMessages)
    .innerJoin(users, eq(users.id, requestMessages.authorId))
    .where(and(...where))
    .orderBy(asc(requestMessages.createdAt));
}

export async function attachmentsOf(db: Executor, orgId: string, requestId: string) {
  return db
    .select({
      id: requestAttachments.id,
      filename: requestAttachments.filename,
      mimeType: requestAttachments.mimeType,
      sizeBytes: requestAttachments.sizeBytes,
      createdAt: requestAttachments.createdAt,
    })
    .from(requestAttachments)
    .where(and(eq(requestAttachments.orgId, orgId), eq(requestAttachments.requestId, requestId)))
    .orderBy(asc(requestAttachments.createdAt));
}

export async function historyOf(db: Executor, orgId: string, requestId: string) {
  return db
    .select()
    .from(requestEvents)
    .where(and(eq(requestEvents.orgId, orgId), eq(requestEvents.requestId, requestId)))
    .orderBy(asc(requestEvents.createdAt));
}
