import fs from 'node:fs/promises';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Context } from './context.ts';
import { recordAudit } from './modules/audit/record-audit.ts';
import { seedGovernance } from './modules/governance/seed-governance.ts';
import { createOrganisation } from './modules/identity/organisations.ts';
import type { Role } from './modules/identity/roles.ts';
import { seedDemoPublishing } from './modules/publishing/demo.ts';
import { hashPassword, randomToken } from './platform/crypto.ts';
import { instanceState, memberships, users } from './platform/db/schema/identity.ts';

export const DEMO_ORG = { name: 'Beispiel GmbH', slug: 'beispiel' };
export const DEMO_DOMAIN = 'beispiel.example';
const SEEDED_KEY = 'demo_seeded_at';

const DEPARTMENTS = [
  'Geschäftsführung',
  'Personal (HR)',
  'Vertrieb',
  'Service',
  'Marketing',
  'PR',
  'IT',
] as const;

export const DEMO_USERS: {
  local: string;
  name: string;
  role: Role;
  department: (typeof DEPARTMENTS)[number] | null;
}[] = [
  { local: 'owner', name: 'Olivia Inhaber', role: 'owner', department: 'Geschäftsführung' },
  { local: 'admin', name: 'Anton Admin', role: 'admin', department: 'IT' },
  { local: 'manager', name: 'Sophie Social', role: 'manager', department: 'Marketing' },
  { local: 'editor', name: 'Emil Redakteur', role: 'editor', department: 'Personal (HR)' },
  { local: 'contributor', name: 'Clara Kollegin', role: 'contributor', department: 'Vertrieb' },
  { local: 'compliance', name: 'Konrad Compliance', role: 'compliance', department: 'Geschäftsführung' },
  { local: 'viewer', name: 'Vera Leser', role: 'viewer', department: 'Service' },
];

/**
 * Seeds "Beispiel GmbH" once per database. The marker row is written in the same transaction as the
 * data, so a crash half-way leaves nothing and the next start seeds again; a second start finds the
 * marker and seeds nothing. Returns the new organisation's id, or null when it was there already.
 */
export async function seedDemoIfEmpty(ctx: Context, password: string): Promise<string | null> {
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('chorus:demo-seed', 0))`);
    const [seeded] = await tx.select().from(instanceState).where(eq(instanceState.key, SEEDED_KEY));
    if (seeded) return null;
    const { org, departments } = await createOrganisation(tx, { ...DEMO_ORG, departments: [...DEPARTMENTS] });
    const deptId = new Map(departments.map((d) => [d.name, d.id]));
    const userIds = new Map<Role, string>();
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          email: `${u.local}@${DEMO_DOMAIN}`,
          name: u.name,
          passwordHash,
          locale: 'de',
          timeZone: 'Europe/Berlin',
        })
        .returning();
      await tx.insert(memberships).values({
        orgId: org.id,
        userId: row!.id,
        role: u.role,
        departmentId: u.department ? (deptId.get(u.department) ?? null) : null,
        status: 'active',
      });
      userIds.set(u.role, row!.id);
    }
    await seedDemoPublishing(
      ctx,
      tx,
      org,
      {
        managerId: userIds.get('manager')!,
        editorId: userIds.get('editor')!,
        contributorId: userIds.get('contributor')!,
      },
      deptId,
    );
    await recordAudit(
      tx,
      { orgId: org.id, userId: null, label: 'Chorus demo', via: 'system' },
      {
        action: 'organisation.created',
        targetType: 'organisation',
        targetLabel: org.name,
        targetId: org.id,
        summary: { after: { name: org.name, demo: true } },
      },
    );
    // Some people have acknowledged the guideline and passed the training, others not yet: every
    // governance page has something to show, and the editor can be brought to full posting rights.
    await seedGovernance(tx, {
      orgId: org.id,
      hrDepartmentId: deptId.get('Personal (HR)')!,
      compliant: (['owner', 'manager', 'compliance'] as const).map((r) => userIds.get(r)!),
      trainedOnly: [userIds.get('editor')!],
    });
    await tx.insert(instanceState).values({ key: SEEDED_KEY, value: new Date().toISOString() });
    return org.id;
  });
}

/**
 * The demo password: CHORUS_DEMO_PASSWORD when given, otherwise generated once and kept in the data
 * directory (mode 0600) so every start can print how to sign in.
 */
export async function demoPassword(dataDir: string, given?: string): Promise<string> {
  if (given) return given;
  const file = path.join(dataDir, 'demo-password.txt');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const pw = randomToken(12);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await fs.writeFile(file, `${pw}\n`, { mode: 0o600 });
  return pw;
}
