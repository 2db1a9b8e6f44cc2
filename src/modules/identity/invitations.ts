import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { hashPassword, sha256Hex } from '../../platform/crypto.ts';
import { invitations, memberships, organisations, users } from '../../platform/db/schema/identity.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findSsoConfigByDomain } from './repo.ts';
import { type NewSession, openSession } from './sessions.ts';
import { domainOf } from './sso-settings.ts';

async function findOpenInvitation(ctx: Context, token: string) {
  const [row] = await ctx.db
    .select({
      id: invitations.id,
      orgId: invitations.orgId,
      userId: invitations.userId,
      email: users.email,
      name: users.name,
      orgName: organisations.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(organisations, eq(organisations.id, invitations.orgId))
    .where(
      and(
        eq(invitations.tokenHash, sha256Hex(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    );
  if (!row) throw new DomainError(404, 'invitation_invalid');
  return row;
}

export async function describeInvitation(ctx: Context, token: string) {
  const inv = await findOpenInvitation(ctx, token);
  return { email: inv.email, name: inv.name, organisation: { name: inv.orgName } };
}

/** Sets the invited user's password, activates the membership and signs them in. */
export async function acceptInvitation(
  ctx: Context,
  token: string,
  input: { password: string; ip: string; userAgent: string; requestId: string },
): Promise<NewSession & { userId: string; orgId: string }> {
  const inv = await findOpenInvitation(ctx, token);
  // Where the organisation allows only single sign-on, a password set here would be a second way in;
  // the invited person signs in through the provider instead, which accepts the invitation.
  const sso = await findSsoConfigByDomain(ctx.db, domainOf(inv.email));
  if (sso?.enabled && !sso.allowPassword && sso.orgId === inv.orgId) {
    throw new DomainError(403, 'password_sign_in_disabled');
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    // The acceptedAt condition makes a second use of the same link (two tabs, a replay) fail cleanly.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw new DomainError(404, 'invitation_invalid');
    await tx
      .update(users)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null })
      .where(eq(users.id, inv.userId));
    await tx
      .update(memberships)
      .set({ status: 'active', updatedAt: new Date() })
      .where(
        and(
          eq(memberships.orgId, inv.orgId),
          eq(memberships.userId, inv.userId),
          eq(memberships.status, 'invited'),
        ),
      );
    const session = await openSession(tx, {
      userId: inv.userId,
      orgId: inv.orgId,
      ip: input.ip,
      userAgent: input.userAgent,
      ttlHours: ctx.config.sessionTtlHours,
    });
    await recordAudit(
      tx,
      {
        orgId: inv.orgId,
        userId: inv.userId,
        label: `${inv.name} <${inv.email}>`,
        requestId: input.requestId,
        ip: input.ip,
      },
      { action: 'user.invitation_accepted', targetType: 'user', targetId: inv.userId },
    );
    return { ...session, userId: inv.userId, orgId: inv.orgId };
  });
}
