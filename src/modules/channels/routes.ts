import { z } from 'zod';
import { NETWORKS } from '../../connectors/connector.ts';
import { capabilitiesOf } from '../../connectors/registry.ts';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { queueNotificationMail } from '../notifications/notify.ts';
import { namesOf } from '../publishing/repo.ts';
import { mayManage, mayPublishTo, maySee } from './channel-access.ts';
import { connectChannel } from './connect-channel.ts';
import { type ChannelWithTeam, findChannel, listChannelRows } from './repo.ts';
import { registerSandboxRoutes } from './sandbox-routes.ts';
import * as s from './schema.ts';
import { checkChannel, queuedCounts, removeChannel, updateChannel } from './update-channel.ts';

const tags = ['channels'];

/** The static capabilities as the API shows them (plain arrays for the response schema). */
const capabilitiesDto = (network: s.ChannelDto['network']) => {
  const c = capabilitiesOf(network);
  return { ...c, media: { ...c.media, mimeTypes: [...c.media.mimeTypes] } };
};
const idParams = z.strictObject({ id: z.uuid() });

export async function channelDtos(
  ctx: Context,
  p: Principal,
  rows: ChannelWithTeam[],
): Promise<s.ChannelDto[]> {
  const visible = rows.filter((c) => maySee(p, c));
  const queued = await queuedCounts(
    ctx,
    p.orgId,
    visible.map((c) => c.id),
  );
  const owners = await namesOf(
    ctx.db,
    visible.flatMap((c) => (c.ownerUserId ? [c.ownerUserId] : [])),
  );
  return visible.map((c) => ({
    id: c.id,
    network: c.network as s.ChannelDto['network'],
    name: c.name,
    ownership: c.ownership === 'personal' ? 'personal' : 'company',
    owner: c.ownerUserId ? { id: c.ownerUserId, name: owners.get(c.ownerUserId) ?? '' } : null,
    account: { id: c.accountId, handle: c.accountHandle, url: c.accountUrl },
    serviceUrl: c.serviceUrl,
    health: {
      status: c.status === 'needs_reauth' ? 'needs_reauth' : 'active',
      lastSuccessAt: c.lastSuccessAt?.toISOString() ?? null,
      lastErrorAt: c.lastErrorAt?.toISOString() ?? null,
      lastError: c.lastError,
      tokenExpiresAt: c.tokenExpiresAt?.toISOString() ?? null,
    },
    members: c.members,
    plan: c.plan,
    planTimeZone: c.planTimeZone,
    mayPublish: mayPublishTo(p, { ...c, memberIds: c.members.map((m) => m.id) }),
    mayManage: mayManage(p, c),
    queuedPosts: queued.get(c.id) ?? 0,
    capabilities: capabilitiesDto(c.network as s.ChannelDto['network']),
    createdAt: c.createdAt.toISOString(),
  }));
}

async function oneDto(ctx: Context, p: Principal, id: string): Promise<s.ChannelDto> {
  const row = await findChannel(ctx.db, p.orgId, id);
  const [dto] = row ? await channelDtos(ctx, p, [row]) : [];
  if (!dto) throw notFound('channel_not_found');
  return dto;
}

export function registerChannelRoutes(app: App, ctx: Context): void {
  app.get(
    '/networks',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'The networks Chorus can publish to, with how each counts and what media it takes',
        response: {
          200: z.object({
            items: z.array(z.object({ network: s.networkSchema, capabilities: s.capabilitiesSchema })),
          }),
        },
      },
    },
    async () => ({ items: NETWORKS.map((network) => ({ network, capabilities: capabilitiesDto(network) })) }),
  );

  app.get(
    '/channels',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'Company channels, and the personal channels you may see',
        response: { 200: z.object({ items: z.array(s.channelSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return { items: await channelDtos(ctx, p, await listChannelRows(ctx.db, p.orgId)) };
    },
  );

  app.get(
    '/channels/:id',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'A channel with its health and team',
        params: idParams,
        response: { 200: s.channelSchema },
      },
    },
    async (req) => oneDto(ctx, principalOf(req), req.params.id),
  );

  app.post(
    '/channels',
    {
      config: { permission: 'channels.connect_personal' },
      schema: {
        tags,
        summary:
          'Connect an account (company channels need channels.manage); the credentials are checked with the network first',
        body: s.connectChannelBody,
        response: { 201: s.channelSchema },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const row = await connectChannel(ctx, p, actorOf(req), req.body);
      return reply.code(201).send(await oneDto(ctx, p, row.id));
    },
  );

  app.patch(
    '/channels/:id',
    {
      config: { permission: 'channels.connect_personal' },
      schema: {
        tags,
        summary: 'Rename a channel, set its team and posting plan, or renew its credentials',
        params: idParams,
        body: s.updateChannelBody,
        response: { 200: s.channelSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await updateChannel(ctx, p, actorOf(req), req.params.id, req.body);
      return oneDto(ctx, p, req.params.id);
    },
  );

  app.delete(
    '/channels/:id',
    {
      config: { permission: 'channels.connect_personal' },
      schema: {
        tags,
        summary: 'Remove a channel; posts still queued for it fail with a reason',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const { mailIds } = await removeChannel(ctx, principalOf(req), actorOf(req), req.params.id);
      await queueNotificationMail(ctx, mailIds);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/channels/:id/check',
    {
      config: { permission: 'channels.read' },
      schema: {
        tags,
        summary: 'Ask the network whether the channel still works; updates its health',
        params: idParams,
        response: { 200: z.object({ ok: z.boolean(), error: z.string().nullable() }) },
      },
    },
    async (req) => checkChannel(ctx, principalOf(req), actorOf(req), req.params.id),
  );

  registerSandboxRoutes(app, ctx);
}
