import { and, eq, ne } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { hashPassword, verifyPassword } from '../../platform/crypto.ts';
import { sessions, users } from '../../platform/db/schema/identity.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ACCESS_CHANGED } from './authenticator.ts';
import { findUser } from './repo.ts';

/** Everything /me shows comes with the principal, so the most frequent request needs no query. */
export function getMe(p: Principal) {
  return {
    user: { id: p.userId, email: p.email, name: p.name, locale: p.locale, timeZone: p.timeZone },
    organisation: { id: p.orgId, name: p.orgName, slug: p.orgSlug },
    role: p.role,
    department: p.departmentId && p.departmentName ? { id: p.departmentId, name: p.departmentName } : null,
    permissions: [...p.permissions].sort(),
  };
}

export async function updateProfile(
  ctx: Context,
  actor: Actor,
  change: { name?: string; locale?: 'de' | 'en'; timeZone?: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = (await findUser(tx, actor.userId!))!;
    const set = {
      ...(change.name ? { name: change.name.trim() } : {}),
      ...(change.locale ? { locale: change.locale } : {}),
      ...(change.timeZone ? { timeZone: change.timeZone } : {}),
    };
    if (Object.keys(set).length === 0) return;
    await tx.update(users).set(set).where(eq(users.id, actor.userId!));
    await recordAudit(tx, actor, {
      action: 'profile.updated',
      targetType: 'user',
      targetId: actor.userId,
      summary: {
        before: { name: before.name, locale: before.locale, timeZone: before.timeZone },
        after: {
          name: set.name ?? before.name,
          locale: set.locale ?? before.locale,
          timeZone: set.timeZone ?? before.timeZone,
        },
      },
    });
  });
  await ctx.events.publish({ type: ACCESS_CHANGED, orgId: actor.orgId, payload: { userId: actor.userId } });
}

/** Changing the password ends every other session: whoever knew the old one is signed out. */
export async function changePassword(
  ctx: Context,
  actor: Actor,
  currentSessionId: string | undefined,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUser(ctx.db, actor.userId!);
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new DomainError(
      422,
      'wrong_password',
      {},
      { fieldErrors: [{ path: 'currentPassword', message: 'wrong' }] },
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId!));
    await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, actor.userId!),
          ...(currentSessionId ? [ne(sessions.id, currentSessionId)] : []),
        ),
      );
    await recordAudit(tx, actor, {
      action: 'profile.password_changed',
      targetType: 'user',
      targetId: actor.userId,
      summary: { otherSessionsEnded: true },
    });
  });
  await ctx.events.publish({ type: ACCESS_CHANGED, orgId: actor.orgId, payload: { userId: actor.userId } });
}
