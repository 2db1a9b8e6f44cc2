import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../../../test/app.ts';

describe('identity over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in with a password and answers /me with role, organisation and permissions', async () => {
    const s = await t.signIn(t.emailOf('admin'));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.organisation.name).toBe('Beispiel GmbH');
    expect(me.role).toBe('admin');
    expect(me.permissions).toContain('users.manage');
    expect(me.department.name).toBe('IT');
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: t.emailOf('viewer'), password: PASSWORD },
    });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = setCookie.find((c) => c.startsWith('chorus_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const csrf = setCookie.find((c) => c.startsWith('chorus_csrf='))!;
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('refuses a wrong password and an unknown user alike, in the caller’s language', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'accept-language': 'de-DE,de;q=0.9' },
      payload: { email: t.emailOf('editor'), password: 'not the password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'accept-language': 'de-DE,de;q=0.9' },
      payload: { email: 'nobody@beispiel.example', password: 'whatever' },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({
        status: 401,
        code: 'sign_in_failed',
        detail: 'E-Mail-Adresse oder Passwort ist falsch.',
      });
    }
  });

  it('locks an account after five failed sign-ins, even for the right password', async () => {
    const email = t.emailOf('compliance');
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: 'wrong-wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: 'wrong-wrong' },
    });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('account_locked');
  });

  it('rejects a cookie-authenticated write without the CSRF token and changes nothing', async () => {
    const s = await t.signIn(t.emailOf('admin'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: { cookie: s.cookie },
      payload: { name: 'Ohne CSRF' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/departments',
      headers: { cookie: s.cookie },
    });
    expect(list.json().items.map((d: { name: string }) => d.name)).not.toContain('Ohne CSRF');
  });

  it('invites a user who accepts, signs in, and is locked out again when deactivated', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'neu@beispiel.example', name: 'Nina Neu', role: 'editor', departmentId: null },
    });
    expect(invite.statusCode).toBe(201);
    const { user, inviteUrl } = invite.json();
    expect(user.status).toBe('invited');
    const mail = t.mail.sent.find((m) => m.to === 'neu@beispiel.example')!;
    expect(mail.text).toContain(inviteUrl);
    const token = inviteUrl.split('/invite/')[1];

    const info = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(info.json()).toMatchObject({
      email: 'neu@beispiel.example',
      organisation: { name: 'Beispiel GmbH' },
    });
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: 'ein langes passwort' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.email).toBe('neu@beispiel.example');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: 'ein anderes passwort' },
    });
    expect(again.statusCode).toBe(404);

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'neu@beispiel.example', password: 'ein langes passwort' },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = `chorus_session=${(signIn.cookies as { name: string; value: string }[]).find((c) => c.name === 'chorus_session')!.value}`;

    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { status: 'deactivated' },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().status).toBe('deactivated');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'neu@beispiel.example', password: 'ein langes passwort' },
    });
    expect(retry.statusCode).toBe(403);
    expect(retry.json().code).toBe('account_deactivated');
  });

  it('keeps the last owner and lets only owners grant the owner role', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const users = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: admin.headers })).json()
      .items;
    const owner = users.find((u: { role: string }) => u.role === 'owner');
    const editor = users.find(
      (u: { role: string; status: string }) => u.role === 'editor' && u.status === 'active',
    );
    const grant = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${editor.id}`,
      headers: admin.headers,
      payload: { role: 'owner' },
    });
    expect(grant.statusCode).toBe(403);
    expect(grant.json().code).toBe('owner_only');
    const ownerSession = await t.signIn(t.emailOf('owner'));
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${owner.id}`,
      headers: ownerSession.headers,
      payload: { role: 'admin' },
    });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().code).toBe('last_owner');
  });

  it('issues scoped API tokens that cannot exceed their scope and stop working when revoked', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: admin.headers,
      payload: { name: 'Reporting', scopes: ['users.read'], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^chorus_pat_/);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer })).statusCode).toBe(
      200,
    );
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: bearer,
      payload: { name: 'Per Token' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('token_scope');
    const tokensViaToken = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: bearer });
    expect(tokensViaToken.statusCode).toBe(403);

    const tooMuch = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: (await t.signIn(t.emailOf('viewer'))).headers,
      payload: { name: 'x', scopes: ['users.manage'], expiresInDays: null },
    });
    expect(tooMuch.statusCode).toBe(422);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${token.id}`,
      headers: admin.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('signs out everywhere: every session of the user ends', async () => {
    const a = await t.signIn(t.emailOf('manager'));
    const b = await t.signIn(t.emailOf('manager'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: a.headers,
    });
    expect(res.statusCode).toBe(204);
    for (const s of [a, b]) {
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode,
      ).toBe(401);
    }
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    const email = t.emailOf('contributor');
    const a = await t.signIn(email);
    const b = await t.signIn(email);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: a.headers,
      payload: { currentPassword: 'nope', newPassword: 'ein neues passwort' },
    });
    expect(wrong.statusCode).toBe(422);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: a.headers,
      payload: { currentPassword: PASSWORD, newPassword: 'ein neues passwort' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: a.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: b.cookie } })).statusCode,
    ).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
  });

  it('updates the profile language and answers errors in it', async () => {
    const s = await t.signIn(t.emailOf('editor'));
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: s.headers,
      payload: { locale: 'en', timeZone: 'America/New_York' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ locale: 'en', timeZone: 'America/New_York' });
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: s.headers,
      payload: { timeZone: 'Mars/Base' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('timeZone');
  });

  it('renews an invitation: the old link stops working, the new one works', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'spaet@beispiel.example', name: 'Sven Spät', role: 'viewer' },
    });
    const { user, inviteUrl: first } = invite.json();
    const renewed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/invitation`,
      headers: admin.headers,
    });
    expect(renewed.statusCode).toBe(200);
    const second = renewed.json().inviteUrl;
    expect(second).not.toBe(first);
    const token = (url: string) => url.split('/invite/')[1];
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token(first)}` })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token(second)}` })).statusCode,
    ).toBe(200);
    const active = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users?status=active', headers: admin.headers })
    ).json().items[0];
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${active.id}/invitation`,
      headers: admin.headers,
    });
    expect(refused.statusCode).toBe(409);
  });

  it('renames the organisation and changes its defaults; members see the new name at once', async () => {
    const owner = await t.signIn(t.emailOf('owner'));
    const viewer = await t.signIn(t.emailOf('viewer'));
    await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: viewer.headers });
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organisation',
      headers: owner.headers,
      payload: { name: 'Beispiel Holding GmbH', defaultTimeZone: 'Europe/Vienna', region: 'at' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Beispiel Holding GmbH',
      defaultTimeZone: 'Europe/Vienna',
      region: 'AT',
    });
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: viewer.headers })).json();
    expect(me.organisation.name).toBe('Beispiel Holding GmbH');
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/organisation',
      headers: owner.headers,
      payload: { name: 'Beispiel GmbH', region: 'DE', defaultTimeZone: 'Europe/Berlin' },
    });
    const other = await t.signIn(t.emailOf('viewer', 'other'));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/organisation', headers: other.headers })).json()
        .name,
    ).toBe('Andere AG');
  });

  it('deletes a department; its members keep their accounts without a department', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const dept = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/departments',
        headers: admin.headers,
        payload: { name: 'Projekt X' },
      })
    ).json();
    const users = (
      await t.app.inject({ method: 'GET', url: '/api/v1/users?status=active', headers: admin.headers })
    ).json().items;
    const viewer = users.find((u: { role: string }) => u.role === 'viewer');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${viewer.id}`,
      headers: admin.headers,
      payload: { departmentId: dept.id },
    });
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/departments/${dept.id}`,
      headers: admin.headers,
    });
    expect(del.statusCode).toBe(204);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/v1/users/${viewer.id}`, headers: admin.headers })
    ).json();
    expect(after).toMatchObject({ status: 'active', departmentId: null });
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/departments/${dept.id}`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(404);
  });
});
