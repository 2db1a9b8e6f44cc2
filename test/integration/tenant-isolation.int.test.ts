import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { ONE_PIXEL_PNG } from './publishing-scenarios.ts';
import { multipartFile } from './requests-scenarios.ts';

/** One organisation never sees or changes another's data, whatever ids it puts into a URL. */
describe('tenant isolation', () => {
  let t: TestApp;
  let demoUserId: string;
  let demoDeptId: string;
  let demoTokenId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const demoAdmin = await t.signIn(t.emailOf('admin'));
    demoUserId = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: demoAdmin.headers })
    ).json().items[0].id;
    demoDeptId = (
      await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: demoAdmin.headers })
    ).json().items[0].id;
    demoTokenId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/tokens',
        headers: demoAdmin.headers,
        payload: { name: 'demo token', scopes: ['users.read'] },
      })
    ).json().token.id;
  });
  afterAll(() => t.close());

  it('lists only the own organisation’s users, departments and audit entries', async () => {
    const other = await t.signIn(t.emailOf('owner', 'other'));
    const users = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: other.headers })).json()
      .items;
    expect(users.length).toBe(7);
    expect(users.every((u: { email: string }) => u.email.endsWith('@andere.example'))).toBe(true);
    const depts = (
      await t.app.inject({ method: 'GET', url: '/api/v1/departments', headers: other.headers })
    ).json().items;
    expect(depts.map((d: { name: string }) => d.name)).toEqual(['Marketing']);
    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=200', headers: other.headers })
    ).json().items;
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e: { actorLabel: string }) => !e.actorLabel.includes('beispiel.example'))).toBe(true);
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/export?format=jsonl',
      headers: other.headers,
    });
    expect(exported.body).not.toContain('beispiel.example');
  });

  it('answers 404 for another organisation’s ids and changes nothing', async () => {
    const other = await t.signIn(t.emailOf('owner', 'other'));
    const before = await t.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where org_id = ${t.orgs.demo}`,
    );
    const attempts = [
      { method: 'GET', url: `/api/v1/users/${demoUserId}` },
      { method: 'PATCH', url: `/api/v1/users/${demoUserId}`, payload: { status: 'deactivated' } },
      { method: 'PATCH', url: `/api/v1/users/${demoUserId}`, payload: { role: 'viewer' } },
      { method: 'PATCH', url: `/api/v1/departments/${demoDeptId}`, payload: { name: 'Übernommen' } },
      { method: 'DELETE', url: `/api/v1/me/tokens/${demoTokenId}` },
    ] as const;
    for (const a of attempts) {
      const res = await t.app.inject({
        method: a.method,
        url: a.url,
        headers: other.headers,
        payload: 'payload' in a ? a.payload : undefined,
      });
      expect(res.statusCode, `${a.method} ${a.url}`).toBe(404);
    }
    const demoAdmin = await t.signIn(t.emailOf('admin'));
    const user = (
      await t.app.inject({ method: 'GET', url: `/api/v1/users/${demoUserId}`, headers: demoAdmin.headers })
    ).json();
    expect(user.status).toBe('active');
    const tokens = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: demoAdmin.headers })
    ).json().items;
    expect(tokens.find((x: { id: string }) => x.id === demoTokenId).revokedAt).toBeNull();
    const after = await t.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where org_id = ${t.orgs.demo}`,
    );
    // Only the demo admin's sign-in above was recorded in the demo organisation.
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1);
  });

  it('refuses to put a user into another organisation’s department', async () => {
    const other = await t.signIn(t.emailOf('admin', 'other'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: other.headers,
      payload: { email: 'x@andere.example', name: 'X', role: 'viewer', departmentId: demoDeptId },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('department_not_found');
  });

  it('keeps guidelines, rules, training, the review queue and the self-check to their organisation', async () => {
    const demo = await t.signIn(t.emailOf('compliance'));
    const other = await t.signIn(t.emailOf('compliance', 'other'));
    const get = (s: { headers: Record<string, string> }, url: string) =>
      t.app.inject({ method: 'GET', url, headers: s.headers });
    // Something of the demo organisation's in each place.
    const override = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/overrides',
      headers: demo.headers,
      payload: {
        subjectType: 'post',
        subjectId: 'iso-1',
        subjectLabel: 'Beispiel intern',
        text: 'Projekt Nordlicht kommt',
        reason: 'Ankündigung ist freigegeben.',
      },
    });
    expect(override.statusCode).toBe(201);
    const reviewItemId = override.json().id;
    const demoTraining = (await get(demo, '/api/v1/guidelines/training')).json().items[0].id;
    const answers = Object.fromEntries(
      (await get(demo, '/api/v1/guidelines/readiness'))
        .json()
        .questionnaire.areas.flatMap((a: { questions: { id: string }[] }) =>
          a.questions.map((q) => [q.id, 3]),
        ),
    );
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/guidelines/readiness',
          headers: demo.headers,
          payload: { answers },
        })
      ).statusCode,
    ).toBe(201);

    expect((await get(other, '/api/v1/guidelines/policy')).json().current).toBeNull();
    expect((await get(other, '/api/v1/guidelines/policy/versions')).json().items).toEqual([]);
    expect((await get(other, '/api/v1/guidelines/policy/versions/1')).statusCode).toBe(404);
    expect((await get(other, '/api/v1/guidelines/document')).json()).toEqual({
      current: null,
      acknowledgedAt: null,
    });
    expect((await get(other, '/api/v1/guidelines/document/versions')).json().items).toEqual([]);
    expect((await get(other, '/api/v1/guidelines/document/versions/1')).statusCode).toBe(404);
    expect((await get(other, '/api/v1/guidelines/training?archived=true')).json().items).toEqual([]);
    expect((await get(other, `/api/v1/guidelines/training/${demoTraining}`)).statusCode).toBe(404);
    expect((await get(other, '/api/v1/guidelines/review-queue?status=all')).json().items).toEqual([]);
    expect((await get(other, '/api/v1/guidelines/readiness')).json()).toMatchObject({
      latest: null,
      history: [],
    });
    const report = (await get(other, '/api/v1/guidelines/compliance')).json();
    expect(report).toMatchObject({ currentVersion: null, trainings: [] });
    expect(report.people.every((p: { email: string }) => p.email.endsWith('@andere.example'))).toBe(true);
    expect((await get(other, '/api/v1/guidelines/compliance/export')).body).not.toContain('beispiel.example');
    // The other organisation has no rules of its own: the demo's code names do not apply to it.
    const checked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/check',
      headers: other.headers,
      payload: { text: 'Projekt Nordlicht kommt' },
    });
    expect(checked.json()).toMatchObject({ policyVersion: 0, findings: [] });

    const writes = [
      {
        method: 'POST',
        url: `/api/v1/guidelines/review-queue/${reviewItemId}/review`,
        payload: { note: 'x' },
      },
      {
        method: 'POST',
        url: `/api/v1/guidelines/training/${demoTraining}/attempts`,
        payload: { answers: {} },
      },
      {
        method: 'PUT',
        url: `/api/v1/guidelines/training/${demoTraining}`,
        payload: { title: { de: 'x', en: 'x' } },
      },
    ] as const;
    for (const w of writes) {
      const res = await t.app.inject({
        method: w.method,
        url: w.url,
        headers: other.headers,
        payload: w.payload,
      });
      expect([400, 404], `${w.method} ${w.url}`).toContain(res.statusCode);
    }
    const owner = await t.signIn(t.emailOf('owner', 'other'));
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/guidelines/training/${demoTraining}`,
      headers: owner.headers,
      payload: {
        title: { de: 'Übernommen', en: 'Taken' },
        summary: { de: '', en: '' },
        content: { de: 'x', en: 'x' },
        questions: [
          {
            id: 'q',
            kind: 'single',
            prompt: { de: 'q', en: 'q' },
            options: [
              { id: 'a', text: { de: 'a', en: 'a' }, correct: true },
              { id: 'b', text: { de: 'b', en: 'b' }, correct: false },
            ],
          },
        ],
        passMark: 50,
        requiredFor: { company: false, personal: false },
      },
    });
    expect(put.statusCode).toBe(404);
    const item = (await get(demo, '/api/v1/guidelines/review-queue')).json().items[0];
    expect(item).toMatchObject({ id: reviewItemId, reviewedAt: null });
    expect((await get(demo, `/api/v1/guidelines/training/${demoTraining}`)).json().title.de).toBe(
      'Vertrauliche Daten',
    );
  });

  it('keeps requests, their threads and attachments to their organisation', async () => {
    const demo = await t.signIn(t.emailOf('contributor'));
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: demo.headers,
      payload: { type: 'question', title: 'Interne Frage', fields: { question: 'Geheim?' } },
    });
    expect(filed.statusCode).toBe(201);
    const requestId = filed.json().id;
    const { body, contentType } = multipartFile(ONE_PIXEL_PNG, 'x.png');
    const attached = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/attachments`,
      headers: { ...demo.headers, 'content-type': contentType },
      payload: body,
    });
    expect(attached.statusCode).toBe(201);
    const attachmentId = attached.json().id;

    const other = await t.signIn(t.emailOf('owner', 'other'));
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/requests?scope=all',
      headers: other.headers,
    });
    expect(list.json().items).toEqual([]);
    const assignees = await t.app.inject({
      method: 'GET',
      url: '/api/v1/requests/assignees',
      headers: other.headers,
    });
    expect(assignees.json().items.length).toBeGreaterThan(0);
    expect(JSON.stringify(assignees.json())).not.toContain('Beispiel');
    const attempts = [
      { method: 'GET', url: `/api/v1/requests/${requestId}` },
      { method: 'GET', url: `/api/v1/requests/${requestId}/attachments/${attachmentId}` },
      {
        method: 'PATCH',
        url: `/api/v1/requests/${requestId}`,
        payload: { status: 'declined', declineReason: 'x' },
      },
      { method: 'POST', url: `/api/v1/requests/${requestId}/messages`, payload: { body: 'übernommen' } },
      { method: 'POST', url: `/api/v1/requests/${requestId}/post` },
    ] as const;
    for (const a of attempts) {
      const res = await t.app.inject({
        method: a.method,
        url: a.url,
        headers: other.headers,
        payload: 'payload' in a ? a.payload : undefined,
      });
      expect(res.statusCode, `${a.method} ${a.url}`).toBe(404);
    }
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/v1/requests/${requestId}`, headers: demo.headers })
    ).json();
    expect(after).toMatchObject({ status: 'new', messages: [], postId: null });
  });

  it('never shows or changes another organisation’s saved searches, matches or alert rules', async () => {
    const demo = await t.signIn(t.emailOf('admin'));
    const other = await t.signIn(t.emailOf('owner', 'other'));
    const call = (s: typeof demo, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
    const search = (
      await call(demo, 'POST', '/listening/searches', { name: 'Geheim', query: 'Geheimprojekt' })
    ).json();
    const rule = (
      await call(demo, 'POST', `/listening/searches/${search.id}/rules`, {
        name: 'R',
        kind: 'every_match',
        emails: ['presse@beispiel.example'],
      })
    ).json();
    expect((await call(other, 'GET', '/listening/searches')).json().items).toEqual([]);
    for (const [method, url] of [
      ['GET', `/listening/searches/${search.id}`],
      ['GET', `/listening/searches/${search.id}/matches`],
      ['GET', `/listening/searches/${search.id}/rules/${rule.id}/alerts`],
      ['DELETE', `/listening/searches/${search.id}/rules/${rule.id}`],
      ['DELETE', `/listening/searches/${search.id}`],
    ] as const) {
      expect((await call(other, method, url)).statusCode, `${method} ${url}`).toBe(404);
    }
    // An own search cannot take a rule of another organisation's search by naming its id.
    const own = (await call(other, 'POST', '/listening/searches', { name: 'Eigen', query: 'x' })).json();
    const moved = await call(other, 'PUT', `/listening/searches/${own.id}/rules/${rule.id}`, {
      name: 'Übernommen',
      kind: 'every_match',
      emails: ['x@andere.example'],
    });
    expect(moved.statusCode).toBe(404);
    expect((await call(demo, 'GET', `/listening/searches/${search.id}/rules`)).json().items[0].name).toBe(
      'R',
    );
  });

  it('every table with an org_id column is covered by an organisation filter in the schema', async () => {
    // A structural guard for later modules: org-owned tables must carry org_id NOT NULL.
    const cols = await t.ctx.db.execute<{ table_name: string; is_nullable: string }>(
      sql`select table_name, is_nullable from information_schema.columns where table_schema = 'public' and column_name = 'org_id'`,
    );
    expect(cols.rows.length).toBeGreaterThan(4);
    for (const c of cols.rows) expect(c.is_nullable, c.table_name).toBe('NO');
  });
  it('keeps webhooks, their deliveries and their live topic to their organisation', async () => {
    const demoAdmin = await t.signIn(t.emailOf('admin'));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/webhooks',
      headers: demoAdmin.headers,
      payload: { name: 'Demo tickets', url: 'https://tickets.example.com/hook', eventTypes: ['test.ping'] },
    });
    const id = created.json().endpoint.id as string;
    const other = await t.signIn(t.emailOf('owner', 'other'));
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/integrations/webhooks',
      headers: other.headers,
    });
    expect(list.json().items).toEqual([]);
    for (const [method, url] of [
      ['GET', `/api/v1/integrations/webhooks/${id}`],
      ['GET', `/api/v1/integrations/webhooks/${id}/deliveries`],
      ['PATCH', `/api/v1/integrations/webhooks/${id}`],
      ['DELETE', `/api/v1/integrations/webhooks/${id}`],
      ['POST', `/api/v1/integrations/webhooks/${id}/test`],
      ['POST', `/api/v1/integrations/webhooks/${id}/secret`],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: other.headers,
        payload: method === 'PATCH' ? { enabled: false } : undefined,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const presence = await t.app.inject({
      method: 'POST',
      url: '/api/v1/live/presence',
      headers: other.headers,
      payload: { topic: `webhook-endpoint:${id}`, state: 'viewing' },
    });
    expect(presence.statusCode).toBe(403);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/integrations/webhooks/${id}`,
      headers: demoAdmin.headers,
    });
    expect(after.json()).toMatchObject({ enabled: true, name: 'Demo tickets' });
  });
});
