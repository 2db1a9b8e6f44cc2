import type { Permission } from '../../session/session-context.ts';

/** The twelve capability areas of PRODUCT.md, in its order; the navigation and the routes both use this. */
export const AREA_IDS = [
  'organisation',
  'channels',
  'publishing',
  'governance',
  'inbox',
  'listening',
  'requests',
  'editorial',
  'advocacy',
  'wall',
  'crisis',
  'integrations',
] as const;

export type AreaId = (typeof AREA_IDS)[number];

export const AREA_PATHS: Record<AreaId, string> = {
  organisation: '/organisation',
  channels: '/channels',
  publishing: '/publishing',
  governance: '/governance',
  inbox: '/inbox',
  listening: '/listening',
  requests: '/requests',
  editorial: '/editorial',
  advocacy: '/advocacy',
  wall: '/wall',
  crisis: '/crisis',
  integrations: '/integrations',
};

/** Areas with screens in this version; every other area opens its "not available yet" page. */
export const BUILT_AREAS: ReadonlySet<AreaId> = new Set([
  'organisation',
  'channels',
  'publishing',
  'governance',
  'requests',
  'integrations',
  'listening',
]);

export type OrganisationPageId = 'settings' | 'users' | 'departments' | 'sso' | 'audit';

export interface OrganisationPage {
  id: OrganisationPageId;
  path: string;
  /** Hidden from users without it; the server refuses them anyway. */
  permission?: Permission;
}

export const ORGANISATION_PAGES: readonly OrganisationPage[] = [
  // Everybody may read the settings; only org.manage may change them (the page itself tells the two apart).
  { id: 'settings', path: '/organisation/settings' },
  { id: 'users', path: '/organisation/users', permission: 'users.read' },
  { id: 'departments', path: '/organisation/departments' },
  { id: 'sso', path: '/organisation/sso', permission: 'sso.manage' },
  { id: 'audit', path: '/organisation/audit', permission: 'audit.read' },
];

export type GovernancePageId = 'guidelines' | 'training' | 'policy' | 'review' | 'compliance' | 'readiness';

export interface GovernancePage {
  id: GovernancePageId;
  path: string;
  permission?: Permission;
}

export const GOVERNANCE_PAGES: readonly GovernancePage[] = [
  { id: 'guidelines', path: '/governance/guidelines' },
  { id: 'training', path: '/governance/training' },
  { id: 'policy', path: '/governance/policy', permission: 'guidelines.manage' },
  { id: 'review', path: '/governance/review', permission: 'guidelines.review' },
  { id: 'compliance', path: '/governance/compliance', permission: 'guidelines.review' },
  { id: 'readiness', path: '/governance/readiness' },
];
