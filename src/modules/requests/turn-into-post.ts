import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { RequestFields } from '../../platform/db/schema/requests.ts';
import { requests } from '../../platform/db/schema/requests.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError, forbidden } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notify } from '../notifications/notify.ts';
import { createDraftPost } from '../publishing/index.ts';
import { visibleRequest } from './access.ts';
import { addRequestEvent } from './repo.ts';
import { isClosed } from './status-labels.ts';

type PostingFields = Extract<RequestFields, { content: string }>;

/** The draft's text: what should be posted, and the link the requester gave. */
export function draftText(f: PostingFields): string {
  return f.link ? `${f.content.trim()}\n\n${f.link}` : f.content.trim();
}

/**
 * A posting request becomes a draft post in publishing, linked both ways (the request keeps the post's id),
 * in one transaction: there is never a draft without its link, nor two drafts for one request.
 * A new request moves to "in progress"; the requester is told.
 */
export async function turnIntoPost(
  ctx: Context,
  p: Principal,
  actor: Actor,
  id: string,
): Promise<{ postId: string; mailIds: string[] }> {
  if (!p.permissions.has('posts.write')) throw forbidden('posts.write');
  return ctx.db.transaction(async (tx) => {
    const request = await visibleRequest(tx, p, id, { lock: true });
    if (request.type !== 'posting') throw new DomainError(422, 'request_not_posting');
    if (request.postId) throw new DomainError(409, 'request_already_posted');
    if (isClosed(request.status)) throw new DomainError(409, 'request_closed');
    const fields = request.fields as PostingFields;
    const post = await createDraftPost(tx, p, actor, {
      baseText: draftText(fields),
      departmentId: request.departmentId,
      channelIds: fields.channelIds,
    });
    const status = request.status === 'new' ? 'in_progress' : request.status;
    await tx
      .update(requests)
      .set({ postId: post.id, status, updatedAt: new Date() })
      .where(and(eq(requests.orgId, p.orgId), eq(requests.id, id)));
    await addRequestEvent(tx, {
      orgId: p.orgId,
      requestId: id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'post_created',
      detail: { postId: post.id },
    });
    if (status !== request.status)
      await addRequestEvent(tx, {
        orgId: p.orgId,
        requestId: id,
        actorId: p.userId,
        actorLabel: p.name,
        kind: 'status',
        detail: { from: request.status, to: status, reason: null },
      });
    const mailIds =
      request.requesterId === p.userId
        ? []
        : await notify(tx, {
            orgId: p.orgId,
            userIds: [request.requesterId],
            kind: 'request.posted',
            params: { actor: p.name, title: request.title },
            link: `/requests/${id}`,
            mail: true,
          });
    await recordAudit(tx, actor, {
      action: 'request.turned_into_post',
      targetType: 'request',
      targetId: id,
      targetLabel: request.title,
      summary: {
        postId: post.id,
        channels: post.channelIds,
        status: { before: request.status, after: status },
      },
    });
    return { postId: post.id, mailIds };
  });
}
