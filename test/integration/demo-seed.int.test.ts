import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemoIfEmpty } from '../../src/seed-demo.ts';
import { createTestApp, PASSWORD, type TestApp } from '../app.ts';

describe('demo organisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has the seven departments and a user per role, each able to sign in', async () => {
    const depts = await t.ctx.db.execute<{ name: string }>(
      sql`select name from departments where org_id = ${t.orgs.demo} order by name`,
    );
    expect(depts.rows.map((d) => d.name)).toEqual([
      'Geschäftsführung',
      'IT',
      'Marketing',
      'PR',
      'Personal (HR)',
      'Service',
      'Vertrieb',
    ]);
    for (const u of DEMO_USERS) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: t.emailOf(u.role), password: PASSWORD },
      });
      expect(res.statusCode, u.role).toBe(200);
      expect(res.json().role).toBe(u.role);
    }
  });

  it('counts the members of each department', async () => {
    const s = await t.signIn(t.emailOf('viewer'));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: s.headers });
    const counts = Object.fromEntries(
      res.json().items.map((d: { name: string; memberCount: number }) => [d.name, d.memberCount]),
    );
    expect(counts).toMatchObject({ Geschäftsführung: 2, IT: 1, Marketing: 1, PR: 0, Vertrieb: 1 });
  });

  it('is seeded only once, however often Chorus starts', async () => {
    const count = async () =>
      (await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from users`)).rows[0]!.n;
    const before = await count();
    expect(await seedDemoIfEmpty(t.ctx, 'another password')).toBe(false);
    expect(await seedDemoIfEmpty(t.ctx, 'another password')).toBe(false);
    expect(await count()).toBe(before);
  });
});
