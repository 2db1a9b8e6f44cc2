import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../../../test/app.ts';
import { type IdpLogin, startTestIdp, type TestIdp } from '../../../test/fakes/test-idp.ts';
import { memberships, users } from '../../platform/db/schema/identity.ts';
import { ssoConfigs } from '../../platform/db/schema/sso.ts';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider on 127.0.0.1): the whole
 * authorization-code flow over HTTP, from POST /auth/sso/start to the session Chorus opens.
 */
describe('single sign-on with OpenID Connect', () => {
  let t: TestApp;
  let idp: TestIdp;
  let admin: Session;

  const settings = (over: Record<string, unknown> = {}) => ({
    issuer: idp.issuer,
    clientId: idp.clientId,
    enabled: true,
    domains: ['Beispiel.example'],
    autoProvision: false,
    allowPassword: true,
    ...over,
  });
  const put = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/sso', headers, payload });

  /** Start at Chorus, sign in at the provider, come back: the answer of the callback. */
  async function ssoSignIn(email: string, login: IdpLogin, tamper?: (callback: URL) => void, next?: string) {
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/start',
      payload: next ? { email, next } : { email },
    });
    expect(start.statusCode, start.body).toBe(200);
    const flow = (start.cookies as { name: string; value: string }[]).find((c) => c.name === 'chorus_sso')!;
    const callback = await idp.authorize(start.json().redirectUrl, login);
    tamper?.(callback);
    return t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: `chorus_sso=${flow.value}`, 'accept-language': 'en' },
    });
  }
  const sessionCookie = (res: { cookies: unknown }) =>
    (res.cookies as { name: string; value: string }[]).find((c) => c.name === 'chorus_session')?.value;

  beforeAll(async () => {
    t = await createTestApp();
    idp = await startTestIdp(`${t.ctx.config.baseUrl}/api/v1/auth/sso/callback`);
    idp.accounts.set('sub-admin', { email: t.emailOf('admin'), emailVerified: true, name: 'Anton Admin' });
    idp.accounts.set('sub-viewer', { email: t.emailOf('viewer'), emailVerified: true, name: 'Vera Leser' });
    idp.accounts.set('sub-new', { email: 'Neu.SSO@beispiel.example', emailVerified: true, name: 'Nora Neu' });
    idp.accounts.set('sub-unverified', {
      email: 'unbestaetigt@beispiel.example',
      emailVerified: false,
      name: 'U',
    });
    idp.accounts.set('sub-outsider', { email: 'someone@elsewhere.example', emailVerified: true, name: 'O' });
    admin = await t.signIn(t.emailOf('admin'));
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  it('starts without settings and refuses to start sign-in for a domain without SSO', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/sso', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      callbackUrl: `${t.ctx.config.baseUrl}/api/v1/auth/sso/callback`,
      settings: null,
    });
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/start',
      headers: { 'accept-language': 'de' },
      payload: { email: t.emailOf('admin') },
    });
    expect(start.statusCode).toBe(404);
    expect(start.json()).toMatchObject({ code: 'sso_not_configured', title: 'Kein Single Sign-on' });
  });

  it('refuses issuers that are not https, not reachable or not OpenID Connect providers', async () => {
    const cases: [string, string][] = [
      ['ftp://127.0.0.1/idp', 'sso_issuer_not_allowed'],
      ['http://idp.example.com', 'sso_issuer_not_allowed'],
      ['http://user:pw@127.0.0.1:9', 'sso_issuer_not_allowed'],
      ['http://127.0.0.1:1', 'sso_issuer_unreachable'],
      [`${idp.issuer}/not-here`, 'sso_issuer_invalid'],
    ];
    for (const [issuer, code] of cases) {
      const res = await put(admin.headers, settings({ issuer, clientSecret: idp.clientSecret }));
      expect(res.statusCode, `${issuer}: ${res.body}`).toBe(422);
      expect(res.json().code, issuer).toBe(code);
      expect(res.json().errors[0].path).toBe('issuer');
    }
    const noSecret = await put(admin.headers, settings());
    expect(noSecret.statusCode).toBe(422);
    expect(noSecret.json().code).toBe('sso_client_secret_required');
    const owner = await put(admin.headers, settings({ clientSecret: 'x', defaultRole: 'admin' }));
    expect(owner.statusCode).toBe(400);
    const rows = await t.ctx.db.select().from(ssoConfigs);
    expect(rows).toEqual([]);
  });

  it('saves the settings with the client secret sealed, and never returns the secret', async () => {
    const res = await put(admin.headers, settings({ clientSecret: idp.clientSecret }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toMatchObject({
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecretSet: true,
      enabled: true,
      domains: ['beispiel.example'],
      autoProvision: false,
      defaultRole: 'contributor',
      allowPassword: true,
    });
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/sso', headers: admin.headers });
    for (const body of [res.body, read.body]) expect(body).not.toContain(idp.clientSecret);
    expect(read.json().settings.clientSecretSet).toBe(true);

    const [row] = await t.ctx.db.select().from(ssoConfigs).where(eq(ssoConfigs.orgId, t.orgs.demo));
    expect(row!.clientSecretSealed).not.toContain(idp.clientSecret);
    expect(row!.clientSecretSealed).toMatch(/^v1\./);
    expect(t.ctx.secrets.open(row!.clientSecretSealed, `oidc:${t.orgs.demo}`)).toBe(idp.clientSecret);
    expect(() => t.ctx.secrets.open(row!.clientSecretSealed, `oidc:${t.orgs.other}`)).toThrow();

    const audit = await t.ctx.db.execute<{ summary: unknown }>(
      sql`select summary from audit_log where org_id = ${t.orgs.demo} and action = 'sso.updated'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0]!.summary)).not.toContain(idp.clientSecret);
  });

  it('signs an existing member in: the same session cookies as a password, then to /', async () => {
    const res = await ssoSignIn(t.emailOf('admin'), { subject: 'sub-admin' });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/');
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(setCookie.find((c) => c.startsWith('chorus_session='))).toMatch(/HttpOnly/i);
    expect(setCookie.find((c) => c.startsWith('chorus_csrf='))).not.toMatch(/HttpOnly/i);
    // The flow cookie is used up.
    expect(setCookie.find((c) => c.startsWith('chorus_sso='))).toMatch(/Expires=Thu, 01 Jan 1970/i);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `chorus_session=${sessionCookie(res)}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: t.emailOf('admin') }, role: 'admin' });
    const audit = await t.ctx.db.execute<{ summary: { method?: string } }>(
      sql`select summary from audit_log where org_id = ${t.orgs.demo} and action = 'auth.signed_in' order by seq desc limit 1`,
    );
    expect(audit.rows[0]!.summary).toEqual({ method: 'sso' });
  });

  it('returns to the page the person wanted, and only to a page of this site', async () => {
    const res = await ssoSignIn(
      t.emailOf('viewer'),
      { subject: 'sub-viewer' },
      undefined,
      '/organisation/audit?x=1',
    );
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/organisation/audit?x=1');
    for (const next of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
    ]) {
      const start = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sso/start',
        payload: { email: t.emailOf('viewer'), next },
      });
      expect(start.statusCode, next).toBe(400);
      expect(start.json().errors[0].path).toBe('next');
    }
  });

  it('refuses an unknown person of the domain while provisioning is off', async () => {
    const res = await ssoSignIn('neu.sso@beispiel.example', { subject: 'sub-new' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'sso_not_invited' });
    expect(res.json().detail).toContain('Neu.SSO@beispiel.example');
    expect(sessionCookie(res)).toBeUndefined();
    const found = await t.ctx.db.execute(
      sql`select 1 from users where lower(email) = 'neu.sso@beispiel.example'`,
    );
    expect(found.rows).toHaveLength(0);
  });

  it('lets an invited person in through SSO: that accepts the invitation', async () => {
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'eingeladen@beispiel.example', name: 'Ina Eingeladen', role: 'viewer' },
    });
    expect(invite.statusCode).toBe(201);
    const { user, inviteUrl } = invite.json();
    idp.accounts.set('sub-invited', {
      email: 'eingeladen@beispiel.example',
      emailVerified: true,
      name: 'Ina',
    });
    const res = await ssoSignIn('eingeladen@beispiel.example', { subject: 'sub-invited' });
    expect(res.statusCode, res.body).toBe(303);
    const member = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
    });
    expect(member.json()).toMatchObject({ status: 'active', role: 'viewer' });
    const link = await t.app.inject({
      method: 'GET',
      url: `/api/v1/invitations/${inviteUrl.split('/invite/')[1]}`,
    });
    expect(link.statusCode).toBe(404);
  });

  it('provisions an unknown person of the domain with the default role when allowed', async () => {
    const on = await put(admin.headers, settings({ autoProvision: true, defaultRole: 'editor' }));
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().settings.clientSecretSet).toBe(true);

    const res = await ssoSignIn('neu.sso@beispiel.example', { subject: 'sub-new' });
    expect(res.statusCode, res.body).toBe(303);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `chorus_session=${sessionCookie(res)}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'Neu.SSO@beispiel.example', name: 'Nora Neu' },
      organisation: { id: t.orgs.demo },
      role: 'editor',
    });
    const [user] = await t.ctx.db
      .select({ id: users.id, passwordHash: users.passwordHash, role: memberships.role })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(users.email, 'Neu.SSO@beispiel.example'));
    expect(user).toMatchObject({ passwordHash: null, role: 'editor' });
    const actions = await t.ctx.db.execute<{ action: string }>(
      sql`select action from audit_log where org_id = ${t.orgs.demo} and target_id = ${user!.id} order by seq`,
    );
    expect(actions.rows.map((r) => r.action)).toEqual(['user.provisioned', 'auth.signed_in']);

    // The second time the same person is recognised, not created again.
    const again = await ssoSignIn('neu.sso@beispiel.example', { subject: 'sub-new' });
    expect(again.statusCode).toBe(303);
    const count = await t.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from users where lower(email) = 'neu.sso@beispiel.example'`,
    );
    expect(count.rows[0]!.n).toBe(1);
  });

  it('refuses a deactivated member', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers });
    const viewer = list.json().items.find((u: { email: string }) => u.email === t.emailOf('viewer'));
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${viewer.id}`,
      headers: admin.headers,
      payload: { status: 'deactivated' },
    });
    expect(off.statusCode).toBe(200);
    const res = await ssoSignIn(t.emailOf('viewer'), { subject: 'sub-viewer' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('account_deactivated');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('refuses a tampered state and a callback without the flow cookie', async () => {
    const tampered = await ssoSignIn(t.emailOf('admin'), { subject: 'sub-admin' }, (callback) =>
      callback.searchParams.set('state', `${callback.searchParams.get('state')}x`),
    );
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().code).toBe('sso_state_mismatch');
    expect(sessionCookie(tampered)).toBeUndefined();

    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/start',
      payload: { email: t.emailOf('admin') },
    });
    const callback = await idp.authorize(start.json().redirectUrl, { subject: 'sub-admin' });
    const noCookie = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
    expect(noCookie.statusCode).toBe(400);
    expect(noCookie.json().code).toBe('sso_flow_expired');
    const forged = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: 'chorus_sso=v1.abcdef.AAAA' },
    });
    expect(forged.statusCode).toBe(400);
    // A browser (Accept: text/html) is sent back to the sign-in page with the reason, not shown JSON.
    const browser = await t.app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      headers: { accept: 'text/html,application/xhtml+xml', cookie: 'chorus_sso=v1.abcdef.AAAA' },
    });
    expect(browser.statusCode).toBe(303);
    expect(browser.headers.location).toMatch(/^\/sign-in\?sso_error=sso_/);
    expect(forged.json().code).toBe('sso_flow_expired');
  });

  it('refuses unverified addresses, addresses outside the domains and a refusal by the provider', async () => {
    const unverified = await ssoSignIn('unbestaetigt@beispiel.example', { subject: 'sub-unverified' });
    expect(unverified.statusCode).toBe(403);
    expect(unverified.json().code).toBe('sso_email_unverified');

    const outsider = await ssoSignIn(t.emailOf('admin'), { subject: 'sub-outsider' });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('sso_domain_mismatch');

    const denied = await ssoSignIn(t.emailOf('admin'), { deny: 'the user cancelled' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'sso_provider_refused' });
    expect(denied.json().detail).toContain('access_denied');
    const users = await t.ctx.db.execute(
      sql`select 1 from users where email in ('unbestaetigt@beispiel.example', 'someone@elsewhere.example')`,
    );
    expect(users.rows).toHaveLength(0);
  });

  it('turns off password sign-in for the domain’s members when asked', async () => {
    const off = await put(admin.headers, settings({ allowPassword: false }));
    expect(off.statusCode).toBe(200);
    const editor = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: t.emailOf('editor'), password: PASSWORD },
    });
    expect(editor.statusCode).toBe(403);
    expect(editor.json().code).toBe('password_sign_in_disabled');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: t.emailOf('editor'), password: 'not the password' },
    });
    expect(wrong.json().code).toBe('sign_in_failed');
    // An invitation cannot become a password way in either: the invited person uses SSO.
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'nur-sso@beispiel.example', name: 'Nur SSO', role: 'viewer' },
    });
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${invite.json().inviteUrl.split('/invite/')[1]}/accept`,
      payload: { password: 'ein langes passwort' },
    });
    expect(accept.statusCode).toBe(403);
    expect(accept.json().code).toBe('password_sign_in_disabled');
    // Another organisation's members are not affected.
    await t.signIn(t.emailOf('editor', 'other'));
    const on = await put(admin.headers, settings({ allowPassword: true }));
    expect(on.statusCode).toBe(200);
    await t.signIn(t.emailOf('editor'));
  });

  it('keeps each organisation’s SSO to itself', async () => {
    const other = await t.signIn(t.emailOf('admin', 'other'));
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/sso', headers: other.headers });
    expect(read.json().settings).toBeNull();
    const before = await t.ctx.db.select().from(ssoConfigs).where(eq(ssoConfigs.orgId, t.orgs.demo));

    const steal = await put(other.headers, {
      ...settings({ clientSecret: 'another secret' }),
      domains: ['andere.example', 'beispiel.example'],
    });
    expect(steal.statusCode).toBe(409);
    expect(steal.json()).toMatchObject({ code: 'sso_domain_taken' });
    expect(steal.json().detail).toContain('beispiel.example');

    // Its own provider and domain: fine — and that provider cannot sign anyone into the demo organisation.
    const own = await put(other.headers, {
      ...settings({ clientSecret: idp.clientSecret, autoProvision: true }),
      domains: ['andere.example'],
    });
    expect(own.statusCode, own.body).toBe(200);
    const crossing = await ssoSignIn(t.emailOf('admin', 'other'), { subject: 'sub-admin' });
    expect(crossing.statusCode).toBe(403);
    expect(crossing.json().code).toBe('sso_domain_mismatch');

    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/sso', headers: other.headers });
    expect(del.statusCode).toBe(204);
    const after = await t.ctx.db.select().from(ssoConfigs).where(eq(ssoConfigs.orgId, t.orgs.demo));
    expect(after).toEqual(before);
    const demo = await t.app.inject({ method: 'GET', url: '/api/v1/sso', headers: admin.headers });
    expect(demo.json().settings.domains).toEqual(['beispiel.example']);
    const otherAudit = await t.ctx.db.execute<{ action: string }>(
      sql`select action from audit_log where org_id = ${t.orgs.other} and action like 'sso.%' order by seq`,
    );
    expect(otherAudit.rows.map((r) => r.action)).toEqual(['sso.updated', 'sso.deleted']);
  });

  it('answers a provider that went away with a clear problem, not a 500', async () => {
    await idp.close();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/start',
      payload: { email: t.emailOf('admin') },
    });
    expect(res.statusCode).toBe(502);
    expect(res.json().code).toBe('sso_issuer_unreachable');
  });

  it('removes the settings, audited; sign-in through SSO stops', async () => {
    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/sso', headers: admin.headers });
    expect(del.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'DELETE', url: '/api/v1/sso', headers: admin.headers });
    expect(again.statusCode).toBe(404);
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/start',
      payload: { email: t.emailOf('admin') },
    });
    expect(start.statusCode).toBe(404);
    const audit = await t.ctx.db.execute<{ action: string }>(
      sql`select action from audit_log where org_id = ${t.orgs.demo} and action = 'sso.deleted'`,
    );
    expect(audit.rows).toHaveLength(1);
  });
});
