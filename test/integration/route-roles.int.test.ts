import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/modules/identity/roles.ts';
import { createTestApp, type Session, type TestApp } from '../app.ts';

/**
 * Who may call what, written out by hand: the route × role test compares every registered route with
 * this table, so a new route without an entry, or a permission that lets the wrong role in, fails here.
 * 'public' routes need no sign-in; 'all' means every signed-in role.
 */
const EXPECTED: Record<string, 'public' | 'all' | Role[]> = {
  'POST /api/v1/auth/sign-in': 'public',
  'POST /api/v1/auth/sign-out': 'all',
  'POST /api/v1/auth/sign-out-everywhere': 'all',
  'GET /api/v1/invitations/:token': 'public',
  'POST /api/v1/invitations/:token/accept': 'public',
  'GET /api/v1/me': 'all',
  'PATCH /api/v1/me': 'all',
  'POST /api/v1/me/password': 'all',
  'GET /api/v1/me/tokens': 'all',
  'POST /api/v1/me/tokens': 'all',
  'DELETE /api/v1/me/tokens/:id': 'all',
  'GET /api/v1/roles': 'all',
  'GET /api/v1/users': ['owner', 'admin', 'manager', 'editor', 'compliance'],
  'GET /api/v1/users/:id': ['owner', 'admin', 'manager', 'editor', 'compliance'],
  'POST /api/v1/users': ['owner', 'admin'],
  'PATCH /api/v1/users/:id': ['owner', 'admin'],
  'POST /api/v1/users/:id/invitation': ['owner', 'admin'],
  'GET /api/v1/organisation': 'all',
  'PATCH /api/v1/organisation': ['owner', 'admin'],
  'GET /api/v1/departments': 'all',
  'DELETE /api/v1/departments/:id': ['owner', 'admin'],
  'POST /api/v1/departments': ['owner', 'admin'],
  'PATCH /api/v1/departments/:id': ['owner', 'admin'],
  'GET /api/v1/audit': ['owner', 'admin', 'manager', 'compliance'],
  'GET /api/v1/audit/actions': ['owner', 'admin', 'manager', 'compliance'],
  'GET /api/v1/audit/verify': ['owner', 'admin', 'manager', 'compliance'],
  'GET /api/v1/audit/export': ['owner', 'admin', 'compliance'],
  'GET /api/v1/sso': ['owner', 'admin'],
  'PUT /api/v1/sso': ['owner', 'admin'],
  'DELETE /api/v1/sso': ['owner', 'admin'],
  'POST /api/v1/auth/sso/start': 'public',
  'GET /api/v1/auth/sso/callback': 'public',
  'GET /api/v1/networks': 'all',
  'GET /api/v1/channels': 'all',
  'GET /api/v1/channels/:id': 'all',
  'POST /api/v1/channels': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'PATCH /api/v1/channels/:id': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'DELETE /api/v1/channels/:id': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'POST /api/v1/channels/:id/check': 'all',
  'POST /api/v1/channels/sandbox': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'GET /api/v1/sandbox/accounts': 'all',
  'GET /api/v1/sandbox/accounts/:id/posts': 'all',
  'POST /api/v1/sandbox/posts/:id/engage': 'all',
  'PATCH /api/v1/sandbox/accounts/:id': ['owner', 'admin', 'manager'],
  'POST /api/v1/sandbox/accounts/:id/mentions': 'all',
  'POST /api/v1/sandbox/public-posts': 'all',
  'GET /api/v1/listening/searches': 'all',
  'POST /api/v1/listening/searches': ['owner', 'admin', 'manager', 'editor'],
  'POST /api/v1/listening/query-check': 'all',
  'GET /api/v1/listening/searches/:id': 'all',
  'PUT /api/v1/listening/searches/:id': ['owner', 'admin', 'manager', 'editor'],
  'DELETE /api/v1/listening/searches/:id': ['owner', 'admin', 'manager', 'editor'],
  'POST /api/v1/listening/searches/:id/run': ['owner', 'admin', 'manager', 'editor'],
  'GET /api/v1/listening/searches/:id/matches': 'all',
  'GET /api/v1/listening/searches/:id/stats': 'all',
  'GET /api/v1/listening/searches/:id/rules': 'all',
  'POST /api/v1/listening/searches/:id/rules': ['owner', 'admin', 'manager', 'editor'],
  'PUT /api/v1/listening/searches/:id/rules/:ruleId': ['owner', 'admin', 'manager', 'editor'],
  'DELETE /api/v1/listening/searches/:id/rules/:ruleId': ['owner', 'admin', 'manager', 'editor'],
  'GET /api/v1/listening/searches/:id/rules/:ruleId/alerts': 'all',
  'GET /api/v1/posts': 'all',
  'POST /api/v1/posts': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'GET /api/v1/posts/:id': 'all',
  'PATCH /api/v1/posts/:id': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'DELETE /api/v1/posts/:id': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'POST /api/v1/posts/:id/submit': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'POST /api/v1/posts/:id/approve': ['owner', 'admin', 'manager', 'editor'],
  'POST /api/v1/posts/:id/request-changes': ['owner', 'admin', 'manager', 'editor'],
  'POST /api/v1/posts/:id/schedule': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'POST /api/v1/posts/:id/unschedule': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'PATCH /api/v1/posts/:id/targets/:targetId': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'POST /api/v1/posts/:id/targets/:targetId/resolve': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'POST /api/v1/posts/:id/comments': 'all',
  'POST /api/v1/posts/:id/media': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'GET /api/v1/posts/:id/media/:mediaId': 'all',
  'PATCH /api/v1/posts/:id/media/:mediaId': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'DELETE /api/v1/posts/:id/media/:mediaId': ['owner', 'admin', 'manager', 'editor', 'contributor'],
  'POST /api/v1/posts/:id/metrics': 'all',
  'GET /api/v1/calendar': 'all',
  'GET /api/v1/workflows': 'all',
  'POST /api/v1/workflows': ['owner', 'admin', 'manager'],
  'PATCH /api/v1/workflows/:id': ['owner', 'admin', 'manager'],
  'DELETE /api/v1/workflows/:id': ['owner', 'admin', 'manager'],
  'GET /api/v1/campaigns': 'all',
  'POST /api/v1/campaigns': ['owner', 'admin', 'manager'],
  'PATCH /api/v1/campaigns/:id': ['owner', 'admin', 'manager'],
  'GET /api/v1/notifications': 'all',
  'GET /api/v1/live': 'all',
  'POST /api/v1/live/presence': 'all',
  'GET /api/v1/integrations/webhooks': ['owner', 'admin'],
  'POST /api/v1/integrations/webhooks': ['owner', 'admin'],
  'GET /api/v1/integrations/webhooks/:id': ['owner', 'admin'],
  'PATCH /api/v1/integrations/webhooks/:id': ['owner', 'admin'],
  'DELETE /api/v1/integrations/webhooks/:id': ['owner', 'admin'],
  'POST /api/v1/integrations/webhooks/:id/secret': ['owner', 'admin'],
  'POST /api/v1/integrations/webhooks/:id/test': ['owner', 'admin'],
  'GET /api/v1/integrations/webhooks/:id/deliveries': ['owner', 'admin'],
  'POST /api/v1/notifications/:id/read': 'all',
  'POST /api/v1/notifications/read-all': 'all',
  'POST /api/v1/guidelines/check': 'all',
  'GET /api/v1/guidelines/policy': ['owner', 'admin', 'manager', 'compliance'],
  'PUT /api/v1/guidelines/policy': ['owner', 'admin', 'manager', 'compliance'],
  'GET /api/v1/guidelines/policy/versions': ['owner', 'admin', 'manager', 'compliance'],
  'GET /api/v1/guidelines/policy/versions/:version': ['owner', 'admin', 'manager', 'compliance'],
  'POST /api/v1/guidelines/policy/try': ['owner', 'admin', 'manager', 'compliance'],
  'POST /api/v1/guidelines/overrides': ['owner', 'admin', 'manager', 'compliance'],
  'GET /api/v1/guidelines/templates': ['owner', 'admin', 'manager', 'compliance'],
  'GET /api/v1/guidelines/document': 'all',
  'GET /api/v1/guidelines/document/versions': ['owner', 'admin', 'manager', 'compliance'],
  'GET /api/v1/guidelines/document/versions/:version': ['owner', 'admin', 'manager', 'compliance'],
  'POST /api/v1/guidelines/document/versions': ['owner', 'admin', 'manager', 'compliance'],
  'POST /api/v1/guidelines/document/acknowledgements': 'all',
  'GET /api/v1/guidelines/posting-rights': 'all',
  'GET /api/v1/guidelines/training': 'all',
  'GET /api/v1/guidelines/training/:id': 'all',
  'POST /api/v1/guidelines/training': ['owner', 'admin', 'manager', 'compliance'],
  'PUT /api/v1/guidelines/training/:id': ['owner', 'admin', 'manager', 'compliance'],
  'POST /api/v1/guidelines/training/:id/attempts': 'all',
  'GET /api/v1/guidelines/review-queue': ['owner', 'admin', 'compliance'],
  'POST /api/v1/guidelines/review-queue/:id/review': ['owner', 'admin', 'compliance'],
  'GET /api/v1/guidelines/compliance': ['owner', 'admin', 'compliance'],
  'GET /api/v1/guidelines/compliance/export': ['owner', 'admin', 'compliance'],
  'GET /api/v1/guidelines/readiness': 'all',
  'POST /api/v1/guidelines/readiness': ['owner', 'admin', 'manager', 'compliance'],
  'GET /api/v1/requests': 'all',
  'POST /api/v1/requests': 'all',
  'GET /api/v1/requests/assignees': ['owner', 'admin', 'manager', 'editor'],
  'GET /api/v1/requests/:id': 'all',
  'PATCH /api/v1/requests/:id': ['owner', 'admin', 'manager', 'editor'],
  'POST /api/v1/requests/:id/messages': 'all',
  'POST /api/v1/requests/:id/attachments': 'all',
  'GET /api/v1/requests/:id/attachments/:attachmentId': 'all',
  'POST /api/v1/requests/:id/post': ['owner', 'admin', 'manager', 'editor'],
};

// Routes that end the caller's session are tried last, with a session of their own.
const SESSION_ENDING = new Set(['POST /api/v1/auth/sign-out', 'POST /api/v1/auth/sign-out-everywhere']);

describe('route × role', () => {
  let t: TestApp;
  const sessions = new Map<Role, Session>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) sessions.set(role, await t.signIn(t.emailOf(role)));
  });
  afterAll(() => t.close());

  const url = (pattern: string) =>
    pattern
      .replace(':token', 'x'.repeat(43))
      .replace(':id', '00000000-0000-4000-8000-000000000000')
      .replace(':version', '1');

  it('every API route declares a permission and is listed in the expectation table', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(EXPECTED).sort());
    for (const r of t.app.apiRoutes) {
      const want = EXPECTED[`${r.method} ${r.url}`]!;
      expect(r.permission === 'public').toBe(want === 'public');
    }
  });

  it('refuses every non-public route without sign-in (401) and with a forged cookie', async () => {
    for (const r of t.app.apiRoutes) {
      if (EXPECTED[`${r.method} ${r.url}`] === 'public') continue;
      for (const headers of [
        {},
        { cookie: 'chorus_session=forged' },
        { authorization: 'Bearer chorus_pat_forged' },
      ]) {
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: url(r.url),
          headers,
          payload: r.method === 'GET' ? undefined : {},
        });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      }
    }
  });

  it('lets exactly the expected roles through each route', async () => {
    for (const r of t.app.apiRoutes) {
      const key = `${r.method} ${r.url}`;
      const want = EXPECTED[key]!;
      if (want === 'public' || SESSION_ENDING.has(key)) continue;
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: url(r.url),
          headers: sessions.get(role)!.headers,
          payload: r.method === 'GET' ? undefined : {},
        });
        const allowed = want === 'all' || want.includes(role);
        if (allowed) {
          expect([401, 403], `${role} on ${key} got ${res.statusCode}: ${res.body}`).not.toContain(
            res.statusCode,
          );
        } else {
          expect(res.statusCode, `${role} on ${key}`).toBe(403);
          expect(res.json().code).toBe('forbidden');
        }
      }
    }
  });

  it('lets every role end its own session', async () => {
    for (const key of SESSION_ENDING) {
      const [method, path] = key.split(' ') as [string, string];
      for (const role of ROLES) {
        const s = await t.signIn(t.emailOf(role));
        const res = await t.app.inject({ method: method as 'POST', url: path, headers: s.headers });
        expect(res.statusCode, `${role} on ${key}`).toBe(204);
      }
    }
  });
});
