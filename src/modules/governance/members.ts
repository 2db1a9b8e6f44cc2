// The few facts about people this module needs. Read-only queries on the identity tables: identity exports
// no use case for them, and the reports here need them joined with acknowledgements and completions.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { departments, memberships, users } from '../../platform/db/schema/identity.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { type Permission, permissionsOf } from '../identity/roles.ts';

/**
 * Whether the actor's current role holds a permission. Use cases other modules call get an Actor, not the
 * request's principal, so the role is looked up rather than trusted.
 */
export async function actorMay(tx: Executor, actor: Actor, permission: Permission): Promise<boolean> {
  if (!actor.userId) return false;
  const [m] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, actor.orgId),
        eq(memberships.userId, actor.userId),
        eq(memberships.status, 'active'),
      ),
    );
  return m ? permissionsOf(m.role).has(permission) : false;
}

export async function localeOf(db: Executor, userId: string): Promise<'de' | 'en'> {
  const [u] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return u?.locale === 'en' ? 'en' : 'de';
}

/** Everybody who is or will be a member (invited or active), for the compliance overview. */
export async function listPeople(db: Executor, orgId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      status: memberships.status,
      departmentName: departments.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(and(eq(memberships.orgId, orgId), ne(memberships.status, 'deactivated')))
    .orderBy(asc(users.name));
}
