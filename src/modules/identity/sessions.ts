import { eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import type { Executor } from '../../platform/db/client.ts';
import { sessions } from '../../platform/db/schema/identity.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ACCESS_CHANGED } from './authenticator.ts';
import { deleteSessionsOfUser } from './repo.ts';

export interface NewSession {
  /** Goes into the HttpOnly cookie; only its hash is stored. */
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(
  tx: Executor,
  input: { userId: string; orgId: string; ip: string; userAgent: string; ttlHours: number },
): Promise<NewSession> {
  const cookieValue = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + input.ttlHours * 3600_000);
  await tx.insert(sessions).values({
    id: sha256Hex(cookieValue),
    userId: input.userId,
    orgId: input.orgId,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent.slice(0, 300),
    expiresAt,
  });
  return { cookieValue, csrfToken, expiresAt };
}

export async function signOut(ctx: Context, actor: Actor, sessionId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await recordAudit(tx, actor, { action: 'auth.signed_out', targetType: 'user', targetId: actor.userId });
  });
  await ctx.events.publish({ type: ACCESS_CHANGED, orgId: actor.orgId, payload: { userId: actor.userId } });
}

/** Ends every session of the user, in every browser (API tokens are revoked separately). */
export async function signOutEverywhere(ctx: Context, actor: Actor): Promise<{ ended: number }> {
  const ended = await ctx.db.transaction(async (tx) => {
    const n = await deleteSessionsOfUser(tx, actor.userId!);
    await recordAudit(tx, actor, {
      action: 'auth.signed_out_everywhere',
      targetType: 'user',
      targetId: actor.userId,
      summary: { sessionsEnded: n },
    });
    return n;
  });
  await ctx.events.publish({ type: ACCESS_CHANGED, orgId: actor.orgId, payload: { userId: actor.userId } });
  return { ended };
}
