import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { SandboxInputError } from '../../connectors/sandbox/network.ts';
import type { Context } from '../../context.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { connectChannel } from './connect-channel.ts';
import { findChannel } from './repo.ts';
import { channelDtos } from './routes.ts';
import * as s from './schema.ts';

const tags = ['sandbox'];
const idParams = z.strictObject({ id: z.uuid() });
const POSTS_SHOWN = 50;

const engagementBody = z.strictObject({
  likes: z.number().int().min(0).max(10_000).default(0),
  reposts: z.number().int().min(0).max(10_000).default(0),
  replies: z.number().int().min(0).max(100).default(0),
  impressions: z.number().int().min(0).max(10_000_000).default(0),
});

const settingsBody = z.strictObject({
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  rateLimitPerMinute: z.number().int().min(1).max(1_000_000).nullable().optional(),
  failureRate: z.number().min(0).max(1).optional(),
});

const metricsSchema = z.object({
  likes: z.number().nullable(),
  reposts: z.number().nullable(),
  replies: z.number().nullable(),
  impressions: z.number().nullable(),
});

/** `handle`: the one asked for; the sandbox's own message is English prose, not a handle. */
function sandboxProblem(err: unknown, handle?: string): never {
  if (err instanceof SandboxInputError) {
    if (err.code === 'handle_taken')
      throw new DomainError(409, 'sandbox_handle_taken', { handle: `@${handle ?? ''}` });
    if (err.code === 'not_found') throw notFound('sandbox_post_not_found');
    throw new DomainError(422, 'validation_failed', { fields: err.message });
  }
  throw err;
}

/**
 * The built-in sandbox network as people see it: its accounts, what was published there with its counts,
 * and a simulated audience to react. It is part of the product (demo, trials, training), not a test aid.
 */
export function registerSandboxRoutes(app: App, ctx: Context): void {
  registerSandboxPublicPost(app, ctx);
  app.post(
    '/channels/sandbox',
    {
      config: { permission: 'channels.connect_personal' },
      schema: {
        tags,
        summary:
          'Open an account on the sandbox network and connect it as a channel, to try Chorus without a real network',
        body: s.sandboxChannelBody,
        response: { 201: s.channelSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      if (req.body.ownership === 'company' && !p.permissions.has('channels.manage'))
        throw new DomainError(403, 'forbidden', { permission: 'channels.manage' });
      const { token } = await ctx.sandbox
        .createAccount(p.orgId, { handle: req.body.handle, displayName: req.body.name })
        .catch((err: unknown) => sandboxProblem(err, req.body.handle));
      const row = await connectChannel(ctx, p, actorOf(req), {
        network: 'sandbox',
        ownership: req.body.ownership,
        name: req.body.name,
        credentials: { serviceUrl: '', identifier: token, secret: '' },
        memberIds: req.body.memberIds,
      });
      const [dto] = await channelDtos(ctx, p, [(await findChannel(ctx.db, p.orgId, row.id))!]);
      return reply.code(201).send(dto!);
    },
  );

  app.get(
    '/sandbox/accounts',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'Accounts on the sandbox network, with the channel each is connected as',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                handle: z.string(),
                displayName: z.string(),
                channelId: z.uuid().nullable(),
                settings: z.object({
                  latencyMs: z.number(),
                  rateLimitPerMinute: z.number().nullable(),
                  failureRate: z.number(),
                }),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const accounts = await ctx.sandbox.listAccounts(p.orgId);
      const connected = await ctx.db
        .select({ id: channels.id, accountId: channels.accountId })
        .from(channels)
        .where(and(eq(channels.orgId, p.orgId), eq(channels.network, 'sandbox'), isNull(channels.deletedAt)));
      const byAccount = new Map(connected.map((c) => [c.accountId, c.id]));
      return {
        items: accounts.map((a) => ({
          id: a.id,
          handle: a.handle,
          displayName: a.displayName,
          channelId: byAccount.get(a.id) ?? null,
          settings: {
            latencyMs: a.settings.latencyMs,
            rateLimitPerMinute: a.settings.rateLimitPerMinute,
            failureRate: a.settings.failureRate,
          },
        })),
      };
    },
  );

  app.get(
    '/sandbox/accounts/:id/posts',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'What an account published on the sandbox network, newest first, with its counts',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                text: z.string(),
                url: z.string(),
                createdAt: z.iso.datetime(),
                deleted: z.boolean(),
                media: z.array(z.object({ altText: z.string() })),
                metrics: metricsSchema,
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const account = await ctx.sandbox.getAccount(p.orgId, req.params.id);
      if (!account) throw notFound('sandbox_account_not_found');
      const posts = (await ctx.sandbox.listPosts(p.orgId, account.id)).slice(0, POSTS_SHOWN);
      const items = [];
      for (const post of posts) {
        items.push({
          id: post.id,
          text: post.text,
          url: post.url,
          createdAt: post.createdAt.toISOString(),
          deleted: post.deletedAt !== null,
          media: post.media.map((m) => ({ altText: m.altText })),
          metrics: await ctx.sandbox.api
            .metrics(account, post.id)
            .catch(() => ({ likes: null, reposts: null, replies: null, impressions: null })),
        });
      }
      return { items };
    },
  );

  app.post(
    '/sandbox/posts/:id/engage',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'Let the simulated audience of the sandbox like, repost, reply to and see a post',
        params: idParams,
        body: engagementBody,
        response: { 200: metricsSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const post = await ctx.sandbox.getPost(p.orgId, req.params.id);
      if (!post) throw notFound('sandbox_post_not_found');
      const metrics = await ctx.sandbox.engage(p.orgId, post.id, req.body).catch(sandboxProblem);
      await ctx.db.transaction((tx) =>
        recordAudit(tx, actorOf(req), {
          action: 'sandbox.engaged',
          targetType: 'sandbox_post',
          targetId: post.id,
          targetLabel: `@${post.handle}`,
          summary: { ...req.body },
        }),
      );
      return metrics;
    },
  );

  app.patch(
    '/sandbox/accounts/:id',
    {
      config: { permission: 'channels.manage' },
      schema: {
        tags,
        summary:
          'Make a sandbox account behave like a slow or unreliable network: latency, rate limit, failures',
        params: idParams,
        body: settingsBody,
        response: {
          200: z.object({
            latencyMs: z.number(),
            rateLimitPerMinute: z.number().nullable(),
            failureRate: z.number(),
          }),
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const before = await ctx.sandbox.getAccount(p.orgId, req.params.id);
      if (!before) throw notFound('sandbox_account_not_found');
      const after = await ctx.sandbox.updateSettings(p.orgId, before.id, req.body).catch(sandboxProblem);
      await ctx.db.transaction((tx) =>
        recordAudit(tx, actorOf(req), {
          action: 'sandbox.settings_changed',
          targetType: 'sandbox_account',
          targetId: before.id,
          targetLabel: `@${before.handle}`,
          summary: { before: before.settings, after: after.settings },
        }),
      );
      return {
        latencyMs: after.settings.latencyMs,
        rateLimitPerMinute: after.settings.rateLimitPerMinute,
        failureRate: after.settings.failureRate,
      };
    },
  );

  app.post(
    '/sandbox/accounts/:id/mentions',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary:
          'Someone from the sandbox audience writes to this account (a mention, or a reply to one of its posts)',
        params: idParams,
        body: z.strictObject({
          text: z.string().trim().min(1).max(500),
          replyToId: z.string().max(100).nullable().default(null),
        }),
        response: { 201: z.object({ id: z.string(), url: z.string() }) },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const target = await ctx.sandbox.getAccount(p.orgId, req.params.id);
      if (!target) throw notFound('sandbox_account_not_found');
      const { account: from } = await ensureVisitor(ctx, p.orgId);
      const post = await ctx.sandbox
        .postAs(
          p.orgId,
          from.id,
          req.body.text.includes(`@${target.handle}`) ? req.body.text : `@${target.handle} ${req.body.text}`,
          req.body.replyToId,
        )
        .catch(sandboxProblem);
      await ctx.db.transaction((tx) =>
        recordAudit(tx, actorOf(req), {
          action: 'sandbox.mentioned',
          targetType: 'sandbox_account',
          targetId: target.id,
          targetLabel: `@${target.handle}`,
          summary: { text: req.body.text },
        }),
      );
      return reply.code(201).send({ id: post.id, url: post.url });
    },
  );
}

/**
 * Someone on the sandbox network posts publicly, addressed to no one: what listening's searches find.
 * Registered beside the other sandbox routes; kept apart because it belongs to listening's demo.
 */
function registerSandboxPublicPost(app: App, ctx: Context): void {
  app.post(
    '/sandbox/public-posts',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'A visitor of the sandbox network posts publicly (for listening: searches find such posts)',
        body: z.strictObject({ text: z.string().trim().min(1).max(500) }),
        response: { 201: z.object({ id: z.string(), url: z.string(), handle: z.string() }) },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const { account: from } = await ensureVisitor(ctx, p.orgId);
      const post = await ctx.sandbox.postAs(p.orgId, from.id, req.body.text).catch(sandboxProblem);
      await ctx.db.transaction((tx) =>
        recordAudit(tx, actorOf(req), {
          action: 'sandbox.public_posted',
          targetType: 'sandbox_post',
          targetId: post.id,
          targetLabel: `@${from.handle}`,
          summary: { text: req.body.text },
        }),
      );
      return reply.code(201).send({ id: post.id, url: post.url, handle: from.handle });
    },
  );
}

/** The sandbox audience member who writes to the company's accounts in the demo. */
async function ensureVisitor(ctx: Context, orgId: string) {
  const handle = 'besucherin';
  const existing = (await ctx.sandbox.listAccounts(orgId)).find((a) => a.handle === handle);
  if (existing) return { account: existing };
  return ctx.sandbox.createAccount(orgId, { handle, displayName: 'Eine Besucherin' });
}
