import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../app.ts';

async function auditCount(t: TestApp): Promise<number> {
  const r = await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`);
  return r.rows[0]!.n;
}

/** Each mistake gets the right 4xx as problem+json with a clear message, and changes nothing. */
describe('bad input', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    // No principal cache here, so a session expired in the database is refused at once.
    t = await createTestApp({ CHORUS_AUTH_CACHE_MS: '0' });
    admin = await t.signIn(t.emailOf('admin'));
  });
  afterAll(() => t.close());

  const expectProblem = (
    res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    const body = res.json() as { status: number; code: string; title: string; detail: string; type: string };
    expect(body).toMatchObject({ status, code });
    expect(body.detail.length).toBeGreaterThan(10);
    expect(body.type).toMatch(/^urn:chorus:problem:/);
    return body;
  };

  it('a 10 MB JSON body: 413', async () => {
    const before = await auditCount(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x', description: 'y'.repeat(10 * 1024 * 1024) }),
    });
    expectProblem(res, 413, 'body_too_large');
    expect(await auditCount(t)).toBe(before);
  });

  it('malformed JSON: 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"name": "Vertrieb Süd",',
    });
    expectProblem(res, 400, 'malformed_json');
  });

  it('unknown fields: 400 naming the field, in German when asked', async () => {
    const before = await auditCount(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { ...admin.headers, 'accept-language': 'de' },
      payload: { name: 'Einkauf', budget: 1000 },
    });
    const body = expectProblem(res, 400, 'validation_failed') as unknown as {
      title: string;
      errors: { message: string }[];
    };
    expect(body.title).toBe('Eingaben ungültig');
    expect(body.errors[0]!.message).toMatch(/budget/);
    expect(await auditCount(t)).toBe(before);
  });

  it('a viewer calling an admin route: 403', async () => {
    const viewer = await t.signIn(t.emailOf('viewer'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: viewer.headers,
      payload: { email: 'a@b.example', name: 'A', role: 'admin' },
    });
    expectProblem(res, 403, 'forbidden');
  });

  it('an expired session: 401', async () => {
    const s = await t.signIn(t.emailOf('editor'));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(200);
    await t.ctx.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where user_id = (select id from users where email = ${t.emailOf('editor')})`,
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expectProblem(res, 401, 'unauthenticated');
  });

  it('an unknown API route: 404 problem, not the web app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expectProblem(res, 404, 'route_not_found');
  });

  it('an invalid id in the URL: 400, not 500', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/not-a-uuid',
      headers: admin.headers,
    });
    expectProblem(res, 400, 'validation_failed');
  });

  it('a wrong content type: 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { ...admin.headers, 'content-type': 'text/xml' },
      payload: '<name>x</name>',
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('the guideline check: a megabyte of text 413, a catastrophic pattern 422 naming the rule', async () => {
    const viewer = await t.signIn(t.emailOf('viewer'));
    const long = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/check',
      headers: viewer.headers,
      payload: { text: 'ä'.repeat(450_000) },
    });
    expectProblem(long, 413, 'text_too_long');
    const odd = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/check',
      headers: viewer.headers,
      payload: { text: '\uD83D\u200B\u200B\uFEFF'.repeat(10_000), network: 'x' },
    });
    expect(odd.statusCode).toBe(200);
    const before = await auditCount(t);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/guidelines/policy',
      headers: { ...admin.headers, 'accept-language': 'de' },
      payload: { policy: { patterns: [{ id: 'kundennummer', severity: 'block', pattern: '(\\d+)+x' }] } },
    });
    const body = expectProblem(bad, 422, 'policy_invalid');
    expect(body.detail).toContain('Regel „patterns.kundennummer“');
    const kind = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/guidelines/policy',
      headers: admin.headers,
      payload: { policy: { sentiment: [{ id: 'x' }] } },
    });
    expect(expectProblem(kind, 422, 'policy_invalid').detail).toContain('sentiment');
    const notObject = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/guidelines/policy',
      headers: admin.headers,
      payload: { policy: 'rules' },
    });
    expectProblem(notObject, 422, 'policy_invalid');
    const version = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/document/acknowledgements',
      headers: viewer.headers,
      payload: { version: 'eins' },
    });
    expectProblem(version, 400, 'validation_failed');
    expect(await auditCount(t)).toBe(before);
  });

  it('a webhook to a private address or over plain http: 422 naming the reason, in German when asked', async () => {
    for (const [url, reason] of [
      ['https://169.254.169.254/latest/meta-data', 'loopback and private-network addresses are refused'],
      ['https://127.0.0.1:5432/', 'loopback and private-network addresses are refused'],
      ['https://localhost/hook', 'loopback and private-network addresses are refused'],
      ['http://tickets.example.com/hook', 'https:// required'],
      ['https://user:pw@tickets.example.com/hook', 'user info in the URL'],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/integrations/webhooks',
        headers: { ...admin.headers, 'accept-language': 'de' },
        payload: { name: 'Bad', url, eventTypes: ['test.ping'] },
      });
      const body = expectProblem(res, 422, 'webhook_url_not_allowed');
      expect(body.detail).toContain(reason!);
      expect(body.title).toBe('Adresse nicht erlaubt');
    }
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/integrations/webhooks',
      headers: admin.headers,
    });
    expect(list.json().items).toEqual([]);
  });

  it('too many sign-in attempts from one address: 429 with Retry-After', async () => {
    const limited = await createTestApp({ CHORUS_SIGN_IN_LIMIT_PER_MINUTE: '3' });
    try {
      let last = { statusCode: 0, headers: {} as Record<string, unknown>, json: () => ({}) as unknown };
      for (let i = 0; i < 4; i++) {
        last = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: 'nobody@x.example', password: 'whatever' },
        });
      }
      expectProblem(last, 429, 'rate_limited');
      expect(last.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
