import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { maySee } from '../channels/channel-access.ts';
import { queueNotificationMail } from '../notifications/notify.ts';
import { calendar, listPosts } from './calendar.ts';
import { addComment } from './comments.ts';
import { refreshPostMetrics } from './fetch-metrics.ts';
import { addMedia, MAX_MEDIA_BYTES, readMedia, removeMedia, updateMedia } from './media.ts';
import { buildPostDto } from './post-view.ts';
import { findPostRow, targetsOf } from './repo.ts';
import { approvePost, requestChanges, submitPost } from './review-post.ts';
import { createPost, deletePost, updatePost } from './save-post.ts';
import { rescheduleTarget, resolveTarget, schedulePost, unschedulePost } from './schedule-post.ts';
import * as s from './schema.ts';
import {
  createWorkflow,
  deleteWorkflow,
  listCampaigns,
  listWorkflows,
  saveCampaign,
  updateWorkflow,
} from './workflows.ts';

const tags = ['publishing'];
const idParams = z.strictObject({ id: z.uuid() });
const targetParams = z.strictObject({ id: z.uuid(), targetId: z.uuid() });
const mediaParams = z.strictObject({ id: z.uuid(), mediaId: z.uuid() });

/**
 * A post someone may look at: their own, or one to at least one channel they can see (a post only to a
 * colleague's personal account is that colleague's business). Unknown and invisible look the same: 404.
 */
async function visiblePost(ctx: Context, p: Principal, id: string) {
  const post = await findPostRow(ctx.db, p.orgId, id);
  if (!post) throw notFound('post_not_found');
  if (post.authorId === p.userId) return post;
  const targets = await targetsOf(ctx.db, p.orgId, [id]);
  if (targets.length === 0 || targets.some((t) => maySee(p, t.channel))) return post;
  throw notFound('post_not_found');
}

export function registerPublishingRoutes(app: App, ctx: Context): void {
  const dto = async (p: Principal, id: string) => buildPostDto(ctx.db, p, await visiblePost(ctx, p, id));

  app.get(
    '/posts',
    {
      config: { permission: 'posts.read' },
      schema: {
        tags,
        summary: 'Posts, newest first, by state, mine, or awaiting my approval',
        querystring: s.listPostsQuery,
        response: { 200: z.object({ items: z.array(s.postSummarySchema) }) },
      },
    },
    async (req) => {
      const q = req.query;
      return {
        items: await listPosts(ctx, principalOf(req), {
          state: q.state,
          mine: q.mine === 'true',
          awaitingMyApproval: q.awaitingMyApproval === 'true',
          limit: q.limit,
        }),
      };
    },
  );

  app.post(
    '/posts',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary: 'Start a post (a draft) for one or more channels',
        body: s.createPostBody,
        response: { 201: s.postSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const post = await createPost(ctx, p, actorOf(req), req.body);
      return reply.code(201).send(await buildPostDto(ctx.db, p, post));
    },
  );

  app.get(
    '/posts/:id',
    {
      config: { permission: 'posts.read' },
      schema: {
        tags,
        summary: 'A post with its channels, media, approvals, comments and history',
        params: idParams,
        response: { 200: s.postSchema },
      },
    },
    async (req) => dto(principalOf(req), req.params.id),
  );

  app.patch(
    '/posts/:id',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary: 'Save a post (the composer autosaves); an edit after approval sends it back for approval',
        params: idParams,
        body: s.updatePostBody,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const { mailIds } = await updatePost(ctx, p, actorOf(req), req.params.id, req.body);
      await queueNotificationMail(ctx, mailIds);
      return dto(p, req.params.id);
    },
  );

  app.delete(
    '/posts/:id',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary: 'Delete a post that has not gone out anywhere',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deletePost(ctx, principalOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/posts/:id/submit',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary: 'Send a post for approval; the approvers are notified',
        params: idParams,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const { mailIds } = await submitPost(ctx, p, actorOf(req), req.params.id);
      await queueNotificationMail(ctx, mailIds);
      return dto(p, req.params.id);
    },
  );

  app.post(
    '/posts/:id/approve',
    {
      config: { permission: 'posts.approve' },
      schema: {
        tags,
        summary: 'Approve the current version of a post',
        params: idParams,
        body: s.decisionBody,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      const { mailIds } = await approvePost(ctx, p, actorOf(req), req.params.id, req.body);
      await queueNotificationMail(ctx, mailIds);
      return dto(p, req.params.id);
    },
  );

  app.post(
    '/posts/:id/request-changes',
    {
      config: { permission: 'posts.approve' },
      schema: {
        tags,
        summary: 'Ask the author for changes, with a comment',
        params: idParams,
        body: s.requestChangesBody,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      const { mailIds } = await requestChanges(ctx, p, actorOf(req), req.params.id, req.body);
      await queueNotificationMail(ctx, mailIds);
      return dto(p, req.params.id);
    },
  );

  app.post(
    '/posts/:id/schedule',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary:
          'Publish now, at a time, or in each channel’s next free slot — past the workflow and the guidelines',
        params: idParams,
        body: s.scheduleBody,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      await schedulePost(ctx, p, actorOf(req), req.params.id, req.body);
      return dto(p, req.params.id);
    },
  );

  app.post(
    '/posts/:id/unschedule',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary: 'Take a scheduled post off the schedule (it stays approved)',
        params: idParams,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      await unschedulePost(ctx, p, actorOf(req), req.params.id);
      return dto(p, req.params.id);
    },
  );

  app.patch(
    '/posts/:id/targets/:targetId',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary: 'Move one channel’s scheduled post to another time',
        params: targetParams,
        body: s.rescheduleBody,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      await rescheduleTarget(
        ctx,
        p,
        actorOf(req),
        req.params.id,
        req.params.targetId,
        new Date(req.body.scheduledAt),
      );
      return dto(p, req.params.id);
    },
  );

  app.post(
    '/posts/:id/targets/:targetId/resolve',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary:
          'Decide an interrupted send the network could not confirm: it was published, or send it again',
        params: targetParams,
        body: s.resolveBody,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      await resolveTarget(ctx, p, actorOf(req), req.params.id, req.params.targetId, req.body);
      return dto(p, req.params.id);
    },
  );

  app.post(
    '/posts/:id/comments',
    {
      config: { permission: 'posts.read' },
      schema: {
        tags,
        summary: 'Comment on a post internally, mentioning colleagues',
        params: idParams,
        body: s.commentBody,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      const { mailIds } = await addComment(ctx, p, actorOf(req), req.params.id, req.body);
      await queueNotificationMail(ctx, mailIds);
      return dto(p, req.params.id);
    },
  );

  app.post(
    '/posts/:id/media',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary: `Add an image (multipart: file and altText; PNG, JPEG, GIF or WebP up to ${MAX_MEDIA_BYTES / 1024 / 1024} MB)`,
        params: idParams,
        response: { 201: s.mediaSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      if (!req.isMultipart()) throw new DomainError(415, 'multipart_required');
      const file = await req.file();
      if (!file)
        throw new DomainError(
          422,
          'media_file_missing',
          {},
          { fieldErrors: [{ path: 'file', message: 'required' }] },
        );
      const data = await file.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE')
          throw new DomainError(413, 'media_too_large', {
            file: file.filename,
            maxMb: MAX_MEDIA_BYTES / 1024 / 1024,
          });
        throw err;
      });
      const alt = file.fields.altText;
      const altText = alt && !Array.isArray(alt) && alt.type === 'field' ? String(alt.value) : '';
      const { media, mailIds } = await addMedia(ctx, p, actorOf(req), req.params.id, {
        data,
        filename: file.filename,
        altText,
      });
      await queueNotificationMail(ctx, mailIds);
      return reply.code(201).send(media);
    },
  );

  app.get(
    '/posts/:id/media/:mediaId',
    {
      config: { permission: 'posts.read' },
      schema: { tags, summary: 'An image of a post', params: mediaParams },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      const m = await readMedia(ctx, p.orgId, req.params.id, req.params.mediaId);
      // Uploaded bytes are only ever an image here: no sniffing, no scripts, even if opened directly.
      return reply
        .type(m.mimeType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(m.data);
    },
  );

  app.patch(
    '/posts/:id/media/:mediaId',
    {
      config: { permission: 'posts.write' },
      schema: {
        tags,
        summary: 'Change an image’s alt text',
        params: mediaParams,
        body: s.mediaPatchBody,
        response: { 200: s.mediaSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      const { media, mailIds } = await updateMedia(
        ctx,
        p,
        actorOf(req),
        req.params.id,
        req.params.mediaId,
        req.body.altText,
      );
      await queueNotificationMail(ctx, mailIds);
      return media;
    },
  );

  app.delete(
    '/posts/:id/media/:mediaId',
    {
      config: { permission: 'posts.write' },
      schema: { tags, summary: 'Remove an image', params: mediaParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      const { mailIds } = await removeMedia(ctx, p, actorOf(req), req.params.id, req.params.mediaId);
      await queueNotificationMail(ctx, mailIds);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/posts/:id/metrics',
    {
      config: { permission: 'posts.read' },
      schema: {
        tags,
        summary: 'Pull the metrics of a published post from its networks now',
        params: idParams,
        response: { 200: s.postSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await visiblePost(ctx, p, req.params.id);
      await refreshPostMetrics(ctx, p, req.params.id);
      return dto(p, req.params.id);
    },
  );

  app.get(
    '/calendar',
    {
      config: { permission: 'posts.read' },
      schema: {
        tags,
        summary: 'Scheduled and published posts across channels in a time range',
        querystring: s.calendarQuery,
        response: { 200: z.object({ items: z.array(s.calendarEventSchema) }) },
      },
    },
    async (req) => {
      const q = req.query;
      return {
        items: await calendar(ctx, principalOf(req), {
          from: new Date(q.from),
          to: new Date(q.to),
          channelId: q.channelId,
          departmentId: q.departmentId,
          campaignId: q.campaignId,
          state: q.state,
        }),
      };
    },
  );

  app.get(
    '/workflows',
    {
      config: { permission: 'posts.read' },
      schema: {
        tags,
        summary: 'Approval workflows',
        response: { 200: z.object({ items: z.array(s.workflowSchema) }) },
      },
    },
    async (req) => ({ items: await listWorkflows(ctx, principalOf(req).orgId) }),
  );

  app.post(
    '/workflows',
    {
      config: { permission: 'workflows.manage' },
      schema: {
        tags,
        summary: 'Create an approval workflow for a department and/or channel',
        body: s.workflowBody,
        response: { 201: s.workflowSchema },
      },
    },
    async (req, reply) => {
      const w = await createWorkflow(ctx, actorOf(req), req.body);
      return reply.code(201).send((await listWorkflows(ctx, w.orgId)).find((x) => x.id === w.id)!);
    },
  );

  app.patch(
    '/workflows/:id',
    {
      config: { permission: 'workflows.manage' },
      schema: {
        tags,
        summary: 'Change an approval workflow (send it whole)',
        params: idParams,
        body: s.workflowBody,
        response: { 200: s.workflowSchema },
      },
    },
    async (req) => {
      const w = await updateWorkflow(ctx, actorOf(req), req.params.id, req.body);
      return (await listWorkflows(ctx, w.orgId)).find((x) => x.id === w.id)!;
    },
  );

  app.delete(
    '/workflows/:id',
    {
      config: { permission: 'workflows.manage' },
      schema: { tags, summary: 'Delete an approval workflow', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteWorkflow(ctx, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/campaigns',
    {
      config: { permission: 'posts.read' },
      schema: {
        tags,
        summary: 'Campaigns posts can belong to',
        response: { 200: z.object({ items: z.array(s.campaignSchema) }) },
      },
    },
    async (req) => ({ items: await listCampaigns(ctx, principalOf(req).orgId) }),
  );

  app.post(
    '/campaigns',
    {
      config: { permission: 'campaigns.manage' },
      schema: {
        tags,
        summary: 'Create a campaign',
        body: s.campaignBody,
        response: { 201: s.campaignSchema },
      },
    },
    async (req, reply) => {
      const c = await saveCampaign(ctx, actorOf(req), null, req.body);
      return reply.code(201).send((await listCampaigns(ctx, c.orgId)).find((x) => x.id === c.id)!);
    },
  );

  app.patch(
    '/campaigns/:id',
    {
      config: { permission: 'campaigns.manage' },
      schema: {
        tags,
        summary: 'Rename or archive a campaign',
        params: idParams,
        body: s.campaignBody.extend({ archived: z.boolean().optional() }),
        response: { 200: s.campaignSchema },
      },
    },
    async (req) => {
      const c = await saveCampaign(ctx, actorOf(req), req.params.id, req.body);
      return (await listCampaigns(ctx, c.orgId)).find((x) => x.id === c.id)!;
    },
  );
}
