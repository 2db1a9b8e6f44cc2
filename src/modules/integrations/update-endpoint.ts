import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Context } from '../../context.ts';
import { webhookEndpoints } from '../../platform/db/schema/integrations.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { endpointDto, findEndpoint } from './repo.ts';
import type { endpointPatch } from './schema.ts';
import { parseWebhookUrl } from './webhook-url.ts';

/** Changes a webhook's name, URL, event types or enabled flag; the audit entry shows before and after. */
export async function updateEndpoint(
  ctx: Context,
  actor: Actor,
  id: string,
  patch: z.infer<typeof endpointPatch>,
) {
  const url =
    patch.url === undefined
      ? undefined
      : parseWebhookUrl(patch.url, { allowPrivateAddresses: ctx.config.allowPrivateNetworks }).toString();
  return ctx.db.transaction(async (tx) => {
    const before = await findEndpoint(tx, actor.orgId, id);
    if (!before) throw notFound('webhook_not_found');
    const changes = {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(url !== undefined && { url }),
      ...(patch.eventTypes !== undefined && { eventTypes: [...new Set(patch.eventTypes)] }),
      ...(patch.enabled !== undefined && { enabled: patch.enabled }),
    };
    const [after] = await tx
      .update(webhookEndpoints)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.orgId, actor.orgId), eq(webhookEndpoints.id, id)))
      .returning();
    await recordAudit(tx, actor, {
      action: 'webhook.updated',
      targetType: 'webhook',
      targetId: id,
      targetLabel: after!.name,
      summary: {
        before: {
          name: before.name,
          url: before.url,
          eventTypes: before.eventTypes,
          enabled: before.enabled,
        },
        after: changes,
      },
    });
    return endpointDto(after!);
  });
}
