import { and, count, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { requestAttachments } from '../../platform/db/schema/requests.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sniffImageType } from '../publishing/index.ts';
import { visibleRequest } from './access.ts';
import { addRequestEvent } from './repo.ts';
import { isClosed } from './status-labels.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

/** The type from the file's first bytes (a name or a header can say anything): an image or a PDF. */
export function sniffAttachmentType(data: Uint8Array): string | null {
  const image = sniffImageType(data);
  if (image) return image;
  // "%PDF-"
  if (data[0] === 0x25 && data[1] === 0x50 && data[2] === 0x44 && data[3] === 0x46 && data[4] === 0x2d)
    return 'application/pdf';
  return null;
}

export async function addAttachment(
  ctx: Context,
  p: Principal,
  actor: Actor,
  id: string,
  file: { data: Buffer; filename: string },
) {
  // A name is shown and sent back in a header: no path separators, no control characters.
  const filename =
    [...file.filename]
      .map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c))
      .join('')
      .slice(0, 200) || 'file';
  if (file.data.length > MAX_ATTACHMENT_BYTES)
    throw new DomainError(413, 'attachment_too_large', {
      file: filename,
      maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024,
    });
  const mimeType = sniffAttachmentType(file.data);
  if (!mimeType) throw new DomainError(415, 'attachment_type_unsupported', { file: filename });
  return ctx.db.transaction(async (tx) => {
    const request = await visibleRequest(tx, p, id, { lock: true });
    if (isClosed(request.status)) throw new DomainError(409, 'request_closed');
    const [n] = await tx
      .select({ n: count() })
      .from(requestAttachments)
      .where(and(eq(requestAttachments.orgId, p.orgId), eq(requestAttachments.requestId, id)));
    if ((n?.n ?? 0) >= MAX_ATTACHMENTS)
      throw new DomainError(422, 'too_many_attachments', { max: MAX_ATTACHMENTS });
    const [row] = await tx
      .insert(requestAttachments)
      .values({
        orgId: p.orgId,
        requestId: id,
        uploadedBy: p.userId,
        filename,
        mimeType,
        sizeBytes: file.data.length,
        data: file.data,
      })
      .returning({
        id: requestAttachments.id,
        filename: requestAttachments.filename,
        mimeType: requestAttachments.mimeType,
        sizeBytes: requestAttachments.sizeBytes,
        createdAt: requestAttachments.createdAt,
      });
    await addRequestEvent(tx, {
      orgId: p.orgId,
      requestId: id,
      actorId: p.userId,
      actorLabel: p.name,
      kind: 'attachment',
      detail: { file: filename },
    });
    await recordAudit(tx, actor, {
      action: 'request.attachment_added',
      targetType: 'request',
      targetId: id,
      targetLabel: request.title,
      summary: { file: filename, mimeType, sizeBytes: file.data.length },
    });
    return attachmentDto(id, row!);
  });
}

export const attachmentDto = (
  requestId: string,
  a: { id: string; filename: string; mimeType: string; sizeBytes: number; createdAt: Date },
) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  url: `/api/v1/requests/${requestId}/attachments/${a.id}`,
});

export async function readAttachment(ctx: Context, p: Principal, id: string, attachmentId: string) {
  await visibleRequest(ctx.db, p, id);
  const [row] = await ctx.db
    .select({
      data: requestAttachments.data,
      mimeType: requestAttachments.mimeType,
      filename: requestAttachments.filename,
    })
    .from(requestAttachments)
    .where(
      and(
        eq(requestAttachments.orgId, p.orgId),
        eq(requestAttachments.requestId, id),
        eq(requestAttachments.id, attachmentId),
      ),
    );
  if (!row) throw notFound('attachment_not_found');
  return row;
}
