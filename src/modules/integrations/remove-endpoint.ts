import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { webhookEndpoints } from '../../platform/db/schema/integrations.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';

/** Removes a webhook with its delivery history; queued attempts find nothing and stop. */
export async function removeEndpoint(ctx: Context, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.orgId, actor.orgId), eq(webhookEndpoints.id, id)))
      .returning();
    if (!gone) throw notFound('webhook_not_found');
    await recordAudit(tx, actor, {
      action: 'webhook.removed',
      targetType: 'webhook',
      targetId: id,
      targetLabel: gone.name,
      summary: { before: { url: gone.url, eventTypes: gone.eventTypes } },
    });
  });
}
