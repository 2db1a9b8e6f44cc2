import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { createEndpoint } from './create-endpoint.ts';
import { sendTestEvent } from './deliver-event.ts';
import { removeEndpoint } from './remove-endpoint.ts';
import { endpointDto, findEndpoint, listDeliveries, listEndpoints } from './repo.ts';
import { rotateSecret } from './rotate-secret.ts';
import * as s from './schema.ts';
import { updateEndpoint } from './update-endpoint.ts';

const tags = ['integrations'];
const idParams = z.strictObject({ id: z.uuid() });
const permission = 'integrations.manage';
const secretNote = 'The signing secret (whsec_…) is shown in this answer only; Chorus keeps it sealed.';

export function registerIntegrationRoutes(app: App, ctx: Context): void {
  app.get(
    '/integrations/webhooks',
    {
      config: { permission },
      schema: {
        tags,
        summary: "The organisation's outgoing webhooks with their latest delivery",
        response: { 200: z.object({ items: z.array(s.endpointSchema) }) },
      },
    },
    async (req) => ({ items: await listEndpoints(ctx.db, principalOf(req).orgId) }),
  );

  app.post(
    '/integrations/webhooks',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Adds an outgoing webhook',
        description: secretNote,
        body: s.endpointInput,
        response: { 201: z.object({ endpoint: s.endpointSchema, secret: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createEndpoint(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/integrations/webhooks/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'One outgoing webhook',
        params: idParams,
        response: { 200: s.endpointSchema },
      },
    },
    async (req) => {
      const row = await findEndpoint(ctx.db, principalOf(req).orgId, req.params.id);
      if (!row) throw notFound('webhook_not_found');
      const [last] = await listDeliveries(ctx.db, row.orgId, row.id, 1);
      return {
        ...endpointDto(row),
        lastDelivery: last
          ? { status: last.status, at: last.createdAt, responseStatus: last.responseStatus }
          : null,
      };
    },
  );

  app.patch(
    '/integrations/webhooks/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: "Changes a webhook's name, URL, event types or enabled flag",
        params: idParams,
        body: s.endpointPatch,
        response: { 200: s.endpointSchema.omit({ lastDelivery: true }) },
      },
    },
    async (req) => updateEndpoint(ctx, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/integrations/webhooks/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Removes a webhook and its deliveries',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeEndpoint(ctx, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/integrations/webhooks/:id/secret',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Replaces the signing secret; the old one stops working at once',
        description: secretNote,
        params: idParams,
        response: { 200: z.object({ secret: z.string() }) },
      },
    },
    async (req) => rotateSecret(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/integrations/webhooks/:id/test',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'Sends a test.ping event to the webhook',
        params: idParams,
        response: { 202: z.object({ deliveryId: z.string() }) },
      },
    },
    async (req, reply) => reply.status(202).send(await sendTestEvent(ctx, actorOf(req), req.params.id)),
  );

  app.get(
    '/integrations/webhooks/:id/deliveries',
    {
      config: { permission },
      schema: {
        tags,
        summary: 'The newest deliveries of a webhook: status, attempts, answer, next retry, last error',
        params: idParams,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: z.object({ items: z.array(s.deliverySchema) }) },
      },
    },
    async (req) => {
      const orgId = principalOf(req).orgId;
      if (!(await findEndpoint(ctx.db, orgId, req.params.id))) throw notFound('webhook_not_found');
      return { items: await listDeliveries(ctx.db, orgId, req.params.id, req.query.limit) };
    },
  );
}
