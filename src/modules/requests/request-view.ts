import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { departments, users } from '../../platform/db/schema/identity.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { forbidden } from '../../platform/http/problem.ts';
import { isTeam } from './access.ts';
import { attachmentDto } from './attachments.ts';
import {
  attachmentsOf,
  historyOf,
  type ListFilter,
  listRequests,
  type RequestRow,
  threadOf,
} from './repo.ts';
import type { RequestDto } from './schema.ts';

const OPEN = ['new', 'in_progress', 'waiting'] as const;

type Person = { id: string; name: string } | null;
const person = (id: string | null, name: string | null | undefined): Person =>
  id && name ? { id, name } : null;

function summary(
  r: RequestRow,
  names: { requester: string; assignee: string | null; department: string | null },
) {
  return {
    id: r.id,
    type: r.type as RequestDto['type'],
    title: r.title,
    status: r.status as RequestDto['status'],
    priority: r.priority as RequestDto['priority'],
    dueDate: r.dueDate,
    requester: person(r.requesterId, names.requester),
    assignee: person(r.assigneeId, names.assignee),
    department: person(r.departmentId, names.department),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The list: a requester's own requests; the team may also look at what is assigned to them, or all. */
export async function listRequestSummaries(
  db: Executor,
  p: Principal,
  q: {
    scope: 'mine' | 'assigned' | 'all';
    status?: string;
    type?: string;
    assigneeId?: string;
    limit: number;
  },
) {
  if (q.scope !== 'mine' && !isTeam(p)) throw forbidden('requests.handle');
  const filter: ListFilter = { limit: q.limit, type: q.type };
  if (q.scope === 'mine') filter.requesterId = p.userId;
  if (q.scope === 'assigned') filter.assigneeId = p.userId;
  else if (q.assigneeId) filter.assigneeId = q.assigneeId;
  if (q.status) filter.statuses = q.status === 'open' ? OPEN : [q.status];
  const rows = await listRequests(db, p.orgId, filter);
  return rows.map((x) =>
    summary(x.r, { requester: x.requesterName, assignee: x.assigneeName, department: x.departmentName }),
  );
}

const nameOf = async (db: Executor, id: string | null) => {
  if (!id) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return u?.name ?? null;
};

/** One request as its viewer may see it: the requester never gets the team's internal notes. */
export async function buildRequestDto(db: Executor, p: Principal, r: RequestRow): Promise<RequestDto> {
  const team = isTeam(p);
  const [requester, assignee, department, thread, files, history] = await Promise.all([
    nameOf(db, r.requesterId),
    nameOf(db, r.assigneeId),
    r.departmentId
      ? db
          .select({ name: departments.name })
          .from(departments)
          .where(eq(departments.id, r.departmentId))
          .then((d) => d[0]?.name ?? null)
      : Promise.resolve(null),
    threadOf(db, r.orgId, r.id, team),
    attachmentsOf(db, r.orgId, r.id),
    historyOf(db, r.orgId, r.id),
  ]);
  return {
    ...summary(r, { requester: requester ?? '', assignee, department }),
    description: r.description,
    fields: r.fields as Record<string, unknown>,
    declineReason: r.declineReason,
    postId: r.postId,
    listeningSearchId: r.listeningSearchId,
    closedAt: r.closedAt?.toISOString() ?? null,
    messages: thread.map((t) => ({
      id: t.m.id,
      author: person(t.m.authorId, t.authorName),
      body: t.m.body,
      internal: t.m.internal,
      createdAt: t.m.createdAt.toISOString(),
    })),
    attachments: files.map((a) => attachmentDto(r.id, a)),
    history: history.map((h) => ({
      id: h.id,
      actorLabel: h.actorLabel,
      kind: h.kind,
      detail: h.detail,
      createdAt: h.createdAt.toISOString(),
    })),
  };
}
