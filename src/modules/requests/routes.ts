import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { queueNotificationMail } from '../notifications/notify.ts';
import { visibleRequest } from './access.ts';
import { addMessage } from './add-message.ts';
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from './attachments.ts';
import { fileRequest } from './file-request.ts';
import { handlers } from './repo.ts';
import { buildRequestDto, listRequestSummaries } from './request-view.ts';
import * as s from './schema.ts';
import { triageRequest } from './triage-request.ts';
import { turnIntoPost } from './turn-into-post.ts';

const tags = ['requests'];
const idParams = z.strictObject({ id: z.uuid() });
const attachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
const maxMb = MAX_ATTACHMENT_BYTES / 1024 / 1024;

export function registerRequestRoutes(app: App, ctx: Context): void {
  app.get(
    '/requests',
    {
      config: { permission: 'requests.file' },
      schema: {
        tags,
        summary: 'Requests by due date: my own, assigned to me, or (the team) all of the organisation',
        querystring: s.listRequestsQuery,
        response: { 200: z.object({ items: z.array(s.requestSummarySchema) }) },
      },
    },
    async (req) => ({ items: await listRequestSummaries(ctx.db, principalOf(req), req.query) }),
  );

  app.post(
    '/requests',
    {
      config: { permission: 'requests.file' },
      schema: {
        tags,
        summary: 'File a request to the social team (research, posting request or question)',
        body: s.createRequestBody,
        response: { 201: s.requestSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const row = await fileRequest(ctx, p, actorOf(req), req.body);
      return reply.code(201).send(await buildRequestDto(ctx.db, p, row));
    },
  );

  app.get(
    '/requests/assignees',
    {
      config: { permission: 'requests.handle' },
      schema: {
        tags,
        summary: 'The people a request can be assigned to (the social team)',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) },
      },
    },
    async (req) => ({ items: await handlers(ctx.db, principalOf(req).orgId) }),
  );

  app.get(
    '/requests/:id',
    {
      config: { permission: 'requests.file' },
      schema: {
        tags,
        summary: 'A request with its thread, attachments and history',
        params: idParams,
        response: { 200: s.requestSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return buildRequestDto(ctx.db, p, await visibleRequest(ctx.db, p, req.params.id));
    },
  );

  app.patch(
    '/requests/:id',
    {
      config: { permission: 'requests.handle' },
      schema: {
        tags,
        summary: 'Triage: priority, assignee, status (declining needs a reason)',
        params: idParams,
        body: s.triageBody,
        response: { 200: s.requestSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const { request, mailIds } = await triageRequest(ctx, p, actorOf(req), req.params.id, req.body);
      await queueNotificationMail(ctx, mailIds);
      return buildRequestDto(ctx.db, p, request);
    },
  );

  app.post(
    '/requests/:id/messages',
    {
      config: { permission: 'requests.file' },
      schema: {
        tags,
        summary: 'Write in the thread (the team may write internal notes the requester does not see)',
        params: idParams,
        body: s.messageBody,
        response: { 201: s.requestSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const { mailIds } = await addMessage(ctx, p, actorOf(req), req.params.id, req.body);
      await queueNotificationMail(ctx, mailIds);
      return reply
        .code(201)
        .send(await buildRequestDto(ctx.db, p, await visibleRequest(ctx.db, p, req.params.id)));
    },
  );

  app.post(
    '/requests/:id/attachments',
    {
      config: { permission: 'requests.file' },
      schema: {
        tags,
        summary: `Attach a file (multipart: file; PNG, JPEG, GIF, WebP or PDF up to ${maxMb} MB)`,
        params: idParams,
        response: { 201: s.attachmentSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await visibleRequest(ctx.db, p, req.params.id);
      if (!req.isMultipart()) throw new DomainError(415, 'multipart_required');
      const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!file)
        throw new DomainError(
          422,
          'attachment_missing',
          {},
          { fieldErrors: [{ path: 'file', message: 'required' }] },
        );
      const data = await file.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE')
          throw new DomainError(413, 'attachment_too_large', { file: file.filename, maxMb });
        throw err;
      });
      const attachment = await addAttachment(ctx, p, actorOf(req), req.params.id, {
        data,
        filename: file.filename,
      });
      return reply.code(201).send(attachment);
    },
  );

  app.get(
    '/requests/:id/attachments/:attachmentId',
    {
      config: { permission: 'requests.file' },
      schema: { tags, summary: 'An attachment of a request', params: attachmentParams },
    },
    async (req, reply) => {
      const a = await readAttachment(ctx, principalOf(req), req.params.id, req.params.attachmentId);
      // Uploaded bytes are served as what they were sniffed to be, never run: no sniffing, a sandbox.
      const safeName = encodeURIComponent(a.filename);
      return reply
        .type(a.mimeType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `inline; filename*=UTF-8''${safeName}`)
        .header('cache-control', 'private, max-age=3600')
        .send(a.data);
    },
  );

  app.post(
    '/requests/:id/post',
    {
      config: { permission: 'requests.handle' },
      schema: {
        tags,
        summary: 'Turn a posting request into a draft post in publishing, linked to the request',
        params: idParams,
        response: { 201: s.requestSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const { mailIds } = await turnIntoPost(ctx, p, actorOf(req), req.params.id);
      await queueNotificationMail(ctx, mailIds);
      return reply
        .code(201)
        .send(await buildRequestDto(ctx.db, p, await visibleRequest(ctx.db, p, req.params.id)));
    },
  );
}
