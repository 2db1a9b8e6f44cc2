import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { memberships } from '../../platform/db/schema/identity.ts';
import { postComments } from '../../platform/db/schema/publishing.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notify } from '../notifications/notify.ts';
import { findPostRow, mentionableMembers } from './repo.ts';
import { excerpt } from './save-post.ts';
import { findTypedMentions } from './typed-mentions.ts';

/**
 * Internal discussion of a post; colleagues mentioned are told, in the app and by mail. A colleague is
 * mentioned by the picker (`mentionIds`) or by writing `@Name` / `@e-mail-local-part` in the text.
 */
export async function addComment(
  ctx: Context,
  p: Principal,
  actor: Actor,
  postId: string,
  input: { body: string; mentionIds: string[] },
) {
  return ctx.db.transaction(async (tx) => {
    const post = await findPostRow(tx, p.orgId, postId);
    if (!post) throw notFound('post_not_found');
    const picked = [...new Set(input.mentionIds)];
    if (picked.length > 0) {
      const found = await tx
        .select({ id: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, p.orgId), inArray(memberships.userId, picked)));
      if (found.length !== picked.length)
        throw new DomainError(
          422,
          'mention_unknown',
          {},
          { fieldErrors: [{ path: 'mentionIds', message: 'unknown' }] },
        );
    }
    const typed = input.body.includes('@')
      ? findTypedMentions(input.body, await mentionableMembers(tx, p.orgId)).map((m) => m.userId)
      : [];
    const mentionIds = [...new Set([...picked, ...typed])];
    const [row] = await tx
      .insert(postComments)
      .values({ orgId: p.orgId, postId, authorId: p.userId, body: input.body, mentionedUserIds: mentionIds })
      .returning();
    const mailIds = await notify(tx, {
      orgId: p.orgId,
      userIds: mentionIds.filter((id) => id !== p.userId),
      kind: 'post.mentioned',
      params: { actor: p.name, excerpt: excerpt(input.body, 200) },
      link: `/publishing/posts/${postId}`,
      mail: true,
    });
    await recordAudit(tx, actor, {
      action: 'post.commented',
      targetType: 'post',
      targetId: postId,
      targetLabel: excerpt(post.baseText),
      summary: { commentId: row!.id, mentions: mentionIds.length },
    });
    return { comment: row!, mailIds };
  });
}
