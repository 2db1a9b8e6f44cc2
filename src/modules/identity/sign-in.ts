import { eq, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { hashPassword, verifyPassword } from '../../platform/crypto.ts';
import { users } from '../../platform/db/schema/identity.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { activeMembershipOf, findSsoConfigByDomain, findUserByEmail } from './repo.ts';
import { type NewSession, openSession } from './sessions.ts';
import { domainOf } from './sso-settings.ts';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

// Verifying against a real hash for unknown e-mail addresses keeps the answer time the same, so the
// timing does not tell which addresses have an account.
let dummyHash: Promise<string> | undefined;

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
  requestId: string;
}

export async function signIn(
  ctx: Context,
  input: SignInInput,
): Promise<NewSession & { userId: string; orgId: string }> {
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword('not a real password');
    await verifyPassword(input.password, await dummyHash);
    ctx.log.info({ reqId: input.requestId }, 'sign-in with unknown e-mail address');
    throw new DomainError(401, 'sign_in_failed');
  }
  const membership = await activeMembershipOf(ctx.db, user.id);
  const actorBase = {
    userId: user.id,
    label: `${user.name} <${user.email}>`,
    requestId: input.requestId,
    ip: input.ip,
    via: 'session' as const,
  };
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new DomainError(423, 'account_locked', { minutes: minutesUntil(user.lockedUntil) });
  }
  const ok = await verifyPassword(input.password, user.passwordHash);
  if (!ok) {
    const failed = user.failedSignIns + 1;
    const lock = failed >= MAX_FAILED_SIGN_INS;
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedSignIns: lock ? 0 : failed,
          lockedUntil: lock ? sql`now() + make_interval(mins => ${LOCKOUT_MINUTES})` : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      if (membership) {
        await recordAudit(
          tx,
          { ...actorBase, orgId: membership.orgId },
          {
            action: lock ? 'auth.locked_out' : 'auth.sign_in_failed',
            targetType: 'user',
            targetId: user.id,
            summary: { failedAttempts: failed },
          },
        );
      }
    });
    if (lock) throw new DomainError(423, 'account_locked', { minutes: LOCKOUT_MINUTES });
    throw new DomainError(401, 'sign_in_failed');
  }
  if (!membership) {
    // A correct password for an account without an active membership (deactivated everywhere).
    throw new DomainError(403, 'account_deactivated');
  }
  // Checked after the password, so the answer tells nothing to someone who does not know it.
  const sso = await findSsoConfigByDomain(ctx.db, domainOf(user.email));
  if (sso?.enabled && !sso.allowPassword && sso.orgId === membership.orgId) {
    throw new DomainError(403, 'password_sign_in_disabled');
  }
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await openSession(tx, {
      userId: user.id,
      orgId: membership.orgId,
      ip: input.ip,
      userAgent: input.userAgent,
      ttlHours: ctx.config.sessionTtlHours,
    });
    await recordAudit(
      tx,
      { ...actorBase, orgId: membership.orgId },
      {
        action: 'auth.signed_in',
        targetType: 'user',
        targetId: user.id,
      },
    );
    return { ...session, userId: user.id, orgId: membership.orgId };
  });
}

function minutesUntil(d: Date): number {
  return Math.max(1, Math.ceil((d.getTime() - Date.now()) / 60_000));
}
