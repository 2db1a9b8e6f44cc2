import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { invitations, memberships, users } from '../../platform/db/schema/identity.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findMembership, findOrganisation, findUserByEmail, type SsoConfig } from './repo.ts';
import { type NewSession, openSession } from './sessions.ts';

/** A person as the provider vouched for them: the e-mail address is verified and in the SSO's domains. */
export interface SsoIdentity {
  email: string;
  name: string;
  locale?: 'de' | 'en';
}

export interface SsoRequestMeta {
  ip: string;
  userAgent: string;
  requestId: string;
}

/**
 * Signs in the organisation's member with that e-mail address, or provisions them: user, membership and
 * session are created in one transaction with their audit entries. Accounts are matched only within
 * the organisation whose provider vouched for the address — a provider never signs anyone into
 * another organisation.
 */
export async function signInWithSso(
  ctx: Context,
  config: SsoConfig,
  identity: SsoIdentity,
  meta: SsoRequestMeta,
): Promise<NewSession & { userId: string; orgId: string }> {
  try {
    return await attempt(ctx, config, identity, meta);
  } catch (err) {
    // The same new person signing in twice at once: the second finds the account the first created.
    if (isUniqueViolation(err)) return attempt(ctx, config, identity, meta);
    throw err;
  }
}

async function attempt(
  ctx: Context,
  config: SsoConfig,
  identity: SsoIdentity,
  meta: SsoRequestMeta,
): Promise<NewSession & { userId: string; orgId: string }> {
  const orgId = config.orgId;
  return ctx.db.transaction(async (tx) => {
    let user = await findUserByEmail(tx, identity.email);
    const actorOf = (u: { id: string; name: string; email: string }): Actor => ({
      orgId,
      userId: u.id,
      label: `${u.name} <${u.email}>`,
      requestId: meta.requestId,
      ip: meta.ip,
      via: 'session',
    });
    if (user) {
      const membership = await findMembership(tx, orgId, user.id);
      if (!membership) throw new DomainError(403, 'sso_not_member', { email: identity.email });
      if (membership.status === 'deactivated') throw new DomainError(403, 'account_deactivated');
      if (membership.status === 'invited') {
        // The provider has just proved the address the invitation went to: that accepts it.
        await tx
          .update(memberships)
          .set({ status: 'active', updatedAt: new Date() })
          .where(eq(memberships.id, membership.id));
        await tx
          .update(invitations)
          .set({ acceptedAt: new Date() })
          .where(
            and(
              eq(invitations.orgId, orgId),
              eq(invitations.userId, user.id),
              isNull(invitations.acceptedAt),
            ),
          );
        await recordAudit(tx, actorOf(user), {
          action: 'user.invitation_accepted',
          targetType: 'user',
          targetId: user.id,
          summary: { method: 'sso' },
        });
      }
    } else {
      if (!config.autoProvision) throw new DomainError(403, 'sso_not_invited', { email: identity.email });
      const org = await findOrganisation(tx, orgId);
      [user] = await tx
        .insert(users)
        .values({
          email: identity.email,
          name: identity.name,
          // No password: this person signs in through the provider.
          passwordHash: null,
          locale: identity.locale ?? org?.defaultLocale ?? 'de',
          timeZone: org?.defaultTimeZone ?? 'Europe/Berlin',
        })
        .returning();
      await tx
        .insert(memberships)
        .values({ orgId, userId: user!.id, role: config.defaultRole, status: 'active' });
      await recordAudit(tx, actorOf(user!), {
        action: 'user.provisioned',
        targetType: 'user',
        targetId: user!.id,
        summary: { after: { email: user!.email, name: user!.name, role: config.defaultRole }, method: 'sso' },
      });
    }
    const session = await openSession(tx, {
      userId: user!.id,
      orgId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      ttlHours: ctx.config.sessionTtlHours,
    });
    await recordAudit(tx, actorOf(user!), {
      action: 'auth.signed_in',
      targetType: 'user',
      targetId: user!.id,
      summary: { method: 'sso' },
    });
    return { ...session, userId: user!.id, orgId };
  });
}
