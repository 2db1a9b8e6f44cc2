import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { requests } from '../../platform/db/schema/requests.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertDepartmentOf } from '../identity/departments.ts';
import { notify } from '../notifications/notify.ts';
import { todayIn } from './access.ts';
import { addRequestEvent, handlers, type RequestRow } from './repo.ts';
import type { CreateRequestInput } from './schema.ts';

async function assertRefs(tx: Executor, p: Principal, input: CreateRequestInput): Promise<void> {
  if (input.departmentId) await assertDepartmentOf(tx, p.orgId, input.departmentId);
  if (input.type === 'posting' && input.fields.channelIds.length > 0) {
    const ids = [...new Set(input.fields.channelIds)];
    const found = await tx
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.orgId, p.orgId), inArray(channels.id, ids), isNull(channels.deletedAt)));
    if (found.length !== ids.length)
      throw new DomainError(
        422,
        'request_channel_not_found',
        {},
        { fieldErrors: [{ path: 'fields.channelIds', message: 'unknown channel' }] },
      );
  }
}

/** Any colleague files a request; the team hears of it in the app. */
export async function fileRequest(
  ctx: Context,
  p: Principal,
  actor: Actor,
  input: CreateRequestInput,
): Promise<RequestRow> {
  const today = todayIn(p.timeZone);
  if (input.dueDate && input.dueDate < today)
    throw new DomainError(
      422,
      'due_date_past',
      { dueDate: input.dueDate, today },
      { fieldErrors: [{ path: 'dueDate', message: 'in the past' }] },
    );
  return ctx.db.transaction(async (tx) => {
    await assertRefs(tx, p, input);
    const fields =
      input.type === 'posting'
        ? { ...input.fields, channelIds: [...new Set(input.fields.channelIds)] }
        : input.fields;
    const [row] = await tx
      .insert(requests)
      .values({
        orgId: p.orgId,
        type: input.type,
        title: input.title,
        description: input.description,
        fields,
        dueDate: input.dueDate,
        departmentId: input.departmentId === undefined ? p.departmentId : input.departmentId,
        requesterId: p.userId,
      })
      .returning();
    await addRequestEvent(tx, {
      orgId: p.orgId,
      requestId: row!.id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'created',
      detail: { type: input.type },
    });
    const team = (await handlers(tx, p.orgId)).map((h) => h.id).filter((id) => id !== p.userId);
    // In the app only: a mail to the whole team for every request would be noise; the assignee gets one.
    await notify(tx, {
      orgId: p.orgId,
      userIds: team,
      kind: 'request.filed',
      params: { actor: p.name, title: input.title },
      link: `/requests/${row!.id}`,
    });
    await recordAudit(tx, actor, {
      action: 'request.created',
      targetType: 'request',
      targetId: row!.id,
      targetLabel: input.title,
      summary: { after: { type: input.type, dueDate: input.dueDate, departmentId: row!.departmentId } },
    });
    return row!;
  });
}
