import type { TFunction } from 'i18next';

const ROLE_KEYS = {
  owner: 'roles.owner',
  admin: 'roles.admin',
  manager: 'roles.manager',
  editor: 'roles.editor',
  contributor: 'roles.contributor',
  compliance: 'roles.compliance',
  viewer: 'roles.viewer',
} as const;

type KnownRole = keyof typeof ROLE_KEYS;
const isKnownRole = (role: string): role is KnownRole => Object.hasOwn(ROLE_KEYS, role);

/** A role's name in the UI language; a role the UI does not know yet is shown by its code. */
export function roleLabel(t: TFunction, role: string): string {
  return isKnownRole(role) ? t(ROLE_KEYS[role]) : role;
}

const PERMISSION_KEYS = {
  'org.manage': 'permissions.orgManage',
  'users.read': 'permissions.usersRead',
  'users.manage': 'permissions.usersManage',
  'departments.manage': 'permissions.departmentsManage',
  'sso.manage': 'permissions.ssoManage',
  'audit.read': 'permissions.auditRead',
  'audit.export': 'permissions.auditExport',
  'guidelines.read': 'permissions.guidelinesRead',
  'guidelines.manage': 'permissions.guidelinesManage',
  'guidelines.override': 'permissions.guidelinesOverride',
  'guidelines.review': 'permissions.guidelinesReview',
  'requests.file': 'permissions.requestsFile',
  'requests.handle': 'permissions.requestsHandle',
  'listening.read': 'permissions.listeningRead',
  'listening.manage': 'permissions.listeningManage',
} as const;

type KnownPermission = keyof typeof PERMISSION_KEYS;
const isKnownPermission = (p: string): p is KnownPermission => Object.hasOwn(PERMISSION_KEYS, p);

/** Permissions are API scopes too, so their code is always shown beside the description. */
export function permissionLabel(t: TFunction, permission: string): string {
  return isKnownPermission(permission) ? `${t(PERMISSION_KEYS[permission])} (${permission})` : permission;
}
