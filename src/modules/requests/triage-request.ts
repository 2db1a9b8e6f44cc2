import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { requests } from '../../platform/db/schema/requests.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notify } from '../notifications/notify.ts';
import { visibleRequest } from './access.ts';
import { addRequestEvent, handlers, type RequestRow } from './repo.ts';
import type { RequestStatus, TriageInput } from './schema.ts';
import { isClosed, NEXT_STATUSES, statusParams } from './status-labels.ts';

/**
 * The team sets priority, assignee and status. Each change is a history entry and one audit entry;
 * the requester is told of a new status, a new assignee of the assignment (in the app and by mail).
 */
export async function triageRequest(
  ctx: Context,
  p: Principal,
  actor: Actor,
  id: string,
  input: TriageInput,
): Promise<{ request: RequestRow; mailIds: string[] }> {
  return ctx.db.transaction(async (tx) => {
    const before = await visibleRequest(tx, p, id, { lock: true });
    const change: Partial<RequestRow> = {};
    const events: { kind: string; detail: Record<string, string | null> }[] = [];
    const mailIds: string[] = [];

    if (input.priority !== undefined && input.priority !== before.priority) {
      change.priority = input.priority;
      events.push({ kind: 'priority', detail: { from: before.priority, to: input.priority } });
    }
    if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
      let assigneeName: string | null = null;
      if (input.assigneeId !== null) {
        const team = await handlers(tx, p.orgId);
        const found = team.find((h) => h.id === input.assigneeId);
        if (!found)
          throw new DomainError(
            422,
            'assignee_not_handler',
            {},
            { fieldErrors: [{ path: 'assigneeId', message: 'not a handler' }] },
          );
        assigneeName = found.name;
      }
      change.assigneeId = input.assigneeId;
      events.push({ kind: 'assigned', detail: { assigneeId: input.assigneeId, assignee: assigneeName } });
      if (input.assigneeId && input.assigneeId !== p.userId)
        mailIds.push(
          ...(await notify(tx, {
            orgId: p.orgId,
            userIds: [input.assigneeId],
            kind: 'request.assigned',
            params: { actor: p.name, title: before.title },
            link: `/requests/${id}`,
            mail: true,
          })),
        );
    }
    if (input.status !== undefined && input.status !== before.status) {
      const from = before.status as RequestStatus;
      if (!NEXT_STATUSES[from].includes(input.status))
        throw new DomainError(409, 'request_status_invalid', { from, to: input.status });
      if (input.status === 'declined' && !input.declineReason)
        throw new DomainError(
          422,
          'decline_reason_required',
          {},
          { fieldErrors: [{ path: 'declineReason', message: 'required' }] },
        );
      change.status = input.status;
      change.declineReason = input.status === 'declined' ? input.declineReason! : null;
      change.closedAt = isClosed(input.status) ? new Date() : null;
      events.push({
        kind: 'status',
        detail: { from, to: input.status, reason: change.declineReason ?? null },
      });
      if (before.requesterId !== p.userId)
        mailIds.push(
          ...(await notify(tx, {
            orgId: p.orgId,
            userIds: [before.requesterId],
            kind: 'request.status_changed',
            params: {
              actor: p.name,
              title: before.title,
              ...statusParams(input.status, change.declineReason),
            },
            link: `/requests/${id}`,
            mail: true,
          })),
        );
    }
    if (events.length === 0) return { request: before, mailIds: [] };

    const [row] = await tx
      .update(requests)
      .set({ ...change, updatedAt: new Date() })
      .where(and(eq(requests.orgId, p.orgId), eq(requests.id, id)))
      .returning();
    for (const e of events)
      await addRequestEvent(tx, {
        orgId: p.orgId,
        requestId: id,
        actorId: p.userId,
        actorLabel: p.name,
        kind: e.kind,
        detail: e.detail,
      });
    await recordAudit(tx, actor, {
      action: 'request.triaged',
      targetType: 'request',
      targetId: id,
      targetLabel: before.title,
      summary: {
        before: { priority: before.priority, assigneeId: before.assigneeId, status: before.status },
        after: { priority: row!.priority, assigneeId: row!.assigneeId, status: row!.status },
        declineReason: row!.declineReason,
      },
    });
    return { request: row!, mailIds };
  });
}
