import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { campaigns, posts, postTargets } from '../../platform/db/schema/publishing.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { mayPublishTo, maySee } from '../channels/channel-access.ts';
import { listChannelRows } from '../channels/repo.ts';
import { assertDepartmentOf } from '../identity/departments.ts';
import { requiredWorkflows } from './approval-rules.ts';
import { askApprovers } from './approvers.ts';
import { mayEdit } from './post-view.ts';
import { addEvent, lockPost, type PostRow, targetsOf, workflowRules } from './repo.ts';

export interface PostInput {
  baseText?: string;
  departmentId?: string | null;
  campaignId?: string | null;
  targets?: { channelId: string; variantText?: string | null }[];
  version?: number;
}

export const newIdempotencyKey = () => `chorus-${randomUUID()}`;

async function assertRefs(tx: Executor, p: Principal, input: PostInput): Promise<void> {
  if (input.departmentId) await assertDepartmentOf(tx, p.orgId, input.departmentId);
  if (input.campaignId) {
    const [c] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, p.orgId), eq(campaigns.id, input.campaignId)));
    if (!c)
      throw new DomainError(
        422,
        'campaign_not_found',
        {},
        { fieldErrors: [{ path: 'campaignId', message: 'unknown' }] },
      );
  }
  if (input.targets && input.targets.length > 0) {
    const ids = input.targets.map((t) => t.channelId);
    if (new Set(ids).size !== ids.length) throw new DomainError(422, 'channel_twice');
    const rows = await tx
      .select()
      .from(channels)
      .where(and(eq(channels.orgId, p.orgId), inArray(channels.id, ids), isNull(channels.deletedAt)));
    const visible = new Set(rows.filter((c) => maySee(p, c)).map((c) => c.id));
    const missing = ids.filter((id) => !visible.has(id));
    if (missing.length > 0)
      throw new DomainError(
        422,
        'channel_not_found',
        {},
        {
          fieldErrors: missing.map(() => ({ path: 'targets', message: 'unknown channel' })),
        },
      );
  }
}

export async function createPost(
  ctx: Context,
  p: Principal,
  actor: Actor,
  input: PostInput,
): Promise<PostRow> {
  return ctx.db.transaction((tx) => insertPost(tx, p, actor, input));
}

/** A new draft inside the caller's transaction (another module's change and the post commit together). */
export async function insertPost(
  tx: Executor,
  p: Principal,
  actor: Actor,
  input: PostInput,
): Promise<PostRow> {
  await assertRefs(tx, p, input);
  const [post] = await tx
    .insert(posts)
    .values({
      orgId: p.orgId,
      authorId: p.userId,
      departmentId: input.departmentId === undefined ? p.departmentId : input.departmentId,
      campaignId: input.campaignId ?? null,
      baseText: input.baseText ?? '',
    })
    .returning();
  for (const t of input.targets ?? []) {
    await tx.insert(postTargets).values({
      orgId: p.orgId,
      postId: post!.id,
      channelId: t.channelId,
      variantText: t.variantText ?? null,
      idempotencyKey: newIdempotencyKey(),
    });
  }
  await addEvent(tx, {
    orgId: p.orgId,
    postId: post!.id,
    actorId: p.userId,
    actorLabel: p.name,
    kind: 'created',
  });
  await recordAudit(tx, actor, {
    action: 'post.created',
    targetType: 'post',
    targetId: post!.id,
    targetLabel: excerpt(post!.baseText),
    summary: {
      after: { channels: (input.targets ?? []).map((t) => t.channelId), departmentId: post!.departmentId },
    },
  });
  return post!;
}

export const excerpt = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Loads and locks a post the person may change; nothing may change while a channel is being sent to. */
export async function editablePost(tx: Executor, p: Principal, id: string): Promise<PostRow> {
  const post = await lockPost(tx, p.orgId, id);
  if (!post) throw notFound('post_not_found');
  const targets = await targetsOf(tx, p.orgId, [id]);
  const all = await listChannelRows(tx, p.orgId);
  const publishable = all.some(
    (c) =>
      targets.some((t) => t.channelId === c.id) &&
      mayPublishTo(p, { ...c, memberIds: c.members.map((m) => m.id) }),
  );
  if (!mayEdit(p, post, publishable)) throw forbidden('posts.write');
  if (targets.some((t) => t.state === 'sending')) throw conflict('post_sending');
  return post;
}

/**
 * A new version of what would be published. Approvals belong to a version, so an edit after approval
 * sends the post back for approval, and channels already scheduled wait again (keeping their time).
 */
export async function bumpVersion(
  tx: Executor,
  p: Principal,
  post: PostRow,
  change: Partial<PostRow>,
): Promise<{ post: PostRow; mailIds: string[] }> {
  const targets = await targetsOf(tx, p.orgId, [post.id]);
  const required = requiredWorkflows(
    await workflowRules(tx, p.orgId),
    change.departmentId ?? post.departmentId,
    targets.map((t) => t.channelId),
  );
  const wasApproved = post.state === 'approved' || post.state === 'in_review';
  const state = !wasApproved ? post.state : required.length > 0 ? 'in_review' : 'draft';
  const [row] = await tx
    .update(posts)
    .set({ ...change, version: post.version + 1, state, updatedAt: new Date() })
    .where(and(eq(posts.orgId, p.orgId), eq(posts.id, post.id)))
    .returning();
  let mailIds: string[] = [];
  const waiting = targets.filter((t) => t.state === 'scheduled');
  if (waiting.length > 0) {
    await tx
      .update(postTargets)
      .set({ state: 'draft', updatedAt: new Date() })
      .where(
        and(
          eq(postTargets.orgId, p.orgId),
          inArray(
            postTargets.id,
            waiting.map((t) => t.id),
          ),
        ),
      );
    await addEvent(tx, {
      orgId: p.orgId,
      postId: post.id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'unscheduled',
      detail: { reason: 'edited', channels: waiting.map((t) => t.channel.name) },
    });
  }
  if (post.state === 'approved' && state === 'in_review') {
    await addEvent(tx, {
      orgId: p.orgId,
      postId: post.id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'back_to_review',
    });
    mailIds = await askApprovers(tx, p.orgId, row!, p.name);
  }
  return { post: row!, mailIds };
}

export async function updatePost(ctx: Context, p: Principal, actor: Actor, id: string, input: PostInput) {
  return ctx.db.transaction(async (tx) => {
    const post = await editablePost(tx, p, id);
    if (input.version !== undefined && input.version !== post.version)
      throw new DomainError(409, 'post_changed', { version: post.version });
    await assertRefs(tx, p, input);
    const changed: string[] = [];
    const change: Partial<PostRow> = {};
    if (input.baseText !== undefined && input.baseText !== post.baseText) {
      change.baseText = input.baseText;
      changed.push('baseText');
    }
    if (input.departmentId !== undefined && input.departmentId !== post.departmentId) {
      change.departmentId = input.departmentId;
      changed.push('departmentId');
    }
    if (input.campaignId !== undefined && input.campaignId !== post.campaignId) {
      change.campaignId = input.campaignId;
      changed.push('campaignId');
    }
    if (input.targets) {
      const existing = await targetsOf(tx, p.orgId, [id]);
      const wanted = new Map(input.targets.map((t) => [t.channelId, t.variantText ?? null]));
      for (const t of existing) {
        if (!wanted.has(t.channelId)) {
          if (['published', 'needs_decision'].includes(t.state))
            throw new DomainError(409, 'target_published', { channel: t.channel.name });
          await tx.delete(postTargets).where(and(eq(postTargets.orgId, p.orgId), eq(postTargets.id, t.id)));
          changed.push(`-${t.channel.name}`);
        } else if (wanted.get(t.channelId) !== t.variantText) {
          if (t.state === 'published')
            throw new DomainError(409, 'target_published', { channel: t.channel.name });
          await tx
            .update(postTargets)
            .set({ variantText: wanted.get(t.channelId) ?? null, updatedAt: new Date() })
            .where(and(eq(postTargets.orgId, p.orgId), eq(postTargets.id, t.id)));
          changed.push(`variant:${t.channel.name}`);
        }
      }
      const have = new Set(existing.map((t) => t.channelId));
      for (const [channelId, variantText] of wanted) {
        if (have.has(channelId)) continue;
        await tx.insert(postTargets).values({
          orgId: p.orgId,
          postId: id,
          channelId,
          variantText,
          idempotencyKey: newIdempotencyKey(),
        });
        changed.push(`+${channelId}`);
      }
    }
    if (changed.length === 0) return { post, mailIds: [] as string[] };
    // The campaign changes neither what is published nor who must approve it: no new version for it.
    const contentChanged = changed.some((c) => c !== 'campaignId');
    const result = contentChanged
      ? await bumpVersion(tx, p, post, change)
      : {
          post: (
            await tx
              .update(posts)
              .set({ ...change, updatedAt: new Date() })
              .where(and(eq(posts.orgId, p.orgId), eq(posts.id, id)))
              .returning()
          )[0]!,
          mailIds: [] as string[],
        };
    await addEvent(tx, {
      orgId: p.orgId,
      postId: id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'edited',
      detail: { changed },
    });
    await recordAudit(tx, actor, {
      action: 'post.updated',
      targetType: 'post',
      targetId: id,
      targetLabel: excerpt(result.post.baseText),
      summary: { changed, version: result.post.version },
    });
    return result;
  });
}

export async function deletePost(ctx: Context, p: Principal, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const post = await editablePost(tx, p, id);
    const targets = await targetsOf(tx, p.orgId, [id]);
    if (targets.some((t) => ['published', 'needs_decision'].includes(t.state)))
      throw conflict('post_published');
    await tx.delete(posts).where(and(eq(posts.orgId, p.orgId), eq(posts.id, id)));
    await recordAudit(tx, actor, {
      action: 'post.deleted',
      targetType: 'post',
      targetId: id,
      targetLabel: excerpt(post.baseText),
      summary: { before: { baseText: post.baseText, channels: targets.map((t) => t.channel.name) } },
    });
  });
}
