import type { FastifyReply } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/http/principal.ts';
import type { NewSession } from './sessions.ts';

/** The cookies every way of signing in (password, invitation, single sign-on) ends with. */
export function setSessionCookies(reply: FastifyReply, session: NewSession, secure: boolean): void {
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.cookieValue, { ...common, httpOnly: true });
  // Readable by the web app, which echoes it in x-csrf-token; a cross-site page can read neither.
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
