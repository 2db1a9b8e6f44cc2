import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { sha256Hex } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  apiTokens,
  departments,
  memberships,
  organisations,
  sessions,
  users,
} from '../../platform/db/schema/identity.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { Authenticator, Principal } from '../../platform/http/principal.ts';
import type { Logger } from '../../platform/log.ts';
import { permissionsOf } from './roles.ts';

export const ACCESS_CHANGED = 'identity.access_changed';
export const TOKEN_PREFIX = 'chorus_pat_';

/**
 * Resolves sessions and API tokens to principals. Lookups are cached for a few seconds because every
 * request needs one; any change to a user's access publishes ACCESS_CHANGED (across processes on
 * PostgreSQL), which drops that user's entries at once — the TTL only bounds a lost notification.
 */
export function createAuthenticator(deps: { db: Db; events: EventBus; log: Logger; cacheTtlMs?: number }) {
  const ttl = deps.cacheTtlMs ?? 10_000;
  const cache = new Map<string, { principal: Principal; until: number }>();
  deps.events.subscribe(ACCESS_CHANGED, (e) => {
    const userId = (e.payload as { userId?: string }).userId;
    for (const [key, entry] of cache) if (!userId || entry.principal.userId === userId) cache.delete(key);
  });

  const base = {
    userId: users.id,
    email: users.email,
    name: users.name,
    locale: users.locale,
    timeZone: users.timeZone,
    role: memberships.role,
    departmentId: memberships.departmentId,
    departmentName: departments.name,
    orgName: organisations.name,
    orgSlug: organisations.slug,
  };

  function cached(key: string): Principal | null {
    const hit = cache.get(key);
    if (!hit) return null;
    if (hit.until > Date.now()) return hit.principal;
    cache.delete(key);
    return null;
  }

  function remember(key: string, principal: Principal, expiresAt: Date | null): void {
    if (cache.size > 50_000) cache.clear();
    const until = Math.min(Date.now() + ttl, expiresAt ? expiresAt.getTime() : Number.POSITIVE_INFINITY);
    cache.set(key, { principal, until });
  }

  const authenticator: Authenticator & { forget(userId?: string): void } = {
    async fromSession(cookieValue) {
      // Keyed by the cookie itself: hashing it on every request showed in the /me profile, and the
      // process holds the value for the request anyway. Only the hash is ever stored in the database.
      const key = `s:${cookieValue}`;
      const hit = cached(key);
      if (hit) return hit;
      const id = sha256Hex(cookieValue);
      const [row] = await deps.db
        .select({
          ...base,
          orgId: sessions.orgId,
          csrfToken: sessions.csrfToken,
          expiresAt: sessions.expiresAt,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(
          memberships,
          and(eq(memberships.userId, sessions.userId), eq(memberships.orgId, sessions.orgId)),
        )
        .innerJoin(organisations, eq(organisations.id, sessions.orgId))
        .leftJoin(departments, eq(departments.id, memberships.departmentId))
        .where(
          and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), eq(memberships.status, 'active')),
        );
      if (!row) return null;
      const principal: Principal = {
        ...principalBase(row),
        permissions: permissionsOf(row.role),
        via: 'session',
        sessionId: id,
        csrfToken: row.csrfToken,
      };
      remember(key, principal, row.expiresAt);
      return principal;
    },

    async fromToken(token) {
      if (!token.startsWith(TOKEN_PREFIX)) return null;
      const hash = sha256Hex(token);
      const key = `t:${hash}`;
      const hit = cached(key);
      if (hit) return hit;
      const [row] = await deps.db
        .select({
          ...base,
          orgId: apiTokens.orgId,
          tokenId: apiTokens.id,
          scopes: apiTokens.scopes,
          expiresAt: apiTokens.expiresAt,
          lastUsedAt: apiTokens.lastUsedAt,
        })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .innerJoin(
          memberships,
          and(eq(memberships.userId, apiTokens.userId), eq(memberships.orgId, apiTokens.orgId)),
        )
        .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
        .leftJoin(departments, eq(departments.id, memberships.departmentId))
        .where(
          and(
            eq(apiTokens.tokenHash, hash),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
            eq(memberships.status, 'active'),
          ),
        );
      if (!row) return null;
      const scopes = new Set(row.scopes);
      const principal: Principal = {
        ...principalBase(row),
        // A token can never do more than its owner's role allows, even if the role shrank since.
        permissions: new Set([...permissionsOf(row.role)].filter((p) => scopes.has(p))),
        via: 'token',
        tokenId: row.tokenId,
      };
      remember(key, principal, row.expiresAt);
      // Last use is informational: recorded at most once a minute, off the request's critical path.
      if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
        deps.db
          .update(apiTokens)
          .set({ lastUsedAt: new Date() })
          .where(eq(apiTokens.id, row.tokenId))
          .catch((err: Error) => deps.log.warn({ err }, 'could not record token use'));
      }
      return principal;
    },

    forget(userId) {
      for (const [key, entry] of cache) if (!userId || entry.principal.userId === userId) cache.delete(key);
    },
  };
  return authenticator;
}

type PrincipalRow = Omit<Principal, 'locale' | 'permissions' | 'via'> & { locale: string };

/** What a session and a token resolve to alike: the user, the membership and the organisation. */
function principalBase(row: PrincipalRow) {
  return {
    userId: row.userId,
    orgId: row.orgId,
    email: row.email,
    name: row.name,
    locale: row.locale === 'de' ? ('de' as const) : ('en' as const),
    timeZone: row.timeZone,
    role: row.role,
    orgName: row.orgName,
    orgSlug: row.orgSlug,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
  };
}
