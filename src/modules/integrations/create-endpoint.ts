import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../../context.ts';
import { webhookEndpoints } from '../../platform/db/schema/integrations.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { countEndpoints, endpointDto } from './repo.ts';
import type { endpointInput } from './schema.ts';
import { generateSigningSecret, secretContext } from './secret.ts';
import { parseWebhookUrl } from './webhook-url.ts';

export const MAX_ENDPOINTS_PER_ORG = 50;

/**
 * Adds a webhook. The signing secret is made here and returned this once; the database keeps it sealed,
 * and the audit log records that an endpoint exists, never its secret.
 */
export async function createEndpoint(ctx: Context, actor: Actor, input: z.infer<typeof endpointInput>) {
  const url = parseWebhookUrl(input.url, { allowPrivateAddresses: ctx.config.allowPrivateNetworks });
  const id = randomUUID();
  const secret = generateSigningSecret();
  const row = await ctx.db.transaction(async (tx) => {
    if ((await countEndpoints(tx, actor.orgId)) >= MAX_ENDPOINTS_PER_ORG)
      throw new DomainError(422, 'webhook_limit', { max: MAX_ENDPOINTS_PER_ORG });
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({
        id,
        orgId: actor.orgId,
        name: input.name,
        url: url.toString(),
        eventTypes: [...new Set(input.eventTypes)],
        secretSealed: ctx.secrets.seal(secret, secretContext(id)),
        enabled: input.enabled,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'webhook.created',
      targetType: 'webhook',
      targetId: id,
      targetLabel: input.name,
      summary: { after: { url: url.toString(), eventTypes: created!.eventTypes, enabled: input.enabled } },
    });
    return created!;
  });
  return { endpoint: { ...endpointDto(row), lastDelivery: null }, secret };
}
