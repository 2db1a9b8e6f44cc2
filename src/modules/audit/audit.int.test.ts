import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { verifyChain } from './verify-chain.ts';

describe('audit log', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn(t.emailOf('admin'));
  });
  afterAll(() => t.close());

  const get = async (url: string, s: Session = admin) =>
    (await t.app.inject({ method: 'GET', url, headers: s.headers })).json();

  it('records every write with actor, action, target, before/after and request id', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { ...admin.headers, 'x-request-id': 'req-dept-create-1' },
      payload: { name: 'Einkauf', description: 'Beschaffung' },
    });
    expect(created.statusCode).toBe(201);
    const dept = created.json();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/departments/${dept.id}`,
      headers: admin.headers,
      payload: { name: 'Einkauf & Logistik' },
    });
    const { items } = await get('/api/v1/audit?limit=5');
    const [update, create] = items;
    expect(update).toMatchObject({
      action: 'department.updated',
      targetType: 'department',
      targetId: dept.id,
      actorLabel: 'Anton Admin <admin@beispiel.example>',
      summary: { before: { name: 'Einkauf' }, after: { name: 'Einkauf & Logistik' } },
    });
    expect(create).toMatchObject({ action: 'department.created', requestId: 'req-dept-create-1' });
    expect(update.seq).toBe(create.seq + 1);
    expect(update.prevHash).toBe(create.hash);
  });

  it('filters by person, action and time, and pages with a cursor', async () => {
    const me = await get('/api/v1/me');
    const byAdmin = await get(`/api/v1/audit?actorId=${me.user.id}&limit=200`);
    expect(byAdmin.items.length).toBeGreaterThan(0);
    expect(byAdmin.items.every((e: { actorId: string }) => e.actorId === me.user.id)).toBe(true);
    const signIns = await get('/api/v1/audit?action=auth.signed_in&limit=200');
    expect(signIns.items.every((e: { action: string }) => e.action === 'auth.signed_in')).toBe(true);
    const future = await get(
      `/api/v1/audit?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`,
    );
    expect(future.items).toEqual([]);
    const past = await get(
      `/api/v1/audit?to=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`,
    );
    expect(past.items).toEqual([]);

    const page1 = await get('/api/v1/audit?limit=2');
    expect(page1.items).toHaveLength(2);
    const page2 = await get(`/api/v1/audit?limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items[0].seq).toBe(page1.items[1].seq - 1);
    const actions = await get('/api/v1/audit/actions');
    expect(actions.items).toEqual(expect.arrayContaining(['auth.signed_in', 'department.created']));
  });

  it('exports CSV and JSON Lines, neutralising spreadsheet formulas', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: admin.headers,
      payload: { name: '=HYPERLINK("http://evil.example")', description: '' },
    });
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/export?format=csv',
      headers: admin.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="chorus-audit-.*\.csv"/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'seq,at,actorId,actorLabel,action,targetType,targetId,targetLabel,summary,requestId,ip,prevHash,hash',
    );
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const jsonl = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/export?format=jsonl&action=department.created',
      headers: admin.headers,
    });
    const entries = jsonl.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((e: { action: string }) => e.action === 'department.created')).toBe(true);
    // Exporting is itself recorded.
    const last = await get('/api/v1/audit?limit=1');
    expect(last.items[0].action).toBe('audit.exported');
  });

  it('detects a changed entry and a removed entry', async () => {
    expect(await get('/api/v1/audit/verify')).toMatchObject({ ok: true, brokenAtSeq: null });
    const { items } = await get('/api/v1/audit?limit=200');
    const victim = items[Math.floor(items.length / 2)];
    await t.ctx.db.execute(
      sql`update audit_log set summary = '{"after":{"name":"harmlos"}}'::jsonb where org_id = ${t.orgs.demo} and seq = ${victim.seq}`,
    );
    expect(await verifyChain(t.ctx.db, t.orgs.demo)).toMatchObject({
      ok: false,
      brokenAtSeq: victim.seq,
      reason: 'hash',
    });
    const other = await verifyChain(t.ctx.db, t.orgs.other);
    expect(other.ok).toBe(true);

    await t.ctx.db.execute(
      sql`update audit_log set summary = ${JSON.stringify(victim.summary)}::jsonb where org_id = ${t.orgs.demo} and seq = ${victim.seq}`,
    );
    expect((await verifyChain(t.ctx.db, t.orgs.demo)).ok).toBe(true);
    await t.ctx.db.execute(sql`delete from audit_log where org_id = ${t.orgs.demo} and seq = ${victim.seq}`);
    const report = await get('/api/v1/audit/verify');
    expect(report).toMatchObject({ ok: false, brokenAtSeq: victim.seq + 1, reason: 'gap' });
  });
});
