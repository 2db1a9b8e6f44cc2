import type { AuditFilter, UserFilter } from './types.ts';

/** Query keys in one place, so a mutation invalidates exactly what it changed. */
export const queryKeys = {
  me: ['me'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  users: ['users'] as const,
  userList: (filter: UserFilter) => ['users', filter] as const,
  organisation: ['organisation'] as const,
  roles: ['roles'] as const,
  departments: ['departments'] as const,
  audit: ['audit'] as const,
  auditPages: (filter: AuditFilter) => ['audit', 'pages', filter] as const,
  auditActions: ['audit', 'actions'] as const,
  tokens: ['tokens'] as const,
  sso: ['sso'] as const,
};
