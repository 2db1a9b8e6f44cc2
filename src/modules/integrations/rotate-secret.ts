import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { webhookEndpoints } from '../../platform/db/schema/integrations.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { generateSigningSecret, secretContext } from './secret.ts';

/** A new signing secret, returned once; the old one stops working at once. */
export async function rotateSecret(ctx: Context, actor: Actor, id: string): Promise<{ secret: string }> {
  const secret = generateSigningSecret();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secretSealed: ctx.secrets.seal(secret, secretContext(id)), updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.orgId, actor.orgId), eq(webhookEndpoints.id, id)))
      .returning({ name: webhookEndpoints.name });
    if (!row) throw notFound('webhook_not_found');
    await recordAudit(tx, actor, {
      action: 'webhook.secret_rotated',
      targetType: 'webhook',
      targetId: id,
      targetLabel: row.name,
      summary: {},
    });
  });
  return { secret };
}
