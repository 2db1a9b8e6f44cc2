import { eq } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Context, type ContextOverrides, createContext } from '../src/context.ts';
import { rightAnswers } from '../src/modules/governance/demo-training.ts';
import { acknowledgementOf, currentGuideline } from '../src/modules/governance/guideline-documents.ts';
import { listTrainings } from '../src/modules/governance/training.ts';
import { createOrganisation } from '../src/modules/identity/organisations.ts';
import { ROLES, type Role } from '../src/modules/identity/roles.ts';
import { hashPassword } from '../src/platform/crypto.ts';
import { guidelineAcknowledgements, trainingCompletions } from '../src/platform/db/schema/governance.ts';
import { memberships, users } from '../src/platform/db/schema/identity.ts';
import type { App } from '../src/platform/http/server.ts';
import { createLogger } from '../src/platform/log.ts';
import { DEMO_DOMAIN, DEMO_USERS, seedDemoIfEmpty } from '../src/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { createCapturingMailer } from './fakes/capturing-mailer.ts';

export const PASSWORD = 'correct horse battery';

export interface TestApp {
  app: App;
  ctx: Context;
  db: TestDatabase;
  mail: ReturnType<typeof createCapturingMailer>;
  /** Organisation ids: the demo one and a second one with one user per role, to prove isolation. */
  orgs: { demo: string; other: string };
  emailOf(role: Role, org?: 'demo' | 'other'): string;
  signIn(email: string): Promise<Session>;
  /** The person acknowledges the current guideline and passes every training (as the web app would). */
  grantPostingRights(email: string): Promise<void>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a cookie-authenticated request, with the CSRF token for writes. */
  headers: Record<string, string>;
}

/** The real app on a real database of its own, with the demo organisation and a second organisation. */
export async function createTestApp(
  env: Record<string, string> = {},
  overrides: Pick<ContextOverrides, 'connectors' | 'sandbox'> = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    CHORUS_DATA_DIR: db.dataDir,
    CHORUS_WEB_DIR: '/nonexistent',
    CHORUS_SIGN_IN_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  const mail = createCapturingMailer();
  const ctx = await createContext(config, {
    ...overrides,
    database: db,
    log: createLogger('silent'),
    mailer: mail,
  });
  await ctx.events.start();
  // The queue takes jobs (publishing enqueues sends); tests run the handlers themselves where they need them.
  await ctx.queue.start();
  await seedDemoIfEmpty(ctx, PASSWORD);
  const other = await ctx.db.transaction(async (tx) => {
    const { org } = await createOrganisation(tx, {
      name: 'Andere AG',
      slug: 'andere',
      departments: ['Marketing'],
    });
    const passwordHash = await hashPassword(PASSWORD);
    for (const role of ROLES) {
      const [u] = await tx
        .insert(users)
        .values({ email: `${role}@andere.example`, name: `Andere ${role}`, passwordHash })
        .returning();
      await tx.insert(memberships).values({ orgId: org.id, userId: u!.id, role, status: 'active' });
    }
    return org.id;
  });
  const [demoMember] = await ctx.db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, `admin@${DEMO_DOMAIN}`));
  const app = await buildApp(ctx);
  await app.ready();

  async function signIn(email: string): Promise<Session> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
    const cookies = res.cookies as { name: string; value: string }[];
    const session = cookies.find((c) => c.name === 'chorus_session')!.value;
    const csrf = cookies.find((c) => c.name === 'chorus_csrf')!.value;
    const cookie = `chorus_session=${session}; chorus_csrf=${csrf}`;
    return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
  }

  return {
    app,
    ctx,
    db,
    mail,
    orgs: { demo: demoMember!.orgId, other },
    emailOf(role, org = 'demo') {
      if (org === 'other') return `${role}@andere.example`;
      return `${DEMO_USERS.find((u) => u.role === role)!.local}@${DEMO_DOMAIN}`;
    },
    signIn,
    async grantPostingRights(email) {
      const [member] = await ctx.db
        .select({ userId: users.id, orgId: memberships.orgId })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(eq(users.email, email));
      if (!member) throw new Error(`no member ${email}`);
      const guideline = await currentGuideline(ctx.db, member.orgId);
      if (guideline && !(await acknowledgementOf(ctx.db, member.orgId, member.userId, guideline.version))) {
        await ctx.db.insert(guidelineAcknowledgements).values({
          orgId: member.orgId,
          userId: member.userId,
          documentId: guideline.id,
          version: guideline.version,
        });
      }
      for (const m of await listTrainings(ctx.db, member.orgId, false)) {
        await ctx.db.insert(trainingCompletions).values({
          orgId: member.orgId,
          userId: member.userId,
          moduleId: m.id,
          revision: m.revision,
          score: 100,
          passed: true,
          answers: rightAnswers(m.questions),
        });
      }
    },
    async close() {
      await app.close();
      await ctx.close();
      await db.close();
    },
  };
}
