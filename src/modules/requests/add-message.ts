import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { requestMessages, requests } from '../../platform/db/schema/requests.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notify } from '../notifications/notify.ts';
import { excerpt, isTeam, visibleRequest } from './access.ts';
import { addRequestEvent, handlers } from './repo.ts';

/**
 * A message in a request's thread. The team's answers reach the requester (in the app and by mail);
 * internal notes reach nobody outside the team. A requester's reply to a request waiting for them puts
 * it back in progress and tells the assignee (or, with none, the team in the app).
 */
export async function addMessage(
  ctx: Context,
  p: Principal,
  actor: Actor,
  id: string,
  input: { body: string; internal: boolean },
): Promise<{ messageId: string; mailIds: string[] }> {
  const team = isTeam(p);
  if (input.internal && !team) throw new DomainError(403, 'internal_note_forbidden');
  return ctx.db.transaction(async (tx) => {
    const request = await visibleRequest(tx, p, id, { lock: true });
    const [row] = await tx
      .insert(requestMessages)
      .values({
        orgId: p.orgId,
        requestId: id,
        authorId: p.userId,
        body: input.body,
        internal: input.internal,
      })
      .returning({ id: requestMessages.id });
    const mailIds: string[] = [];
    const params = { actor: p.name, title: request.title, excerpt: excerpt(input.body, 200) };
    const link = `/requests/${id}`;
    const fromRequester = request.requesterId === p.userId;
    if (!input.internal && !fromRequester) {
      mailIds.push(
        ...(await notify(tx, {
          orgId: p.orgId,
          userIds: [request.requesterId],
          kind: 'request.answered',
          params,
          link,
          mail: true,
        })),
      );
    }
    if (fromRequester) {
      if (request.status === 'waiting') {
        await tx
          .update(requests)
          .set({ status: 'in_progress', updatedAt: new Date() })
          .where(and(eq(requests.orgId, p.orgId), eq(requests.id, id)));
        await addRequestEvent(tx, {
          orgId: p.orgId,
          requestId: id,
          actorId: p.userId,
          actorLabel: p.name,
          kind: 'status',
          detail: { from: 'waiting', to: 'in_progress', reason: null },
        });
      }
      const assignee = request.assigneeId && request.assigneeId !== p.userId ? request.assigneeId : null;
      const recipients = assignee
        ? [assignee]
        : (await handlers(tx, p.orgId)).map((h) => h.id).filter((u) => u !== p.userId);
      mailIds.push(
        ...(await notify(tx, {
          orgId: p.orgId,
          userIds: recipients,
          kind: 'request.replied',
          params,
          link,
          mail: assignee !== null,
        })),
      );
    } else {
      await tx
        .update(requests)
        .set({ updatedAt: new Date() })
        .where(and(eq(requests.orgId, p.orgId), eq(requests.id, id)));
    }
    await recordAudit(tx, actor, {
      action: input.internal ? 'request.noted' : 'request.commented',
      targetType: 'request',
      targetId: id,
      targetLabel: request.title,
      summary: { messageId: row!.id, internal: input.internal },
    });
    return { messageId: row!.id, mailIds };
  });
}
