import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TRAININGS } from '../../src/modules/governance/demo-training.ts';
import { READINESS_QUESTIONS } from '../../src/modules/governance/readiness-questions.ts';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../app.ts';
import { startTestIdp, type TestIdp } from '../fakes/test-idp.ts';
import { LISTENING_NOT_WRITES, listeningScenarios } from './listening-scenarios.ts';
import { type Call, PUBLISHING_NOT_WRITES, publishingScenarios } from './publishing-scenarios.ts';
import { requestsScenarios } from './requests-scenarios.ts';

/** GET routes that change something: the provider sends the browser back to the SSO callback with a GET. */
const WRITING_GETS = new Set(['GET /api/v1/auth/sso/callback']);
/** Routes that look like writes but store nothing, and why. */
const NOT_WRITES: Record<string, string> = {
  'POST /api/v1/auth/sso/start': 'the flow lives in a sealed cookie in the browser; nothing is stored',
  ...PUBLISHING_NOT_WRITES,
  ...LISTENING_NOT_WRITES,
  'POST /api/v1/guidelines/check': 'checks a text and answers; stores nothing',
  'POST /api/v1/guidelines/policy/try': 'checks a text against rules sent along; stores nothing',
  'POST /api/v1/live/presence':
    'presence lives a few seconds in memory (viewing, typing); a heartbeat every 10 s is not an action',
};

/**
 * Every write through the API appends an audit entry. Each write route needs a scenario here that
 * performs it successfully; a new write route without one fails the first test.
 */
describe('every write is audited', () => {
  let t: TestApp;
  let admin: Session;
  let owner: Session;
  let idp: TestIdp;
  const state: {
    userId?: string;
    deptId?: string;
    tokenId?: string;
    inviteToken?: string;
    trainingId?: string;
    reviewItemId?: string;
    webhookId?: string;
  } = {};

  const scenarios: Record<string, () => Promise<Call>> = {
    'POST /api/v1/integrations/webhooks': async () => ({
      method: 'POST',
      url: '/api/v1/integrations/webhooks',
      headers: admin.headers,
      payload: { name: 'Audit tickets', url: 'https://tickets.example.com/hook', eventTypes: ['test.ping'] },
      status: 201,
      after: (body) => {
        state.webhookId = (body as { endpoint: { id: string } }).endpoint.id;
      },
    }),
    'PATCH /api/v1/integrations/webhooks/:id': async () => ({
      method: 'PATCH',
      url: `/api/v1/integrations/webhooks/${state.webhookId}`,
      headers: admin.headers,
      payload: { enabled: false },
    }),
    'POST /api/v1/integrations/webhooks/:id/secret': async () => ({
      method: 'POST',
      url: `/api/v1/integrations/webhooks/${state.webhookId}/secret`,
      headers: admin.headers,
    }),
    'POST /api/v1/integrations/webhooks/:id/test': async () => ({
      method: 'POST',
      url: `/api/v1/integrations/webhooks/${state.webhookId}/test`,
      headers: admin.headers,
      status: 202,
    }),
    'DELETE /api/v1/integrations/webhooks/:id': async () => ({
      method: 'DELETE',
      url: `/api/v1/integrations/webhooks/${state.webhookId}`,
      headers: admin.headers,
      status: 204,
    }),
    'POST /api/v1/auth/sign-in': async () => ({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: t.emailOf('editor'), password: PASSWORD },
    }),
    'POST /api/v1/auth/sign-out': async () => ({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: (await t.signIn(t.emailOf('viewer'))).headers,
    }),
    'POST /api/v1/auth/sign-out-everywhere': async () => ({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: (await t.signIn(t.emailOf('viewer'))).headers,
    }),
    'POST /api/v1/users': async () => ({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'audit-me@beispiel.example', name: 'Audit Me', role: 'viewer' },
    }),
    'POST /api/v1/users/:id/invitation': async () => ({
      method: 'POST',
      url: `/api/v1/users/${state.userId}/invitation`,
      headers: admin.headers,
    }),
    'POST /api/v1/invitations/:token/accept': async () => ({
      method: 'POST',
      url: `/api/v1/invitations/${state.inviteToken}/accept`,
      payload: { password: 'a long enough password' },
    }),
    'PATCH /api/v1/users/:id': async () => ({
      method: 'PATCH',
      url: `/api/v1/users/${state.userId}`,
      headers: admin.headers,
      payload: { role: 'contributor' },
    }),
    'PATCH /api/v1/me': async () => ({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: admin.headers,
      payload: { name: 'Anton A. Admin' },
    }),
    'POST /api/v1/me/password': async () => ({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: (await t.signIn(t.emailOf('manager'))).headers,
      payload: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
    'POST /api/v1/me/tokens': async () => ({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: admin.headers,
      payload: { name: 'audit', scopes: ['users.read'] },
    }),
    'DELETE /api/v1/me/tokens/:id': async () => ({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${state.tokenId}`,
      headers: admin.headers,
    }),
    'PATCH /api/v1/organisation': async () => ({
      method: 'PATCH',
      url: '/api/v1/organisation',
      headers: owner.headers,
      payload: { defaultTimeZone: 'Europe/Berlin' },
    }),
    'POST /api/v1/departments': async () => ({
      method: 'POST',
      url: '/api/v1/departments',
      headers: admin.headers,
      payload: { name: 'Revision' },
    }),
    'PATCH /api/v1/departments/:id': async () => ({
      method: 'PATCH',
      url: `/api/v1/departments/${state.deptId}`,
      headers: admin.headers,
      payload: { description: 'Interne Revision' },
    }),
    'DELETE /api/v1/departments/:id': async () => ({
      method: 'DELETE',
      url: `/api/v1/departments/${state.deptId}`,
      headers: admin.headers,
    }),
    'PUT /api/v1/sso': async () => ({
      method: 'PUT',
      url: '/api/v1/sso',
      headers: admin.headers,
      payload: {
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        enabled: true,
        domains: ['beispiel.example'],
      },
    }),
    'GET /api/v1/auth/sso/callback': async () => {
      const start = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sso/start',
        payload: { email: t.emailOf('editor') },
      });
      const flow = (start.cookies as { name: string; value: string }[]).find((c) => c.name === 'chorus_sso')!;
      const callback = await idp.authorize(start.json().redirectUrl, { subject: 'sub-editor' });
      return {
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
        headers: { cookie: `chorus_sso=${flow.value}` },
        status: 303,
      };
    },
    'DELETE /api/v1/sso': async () => ({ method: 'DELETE', url: '/api/v1/sso', headers: admin.headers }),
    ...publishingScenarios(() => ({ t, admin })),
    ...requestsScenarios(() => ({ t, admin })),
    ...listeningScenarios(() => ({ t, admin })),
    'PUT /api/v1/guidelines/policy': async () => ({
      method: 'PUT',
      url: '/api/v1/guidelines/policy',
      headers: admin.headers,
      payload: {
        policy: { terms: [{ id: 'code-names', category: 'code-name', severity: 'block', terms: ['Falke'] }] },
      },
    }),
    'POST /api/v1/guidelines/overrides': async () => ({
      method: 'POST',
      url: '/api/v1/guidelines/overrides',
      headers: admin.headers,
      payload: {
        subjectType: 'post',
        subjectId: 'audit-1',
        subjectLabel: 'Audit',
        text: 'Projekt Falke startet',
        reason: 'Die Ankündigung ist freigegeben.',
      },
    }),
    'POST /api/v1/guidelines/review-queue/:id/review': async () => ({
      method: 'POST',
      url: `/api/v1/guidelines/review-queue/${state.reviewItemId}/review`,
      headers: admin.headers,
      payload: { note: 'geprüft' },
    }),
    'POST /api/v1/guidelines/document/versions': async () => ({
      method: 'POST',
      url: '/api/v1/guidelines/document/versions',
      headers: admin.headers,
      payload: { title: { de: 'Richtlinie', en: 'Guideline' }, body: { de: 'Text', en: 'Text' } },
    }),
    'POST /api/v1/guidelines/document/acknowledgements': async () => ({
      method: 'POST',
      url: '/api/v1/guidelines/document/acknowledgements',
      headers: admin.headers,
      payload: { version: 2 },
    }),
    'POST /api/v1/guidelines/training': async () => ({
      method: 'POST',
      url: '/api/v1/guidelines/training',
      headers: admin.headers,
      payload: DEMO_TRAININGS[1],
    }),
    'PUT /api/v1/guidelines/training/:id': async () => ({
      method: 'PUT',
      url: `/api/v1/guidelines/training/${state.trainingId}`,
      headers: admin.headers,
      payload: { ...DEMO_TRAININGS[1], passMark: 50 },
    }),
    'POST /api/v1/guidelines/training/:id/attempts': async () => ({
      method: 'POST',
      url: `/api/v1/guidelines/training/${state.trainingId}/attempts`,
      headers: admin.headers,
      payload: { answers: {} },
    }),
    'POST /api/v1/guidelines/readiness': async () => ({
      method: 'POST',
      url: '/api/v1/guidelines/readiness',
      headers: admin.headers,
      payload: { answers: Object.fromEntries(READINESS_QUESTIONS.map((q) => [q.id, 2])) },
    }),
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn(t.emailOf('admin'));
    owner = await t.signIn(t.emailOf('owner'));
    await t.grantPostingRights(t.emailOf('admin'));
    idp = await startTestIdp(`${t.ctx.config.baseUrl}/api/v1/auth/sso/callback`);
    idp.accounts.set('sub-editor', { email: t.emailOf('editor'), emailVerified: true, name: 'Emil' });
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  it('has a scenario for every write route', () => {
    const writes = t.app.apiRoutes
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => (!key.startsWith('GET ') || WRITING_GETS.has(key)) && !(key in NOT_WRITES));
    expect(writes.sort()).toEqual(Object.keys(scenarios).sort());
  });

  it('appends an entry for each successful write', async () => {
    const count = async () =>
      (await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`)).rows[0]!.n;
    for (const [key, build] of Object.entries(scenarios)) {
      const call = await build();
      const before = await count();
      const res = await t.app.inject({
        method: call.method,
        url: call.url,
        headers: call.headers,
        payload: call.payload,
      });
      if (call.status) expect(res.statusCode, `${key}: ${res.body}`).toBe(call.status);
      else expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(300);
      const last = await t.ctx.db.execute<{ action: string }>(
        sql`select action from audit_log order by id desc limit 1`,
      );
      expect(await count(), `${key} (last action ${last.rows[0]?.action})`).toBeGreaterThan(before);
      call.after?.(res.json());
      if (key === 'POST /api/v1/users') {
        state.userId = res.json().user.id;
        state.inviteToken = res.json().inviteUrl.split('/invite/')[1];
      }
      if (key === 'POST /api/v1/users/:id/invitation')
        state.inviteToken = res.json().inviteUrl.split('/invite/')[1];
      if (key === 'POST /api/v1/me/tokens') state.tokenId = res.json().token.id;
      if (key === 'POST /api/v1/departments') state.deptId = res.json().id;
      if (key === 'POST /api/v1/guidelines/training') state.trainingId = res.json().id;
      if (key === 'POST /api/v1/guidelines/overrides') state.reviewItemId = res.json().id;
    }
    // Every write route of every module, one after another: more than the default 30 s on a busy machine.
  }, 180_000);
});
