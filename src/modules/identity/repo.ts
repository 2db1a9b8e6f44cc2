import { and, asc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import {
  apiTokens,
  departments,
  memberships,
  organisations,
  sessions,
  users,
} from '../../platform/db/schema/identity.ts';
import { ssoConfigs, ssoDomains } from '../../platform/db/schema/sso.ts';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type SsoConfig = typeof ssoConfigs.$inferSelect & { domains: string[] };

export interface MemberView {
  id: string;
  email: string;
  name: string;
  role: string;
  departmentId: string | null;
  departmentName: string | null;
  status: string;
  createdAt: Date;
}

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  departmentId: memberships.departmentId,
  departmentName: departments.name,
  status: memberships.status,
  createdAt: memberships.createdAt,
};

export async function listMembers(
  db: Executor,
  orgId: string,
  filter: { q?: string; status?: string },
): Promise<MemberView[]> {
  const c = [eq(memberships.orgId, orgId)];
  if (filter.status) c.push(eq(memberships.status, filter.status));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(and(...c))
    .orderBy(asc(users.name));
}

export async function findMember(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<MemberView | undefined> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

export async function findUser(db: Executor, userId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

/** The membership a sign-in opens: the user's first active one. */
export async function activeMembershipOf(db: Executor, userId: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row;
}

export async function findDepartment(
  db: Executor,
  orgId: string,
  id: string,
): Promise<DepartmentRow | undefined> {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.orgId, orgId), eq(departments.id, id)));
  return row;
}

export async function listDepartments(db: Executor, orgId: string) {
  return db
    .select({
      id: departments.id,
      name: departments.name,
      description: departments.description,
      createdAt: departments.createdAt,
      // Spelled out: inside a sub-select Drizzle would render the outer column unqualified.
      memberCount: sql<number>`(select count(*)::int from memberships m where m.department_id = "departments"."id" and m.status <> 'deactivated')`,
    })
    .from(departments)
    .where(eq(departments.orgId, orgId))
    .orderBy(asc(departments.name));
}

export async function findOrganisation(db: Executor, orgId: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  return row;
}

export async function findOrganisationBySlug(
  db: Executor,
  slug: string,
): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  return row;
}

export async function countOwners(db: Executor, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner'), eq(memberships.status, 'active')),
    );
  return row?.n ?? 0;
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

export async function listTokens(db: Executor, orgId: string, userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId)))
    .orderBy(asc(apiTokens.createdAt));
}

/** The membership of one user in one organisation, whatever its status. */
export async function findMembership(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row;
}

async function withDomains(
  db: Executor,
  row: typeof ssoConfigs.$inferSelect | undefined,
): Promise<SsoConfig | undefined> {
  if (!row) return undefined;
  const domains = await db
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(eq(ssoDomains.orgId, row.orgId))
    .orderBy(asc(ssoDomains.domain));
  return { ...row, domains: domains.map((d) => d.domain) };
}

export async function findSsoConfig(db: Executor, orgId: string): Promise<SsoConfig | undefined> {
  const [row] = await db.select().from(ssoConfigs).where(eq(ssoConfigs.orgId, orgId));
  return withDomains(db, row);
}

/** Across organisations on purpose: sign-in starts from an e-mail address, before any organisation is known. */
export async function findSsoConfigByDomain(db: Executor, domain: string): Promise<SsoConfig | undefined> {
  const [row] = await db
    .select({ config: ssoConfigs })
    .from(ssoDomains)
    .innerJoin(ssoConfigs, eq(ssoConfigs.orgId, ssoDomains.orgId))
    .where(eq(ssoDomains.domain, domain.toLowerCase()));
  return withDomains(db, row?.config);
}

/** Which of these domains another organisation's SSO already covers. */
export async function ssoDomainsOfOthers(db: Executor, orgId: string, domains: string[]): Promise<string[]> {
  if (domains.length === 0) return [];
  const rows = await db
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(and(inArray(ssoDomains.domain, domains), ne(ssoDomains.orgId, orgId)));
  return rows.map((r) => r.domain);
}
