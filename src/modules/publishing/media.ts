import { and, eq, max } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { postMedia } from '../../platform/db/schema/publishing.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { addEvent } from './repo.ts';
import { bumpVersion, editablePost, excerpt } from './save-post.ts';

/** The largest image any supported network takes; each network's own limit is checked per channel. */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;
export const MAX_MEDIA_PER_POST = 4;

/** The type from the file's first bytes: a name or a header can say anything. */
export function sniffImageType(data: Uint8Array): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    data[8] === 0x57 &&
    data[9] === 0x45 &&
    data[10] === 0x42 &&
    data[11] === 0x50
  )
    return 'image/webp';
  return null;
}

export async function addMedia(
  ctx: Context,
  p: Principal,
  actor: Actor,
  postId: string,
  file: { data: Buffer; filename: string; altText: string },
) {
  const mimeType = sniffImageType(file.data);
  if (!mimeType) throw new DomainError(415, 'media_type_unsupported', { file: file.filename });
  if (file.data.length > MAX_MEDIA_BYTES)
    throw new DomainError(413, 'media_too_large', {
      file: file.filename,
      maxMb: MAX_MEDIA_BYTES / 1024 / 1024,
    });
  const altText = file.altText.trim();
  if (altText === '')
    throw new DomainError(
      422,
      'alt_text_required',
      {},
      { fieldErrors: [{ path: 'altText', message: 'required' }] },
    );
  const { row, mailIds } = await ctx.db.transaction(async (tx) => {
    const post = await editablePost(tx, p, postId);
    const [last] = await tx
      .select({ n: max(postMedia.position) })
      .from(postMedia)
      .where(and(eq(postMedia.orgId, p.orgId), eq(postMedia.postId, postId)));
    const position = (last?.n ?? -1) + 1;
    if (position >= MAX_MEDIA_PER_POST)
      throw new DomainError(422, 'too_many_media', { max: MAX_MEDIA_PER_POST });
    const [row] = await tx
      .insert(postMedia)
      .values({
        orgId: p.orgId,
        postId,
        position,
        filename: file.filename.slice(0, 200),
        mimeType,
        sizeBytes: file.data.length,
        altText: altText.slice(0, 5000),
        data: file.data,
      })
      .returning({
        id: postMedia.id,
        filename: postMedia.filename,
        mimeType: postMedia.mimeType,
        sizeBytes: postMedia.sizeBytes,
        altText: postMedia.altText,
      });
    const { mailIds } = await bumpVersion(tx, p, post, {});
    await addEvent(tx, {
      orgId: p.orgId,
      postId,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'media_added',
      detail: { file: row!.filename },
    });
    await recordAudit(tx, actor, {
      action: 'post.media_added',
      targetType: 'post',
      targetId: postId,
      targetLabel: excerpt(post.baseText),
      summary: { file: row!.filename, mimeType, sizeBytes: file.data.length, altText },
    });
    return { row: row!, mailIds };
  });
  return { media: { ...row, url: `/api/v1/posts/${postId}/media/${row.id}` }, mailIds };
}

export async function updateMedia(
  ctx: Context,
  p: Principal,
  actor: Actor,
  postId: string,
  mediaId: string,
  altText: string,
) {
  return ctx.db.transaction(async (tx) => {
    const post = await editablePost(tx, p, postId);
    const [row] = await tx
      .update(postMedia)
      .set({ altText })
      .where(and(eq(postMedia.orgId, p.orgId), eq(postMedia.postId, postId), eq(postMedia.id, mediaId)))
      .returning({
        id: postMedia.id,
        filename: postMedia.filename,
        mimeType: postMedia.mimeType,
        sizeBytes: postMedia.sizeBytes,
        altText: postMedia.altText,
      });
    if (!row) throw notFound('media_not_found');
    const { mailIds } = await bumpVersion(tx, p, post, {});
    await recordAudit(tx, actor, {
      action: 'post.media_updated',
      targetType: 'post',
      targetId: postId,
      targetLabel: excerpt(post.baseText),
      summary: { file: row.filename, altText },
    });
    return { media: { ...row, url: `/api/v1/posts/${postId}/media/${row.id}` }, mailIds };
  });
}

export async function removeMedia(ctx: Context, p: Principal, actor: Actor, postId: string, mediaId: string) {
  return ctx.db.transaction(async (tx) => {
    const post = await editablePost(tx, p, postId);
    const [row] = await tx
      .delete(postMedia)
      .where(and(eq(postMedia.orgId, p.orgId), eq(postMedia.postId, postId), eq(postMedia.id, mediaId)))
      .returning({ filename: postMedia.filename });
    if (!row) throw notFound('media_not_found');
    const { mailIds } = await bumpVersion(tx, p, post, {});
    await recordAudit(tx, actor, {
      action: 'post.media_removed',
      targetType: 'post',
      targetId: postId,
      targetLabel: excerpt(post.baseText),
      summary: { file: row.filename },
    });
    return { mailIds };
  });
}

export async function readMedia(ctx: Context, orgId: string, postId: string, mediaId: string) {
  const [row] = await ctx.db
    .select({ data: postMedia.data, mimeType: postMedia.mimeType })
    .from(postMedia)
    .where(and(eq(postMedia.orgId, orgId), eq(postMedia.postId, postId), eq(postMedia.id, mediaId)));
  if (!row) throw notFound('media_not_found');
  return row;
}
