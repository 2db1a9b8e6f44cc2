import type { FastifyReply } from 'fastify';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { completeSso } from './complete-sso.ts';
import { findSsoConfig } from './repo.ts';
import * as s from './schema.ts';
import { setSessionCookies } from './session-cookies.ts';
import { SSO_FLOW_COOKIE, SSO_FLOW_PATH } from './sso-flow.ts';
import { deleteSsoSettings, saveSsoSettings, ssoCallbackUrl, ssoView } from './sso-settings.ts';
import { startSso } from './start-sso.ts';

const tags = ['identity'];

/** Single sign-on with the organisation's OpenID Connect provider: settings and the sign-in flow. */
export function registerSsoRoutes(app: App, ctx: Context): void {
  const secureCookies = ctx.config.baseUrl.startsWith('https://');
  const SIGN_IN_LIMIT = { max: ctx.config.signInLimitPerMinute, timeWindow: '1 minute' };
  const callbackUrl = ssoCallbackUrl(ctx);

  function clearFlowCookie(reply: FastifyReply): void {
    reply.clearCookie(SSO_FLOW_COOKIE, { path: SSO_FLOW_PATH });
  }

  app.get(
    '/sso',
    {
      config: { permission: 'sso.manage' },
      schema: {
        tags,
        summary: 'Single sign-on settings (the client secret is never returned, only whether one is set)',
        response: { 200: s.ssoSchema },
      },
    },
    async (req) => {
      const config = await findSsoConfig(ctx.db, principalOf(req).orgId);
      return { callbackUrl, settings: config ? ssoView(config) : null };
    },
  );

  app.put(
    '/sso',
    {
      config: { permission: 'sso.manage' },
      schema: {
        tags,
        summary: 'Set up single sign-on; the issuer is checked by fetching its discovery document',
        body: s.updateSsoBody,
        response: { 200: s.ssoSchema },
      },
    },
    async (req) => ({ callbackUrl, settings: ssoView(await saveSsoSettings(ctx, actorOf(req), req.body)) }),
  );

  app.delete(
    '/sso',
    {
      config: { permission: 'sso.manage' },
      schema: { tags, summary: 'Remove single sign-on (members sign in with passwords again)' },
    },
    async (req, reply) => {
      await deleteSsoSettings(ctx, actorOf(req));
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/sso/start',
    {
      config: { permission: 'public', rateLimit: SIGN_IN_LIMIT },
      schema: {
        tags,
        summary:
          "Start single sign-on for an e-mail address: answers the provider's URL to send the browser to",
        body: s.ssoStartBody,
        response: { 200: s.ssoStartResponse },
      },
    },
    async (req, reply) => {
      const started = await startSso(ctx, req.body.email, req.body.next);
      reply.setCookie(SSO_FLOW_COOKIE, started.sealedFlow, {
        path: SSO_FLOW_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        expires: started.expiresAt,
      });
      return { redirectUrl: started.redirectUrl };
    },
  );

  app.get(
    '/auth/sso/callback',
    {
      config: { permission: 'public', rateLimit: SIGN_IN_LIMIT },
      schema: {
        tags,
        summary: 'Where the provider sends the browser back: signs in and redirects to the web app',
        querystring: s.ssoCallbackQuery,
      },
    },
    async (req, reply) => {
      const sealedFlow = req.cookies[SSO_FLOW_COOKIE];
      const query = req.url.indexOf('?');
      // Single use, whatever the outcome: a failed or finished flow must be started again.
      clearFlowCookie(reply);
      try {
        const session = await completeSso(ctx, {
          sealedFlow,
          search: query === -1 ? '' : req.url.slice(query),
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? '',
          requestId: req.id,
        });
        setSessionCookies(reply, session, secureCookies);
        return reply.redirect(session.next, 303);
      } catch (err) {
        // A person's browser arrives here from the provider: show the reason on the sign-in page in
        // their language rather than a JSON document. API clients still get problem+json.
        if (err instanceof DomainError && (req.headers.accept ?? '').includes('text/html')) {
          req.log.info({ code: err.code }, 'single sign-on refused');
          return reply.redirect(`/sign-in?sso_error=${encodeURIComponent(err.code)}`, 303);
        }
        throw err;
      }
    },
  );
}
