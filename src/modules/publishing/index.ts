// What other modules may use of publishing (DESIGN: a module uses another through its exported use cases).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { posts, postTargets } from '../../platform/db/schema/publishing.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { maySee } from '../channels/channel-access.ts';
import { notify } from '../notifications/notify.ts';
import { addEvent } from './repo.ts';
import { insertPost } from './save-post.ts';

export { sniffImageType } from './media.ts';

/**
 * A draft post made for another module (a request turned into a post), inside the caller's transaction so
 * the draft and the link to it commit together. Channels the person cannot see or that are gone are left
 * out rather than refused: the draft is a starting point the composer completes.
 */
export async function createDraftPost(
  tx: Executor,
  p: Principal,
  actor: Actor,
  input: { baseText: string; departmentId: string | null; channelIds: readonly string[] },
): Promise<{ id: string; channelIds: string[] }> {
  let channelIds: string[] = [];
  if (input.channelIds.length > 0) {
    const rows = await tx
      .select({ id: channels.id, ownership: channels.ownership, ownerUserId: channels.ownerUserId })
      .from(channels)
      .where(
        and(
          eq(channels.orgId, p.orgId),
          inArray(channels.id, [...input.channelIds]),
          isNull(channels.deletedAt),
        ),
      );
    channelIds = rows.filter((c) => maySee(p, c)).map((c) => c.id);
  }
  const post = await insertPost(tx, p, actor, {
    baseText: input.baseText,
    departmentId: input.departmentId,
    targets: channelIds.map((channelId) => ({ channelId })),
  });
  return { id: post.id, channelIds };
}

/**
 * A channel is going away: every post still waiting for it fails, with a reason, and its author is told —
 * nothing queued is silently dropped. Returns the notification mails to send after the commit.
 */
export async function failQueuedTargets(
  tx: Executor,
  actor: Actor,
  input: { channelId: string; channelName: string },
): Promise<{ count: number; mailIds: string[] }> {
  const reason = `The channel ${input.channelName} was removed before the post went out.`;
  const failed = await tx
    .update(postTargets)
    .set({ state: 'failed', failureCode: 'channel_removed', failureReason: reason, updatedAt: new Date() })
    .where(
      and(
        eq(postTargets.orgId, actor.orgId),
        eq(postTargets.channelId, input.channelId),
        inArray(postTargets.state, ['scheduled', 'draft']),
      ),
    )
    .returning({ id: postTargets.id, postId: postTargets.postId, state: postTargets.state });
  const mailIds: string[] = [];
  for (const t of failed) {
    await addEvent(tx, {
      orgId: actor.orgId,
      postId: t.postId,
      targetId: t.id,
      actorId: actor.userId,
      actorLabel: actor.label,
      kind: 'failed',
      detail: { channel: input.channelName, code: 'channel_removed', reason },
    });
  }
  const postIds = [...new Set(failed.map((t) => t.postId))];
  if (postIds.length > 0) {
    const authors = await tx
      .select({ id: posts.id, authorId: posts.authorId })
      .from(posts)
      .where(and(eq(posts.orgId, actor.orgId), inArray(posts.id, postIds)));
    for (const a of authors) {
      mailIds.push(
        ...(await notify(tx, {
          orgId: actor.orgId,
          userIds: [a.authorId],
          kind: 'post.failed',
          params: { channel: input.channelName, reason },
          link: `/publishing/posts/${a.id}`,
          mail: true,
        })),
      );
    }
  }
  return { count: failed.length, mailIds };
}
