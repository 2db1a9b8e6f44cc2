/**
 * Every shape the web app exchanges with the server, in one file: when the API changes, this is the one
 * place to edit (the endpoint functions beside it only name paths and methods).
 */

export type Locale = 'de' | 'en';

export interface Me {
  user: { id: string; email: string; name: string; locale: Locale; timeZone: string };
  organisation: { id: string; name: string; slug: string };
  role: string;
  department: { id: string; name: string } | null;
  permissions: string[];
}

export interface MeUpdate {
  name?: string;
  locale?: Locale;
  timeZone?: string;
}

export interface SignInInput {
  email: string;
  password: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

export interface Invitation {
  email: string;
  name: string;
  organisation: { name: string };
}

export type UserStatus = 'invited' | 'active' | 'deactivated';

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  departmentId: string | null;
  departmentName: string | null;
  status: UserStatus;
  createdAt: string;
}

export interface UserFilter {
  q?: string;
  status?: UserStatus;
}

export interface UserInvite {
  email: string;
  name: string;
  role: string;
  departmentId: string | null;
  /** Language of the invitation mail and of the new user's interface; the organisation's default if left out. */
  locale?: Locale;
}

export interface UserInviteResult {
  user: User;
  inviteUrl: string;
}

/** A new link for a user who has not accepted yet; earlier links stop working. */
export interface InvitationLink {
  inviteUrl: string;
}

export interface UserUpdate {
  role?: string;
  departmentId?: string | null;
  status?: 'active' | 'deactivated';
}

export interface RoleInfo {
  role: string;
  permissions: string[];
}

/** A permission with its description in both languages, as GET /roles lists them. */
export interface PermissionInfo {
  name: string;
  de: string;
  en: string;
}

export interface RoleList {
  items: RoleInfo[];
  permissions?: PermissionInfo[];
}

/** The organisation and the defaults new users start with. */
export interface Organisation {
  id: string;
  name: string;
  slug: string;
  defaultLocale: Locale;
  /** IANA zone, e.g. "Europe/Berlin". */
  defaultTimeZone: string;
  /** Two-letter ISO country code, upper case; phone numbers without a country code are read as from here. */
  region: string;
}

export interface OrganisationUpdate {
  name?: string;
  defaultLocale?: Locale;
  defaultTimeZone?: string;
  region?: string;
}

export interface Department {
  id: string;
  name: string;
  description: string;
  memberCount: number;
}

export interface DepartmentInput {
  name: string;
  description: string;
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** What the target was called when the action happened ("Vera Leser", "Marketing"). */
  targetLabel?: string | null;
  /** Before/after of the change; shown only as formatted JSON text. */
  summary: unknown;
  requestId: string | null;
  /** Where the request came from; null for actions of the system itself. */
  ip?: string | null;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  /** ISO 8601 in UTC */
  from?: string;
  /** ISO 8601 in UTC */
  to?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
  /** hash: an entry was changed; link: entries were reordered or replaced; gap: an entry is missing. */
  reason?: 'hash' | 'link' | 'gap' | null;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenInput {
  name: string;
  scopes: string[];
  expiresInDays: number | null;
}

export interface ApiTokenCreated {
  token: ApiToken;
  secret: string;
}

/** The organisation's single sign-on with its OpenID Connect provider; the client secret never comes back. */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  enabled: boolean;
  /** Lower-case domains such as "beispiel.de"; e-mail addresses of these sign in through the provider. */
  domains: string[];
  /** Creates an account for someone the provider vouches for who has none yet. */
  autoProvision: boolean;
  /** Role of accounts created that way; never owner or admin. */
  defaultRole: string;
  /** When false, members of the domains may sign in only through the provider. */
  allowPassword: boolean;
  updatedAt: string;
}

export interface Sso {
  /** The redirect URI to register at the provider. */
  callbackUrl: string;
  settings: SsoSettings | null;
}

export interface SsoUpdate {
  issuer: string;
  clientId: string;
  /** Left out to keep the stored secret; the first save needs one. */
  clientSecret?: string;
  enabled: boolean;
  domains: string[];
  autoProvision: boolean;
  defaultRole: string;
  allowPassword: boolean;
}

export interface SsoStart {
  /** The provider's authorization URL; the browser goes there next. */
  redirectUrl: string;
}

export interface ItemList<T> {
  items: T[];
}
