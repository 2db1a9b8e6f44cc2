import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { localeFromHeader } from '../i18n/locale.ts';
import { type Authenticator, CSRF_HEADER, type Principal, SESSION_COOKIE } from './principal.ts';
import { DomainError } from './problem.ts';
import type { App } from './server.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The permission guard (DESIGN convention 3): every /api/v1 route names what it needs in its config and
 * this hook enforces it before the body is even parsed — unauthenticated callers learn nothing more.
 */
export function registerAuthHooks(app: App, authenticator: Authenticator): void {
  app.addHook('onRequest', async (req) => {
    const header = req.headers['accept-language'];
    req.locale = localeFromHeader(header);
    const permission = req.routeOptions.config.permission;
    if (!permission || permission === 'public') return;

    const principal = await authenticate(req, authenticator);
    if (!principal)
      throw new DomainError(401, 'unauthenticated', {}, { headers: { 'www-authenticate': 'Bearer' } });
    req.principal = principal;
    if (!/\b(de|en)\b/i.test(header ?? '')) req.locale = principal.locale;

    if (principal.via === 'token' && req.routeOptions.config.sessionOnly) {
      throw new DomainError(403, 'session_required');
    }
    if (principal.via === 'session' && !SAFE_METHODS.has(req.method) && !csrfMatches(req, principal)) {
      throw new DomainError(403, 'csrf_failed');
    }
    if (permission !== 'authenticated' && !principal.permissions.has(permission)) {
      throw new DomainError(403, principal.via === 'token' ? 'token_scope' : 'forbidden', { permission });
    }
  });
}

async function authenticate(req: FastifyRequest, authenticator: Authenticator): Promise<Principal | null> {
  const auth = req.headers.authorization;
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    return match ? authenticator.fromToken(match[1]!) : null;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? authenticator.fromSession(cookie) : null;
}

function csrfMatches(req: FastifyRequest, principal: Principal): boolean {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !principal.csrfToken) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(principal.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
