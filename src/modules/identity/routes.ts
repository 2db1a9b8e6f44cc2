import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import { SESSION_COOKIE } from '../../platform/http/principal.ts';
import { DomainError } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { createApiToken, revokeApiToken } from './api-tokens.ts';
import type { createAuthenticator } from './authenticator.ts';
import { createDepartment, deleteDepartment, updateDepartment } from './departments.ts';
import { acceptInvitation, describeInvitation } from './invitations.ts';
import { inviteUser, renewInvitation, updateMember } from './members.ts';
import { updateOrganisation } from './organisations.ts';
import { changePassword, getMe, updateProfile } from './profile.ts';
import {
  findMember,
  findOrganisation,
  listDepartments,
  listMembers,
  listTokens,
  type MemberView,
} from './repo.ts';
import { allPermissions, PERMISSIONS, permissionsOf, ROLES } from './roles.ts';
import * as s from './schema.ts';
import { clearSessionCookies, setSessionCookies } from './session-cookies.ts';
import type { NewSession } from './sessions.ts';
import { signOut, signOutEverywhere } from './sessions.ts';
import { signIn } from './sign-in.ts';

const tags = ['identity'];

type Authn = ReturnType<typeof createAuthenticator>;

export function registerIdentityRoutes(app: App, ctx: Context, authenticator: Authn): void {
  const secureCookies = ctx.config.baseUrl.startsWith('https://');
  const SIGN_IN_LIMIT = { max: ctx.config.signInLimitPerMinute, timeWindow: '1 minute' };

  async function meFor(req: FastifyRequest, session: NewSession & { userId: string; orgId: string }) {
    const principal = await authenticator.fromSession(session.cookieValue);
    if (!principal) throw new DomainError(500, 'internal');
    req.principal = principal;
    return getMe(principal);
  }

  app.post(
    '/auth/sign-in',
    {
      config: { permission: 'public', rateLimit: SIGN_IN_LIMIT },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: s.signInBody,
        response: { 200: s.meSchema },
      },
    },
    async (req, reply) => {
      const session = await signIn(ctx, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? '',
        requestId: req.id,
      });
      setSessionCookies(reply, session, secureCookies);
      return meFor(req, session);
    },
  );

  app.post(
    '/auth/sign-out',
    {
      config: { permission: 'authenticated', sessionOnly: true },
      schema: { tags, summary: 'Sign out this session' },
    },
    async (req, reply) => {
      await signOut(ctx, actorOf(req), principalOf(req).sessionId!);
      clearSessionCookies(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      config: { permission: 'authenticated', sessionOnly: true },
      schema: { tags, summary: 'End every session of the signed-in user' },
    },
    async (req, reply) => {
      await signOutEverywhere(ctx, actorOf(req));
      clearSessionCookies(reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/invitations/:token',
    {
      config: { permission: 'public', rateLimit: SIGN_IN_LIMIT },
      schema: {
        tags,
        summary: 'Who an invitation is for',
        params: s.invitationParams,
        response: {
          200: z.object({
            email: z.string(),
            name: z.string(),
            organisation: z.object({ name: z.string() }),
          }),
        },
      },
    },
    async (req) => describeInvitation(ctx, req.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { permission: 'public', rateLimit: SIGN_IN_LIMIT },
      schema: {
        tags,
        summary: 'Accept an invitation: set a password and sign in',
        params: s.invitationParams,
        body: s.acceptInvitationBody,
        response: { 200: s.meSchema },
      },
    },
    async (req, reply) => {
      const session = await acceptInvitation(ctx, req.params.token, {
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? '',
        requestId: req.id,
      });
      setSessionCookies(reply, session, secureCookies);
      return meFor(req, session);
    },
  );

  app.get(
    '/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'The signed-in user', response: { 200: s.meSchema } },
    },
    async (req) => getMe(principalOf(req)),
  );

  app.patch(
    '/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Change own name, language or time zone',
        body: s.updateMeBody,
        response: { 200: s.meSchema },
      },
    },
    async (req) => {
      await updateProfile(ctx, actorOf(req), req.body);
      const p = principalOf(req);
      authenticator.forget(p.userId);
      const fresh = p.via === 'session' ? await authenticator.fromSession(req.cookies[SESSION_COOKIE]!) : p;
      return getMe(fresh ?? p);
    },
  );

  app.post(
    '/me/password',
    {
      config: { permission: 'authenticated', sessionOnly: true, rateLimit: SIGN_IN_LIMIT },
      schema: { tags, summary: 'Change own password (ends all other sessions)', body: s.changePasswordBody },
    },
    async (req, reply) => {
      await changePassword(ctx, actorOf(req), principalOf(req).sessionId, req.body);
      return reply.code(204).send();
    },
  );

  app.get(
    '/me/tokens',
    {
      config: { permission: 'authenticated', sessionOnly: true },
      schema: {
        tags,
        summary: 'Own API tokens',
        response: { 200: z.object({ items: z.array(s.tokenSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return { items: (await listTokens(ctx.db, p.orgId, p.userId)).map(tokenDto) };
    },
  );

  app.post(
    '/me/tokens',
    {
      config: { permission: 'authenticated', sessionOnly: true },
      schema: {
        tags,
        summary: 'Create an API token; the secret is shown only in this response',
        body: s.createTokenBody,
        response: { 201: z.object({ token: s.tokenSchema, secret: z.string() }) },
      },
    },
    async (req, reply) => {
      const created = await createApiToken(ctx, { ...actorOf(req), role: principalOf(req).role }, req.body);
      return reply.code(201).send({ token: tokenDto(created.token), secret: created.secret });
    },
  );

  app.delete(
    '/me/tokens/:id',
    {
      config: { permission: 'authenticated', sessionOnly: true },
      schema: { tags, summary: 'Revoke an API token', params: s.idParams },
    },
    async (req, reply) => {
      await revokeApiToken(ctx, actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/roles',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Roles and the permissions each holds',
        response: {
          200: z.object({
            items: z.array(z.object({ role: z.string(), permissions: z.array(z.string()) })),
            permissions: z.array(z.object({ name: z.string(), de: z.string(), en: z.string() })),
          }),
        },
      },
    },
    async () => ({
      items: ROLES.map((role) => ({ role, permissions: [...permissionsOf(role)].sort() })),
      permissions: allPermissions().map((name) => ({
        name,
        de: PERMISSIONS[name].de,
        en: PERMISSIONS[name].en,
      })),
    }),
  );

  app.get(
    '/users',
    {
      config: { permission: 'users.read' },
      schema: {
        tags,
        summary: 'Users of the organisation',
        querystring: s.listUsersQuery,
        response: { 200: z.object({ items: z.array(s.memberSchema) }) },
      },
    },
    async (req) => ({ items: (await listMembers(ctx.db, principalOf(req).orgId, req.query)).map(memberDto) }),
  );

  app.get(
    '/users/:id',
    {
      config: { permission: 'users.read' },
      schema: { tags, summary: 'One user', params: s.idParams, response: { 200: s.memberSchema } },
    },
    async (req) => {
      const m = await findMember(ctx.db, principalOf(req).orgId, req.params.id);
      if (!m) throw new DomainError(404, 'user_not_found');
      return memberDto(m);
    },
  );

  app.post(
    '/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Invite a user (sends the invitation by mail and returns the link)',
        body: s.inviteBody,
        response: { 201: z.object({ user: s.memberSchema, inviteUrl: z.string() }) },
      },
    },
    async (req, reply) => {
      const res = await inviteUser(ctx, { ...actorOf(req), role: principalOf(req).role }, req.body);
      return reply.code(201).send({ user: memberDto(res.user), inviteUrl: res.inviteUrl });
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Change role, department, name or status (deactivate / reactivate)',
        params: s.idParams,
        body: s.updateUserBody,
        response: { 200: s.memberSchema },
      },
    },
    async (req) => {
      const m = await updateMember(
        ctx,
        { ...actorOf(req), role: principalOf(req).role },
        req.params.id,
        req.body,
      );
      authenticator.forget(req.params.id);
      return memberDto(m);
    },
  );

  app.post(
    '/users/:id/invitation',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Send a new invitation link to a user who has not accepted yet (earlier links stop working)',
        params: s.idParams,
        response: { 200: z.object({ inviteUrl: z.string() }) },
      },
    },
    async (req) => renewInvitation(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/organisation',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'The organisation and its defaults', response: { 200: s.organisationSchema } },
    },
    async (req) => organisationDto((await findOrganisation(ctx.db, principalOf(req).orgId))!),
  );

  app.patch(
    '/organisation',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags,
        summary: 'Rename the organisation or change its default language, time zone and region',
        body: s.updateOrganisationBody,
        response: { 200: s.organisationSchema },
      },
    },
    async (req) => organisationDto(await updateOrganisation(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/departments',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Departments',
        response: { 200: z.object({ items: z.array(s.departmentSchema) }) },
      },
    },
    async (req) => ({
      items: (await listDepartments(ctx.db, principalOf(req).orgId)).map(({ createdAt: _c, ...d }) => d),
    }),
  );

  app.post(
    '/departments',
    {
      config: { permission: 'departments.manage' },
      schema: {
        tags,
        summary: 'Create a department',
        body: s.createDepartmentBody,
        response: { 201: s.departmentSchema },
      },
    },
    async (req, reply) => {
      const d = await createDepartment(ctx, actorOf(req), req.body);
      return reply.code(201).send({ id: d.id, name: d.name, description: d.description, memberCount: 0 });
    },
  );

  app.patch(
    '/departments/:id',
    {
      config: { permission: 'departments.manage' },
      schema: {
        tags,
        summary: 'Rename or describe a department',
        params: s.idParams,
        body: s.updateDepartmentBody,
        response: { 200: s.departmentSchema },
      },
    },
    async (req) => {
      const d = await updateDepartment(ctx, actorOf(req), req.params.id, req.body);
      const all = await listDepartments(ctx.db, principalOf(req).orgId);
      return {
        id: d.id,
        name: d.name,
        description: d.description,
        memberCount: all.find((x) => x.id === d.id)?.memberCount ?? 0,
      };
    },
  );

  app.delete(
    '/departments/:id',
    {
      config: { permission: 'departments.manage' },
      schema: { tags, summary: 'Remove a department (its members keep their accounts)', params: s.idParams },
    },
    async (req, reply) => {
      await deleteDepartment(ctx, actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}

function organisationDto(o: {
  id: string;
  name: string;
  slug: string;
  defaultLocale: string;
  defaultTimeZone: string;
  region: string;
}) {
  return {
    id: o.id,
    name: o.name,
    slug: o.slug,
    defaultLocale: o.defaultLocale === 'en' ? ('en' as const) : ('de' as const),
    defaultTimeZone: o.defaultTimeZone,
    region: o.region,
  };
}

function memberDto(m: MemberView) {
  return {
    ...m,
    status: m.status as 'invited' | 'active' | 'deactivated',
    createdAt: m.createdAt.toISOString(),
  };
}

function tokenDto(t: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}) {
  return {
    ...t,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
