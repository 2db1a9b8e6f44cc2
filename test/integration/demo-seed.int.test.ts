import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPosts } from '../../src/modules/publishing/demo-posts.ts';
import { sendTarget } from '../../src/modules/publishing/send-batch.ts';
import { DEMO_DOMAIN, DEMO_USERS, seedDemoIfEmpty } from '../../src/seed-demo.ts';
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
    expect(await seedDemoIfEmpty(t.ctx, 'another password')).toBeNull();
    expect(await seedDemoIfEmpty(t.ctx, 'another password')).toBeNull();
    expect(await count()).toBe(before);
  });

  it('shows a new user posts in every stage: published, scheduled into the plan, awaiting approval', async () => {
    await seedDemoPosts(t.ctx, t.orgs.demo, DEMO_DOMAIN);
    const s = await t.signIn(t.emailOf('admin'));
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/posts', headers: s.headers })).json()
      .items as { id: string; status: string; baseText: string }[];
    const byStart = (start: string) => list.find((p) => p.baseText.startsWith(start))!;
    expect(byStart('Ab heute').status).toBe('scheduled');
    expect(byStart('Unser neues Serviceportal').status).toBe('scheduled');
    expect(byStart('Wir suchen Verstärkung').status).toBe('in_review');

    // The welcome post is due at once; the worker's send publishes it on the sandbox network.
    const welcome = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/posts/${byStart('Ab heute').id}`,
        headers: s.headers,
      })
    ).json();
    await sendTarget(t.ctx, welcome.targets[0].id);
    const published = (
      await t.app.inject({ method: 'GET', url: `/api/v1/posts/${welcome.id}`, headers: s.headers })
    ).json();
    expect(published.status).toBe('published');
    expect(published.targets[0].remoteUrl).toMatch(/@beispiel\//);

    // The launch post waits for a slot of the channel's plan (weekdays 09:00, 12:30, 16:00 in Berlin).
    const launch = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/posts/${byStart('Unser neues Serviceportal').id}`,
        headers: s.headers,
      })
    ).json();
    const due = new Date(launch.targets[0].scheduledAt);
    expect(due.getTime()).toBeGreaterThan(Date.now());
    const berlin = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    }).format(due);
    expect(berlin).toMatch(/^(Mon|Tue|Wed|Thu|Fri) (09:00|12:30|16:00)$/);

    // The admin is asked to approve the job post, and is mentioned in its comment.
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/v1/posts?awaitingMyApproval=true', headers: s.headers })
    ).json().items as { baseText: string }[];
    expect(mine.map((p) => p.baseText.slice(0, 22))).toEqual(['Wir suchen Verstärkung']);
    const job = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/posts/${byStart('Wir suchen Verstärkung').id}`,
        headers: s.headers,
      })
    ).json();
    expect(job.comments[0].body).toMatch(/bitte bis Freitag freigeben/);
  });
});
