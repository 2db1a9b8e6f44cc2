/** Who is calling: resolved once per request by the Authenticator the identity module provides. */
export interface Principal {
  userId: string;
  orgId: string;
  email: string;
  name: string;
  locale: 'de' | 'en';
  timeZone: string;
  role: string;
  orgName: string;
  orgSlug: string;
  departmentId: string | null;
  departmentName: string | null;
  /** Effective permissions: the role's, narrowed to the token's scopes for API tokens. */
  permissions: ReadonlySet<string>;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  tokenId?: string;
}

export interface Authenticator {
  /** The session cookie's value → the principal, or null when unknown, expired or deactivated. */
  fromSession(cookieValue: string): Promise<Principal | null>;
  /** A bearer token → the principal, or null. */
  fromToken(token: string): Promise<Principal | null>;
}

/** What a route requires: nobody, any signed-in principal, or one permission. */
export type RoutePermission = 'public' | 'authenticated' | { permission: string };

export const SESSION_COOKIE = 'chorus_session';
export const CSRF_COOKIE = 'chorus_csrf';
export const CSRF_HEADER = 'x-csrf-token';
