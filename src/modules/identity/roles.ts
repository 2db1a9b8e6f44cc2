/**
 * The permission model: a permission per action, roles as sets of permissions. Later modules add their
 * permissions here with the roles that hold them; routes name exactly one permission each.
 */
export const ROLES = ['owner', 'admin', 'manager', 'editor', 'contributor', 'compliance', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'org.manage': { roles: ['owner', 'admin'], de: 'Organisation verwalten', en: 'Manage the organisation' },
  'users.read': {
    roles: ['owner', 'admin', 'manager', 'editor', 'compliance'],
    de: 'Benutzer sehen',
    en: 'See users',
  },
  'users.manage': {
    roles: ['owner', 'admin'],
    de: 'Benutzer einladen und verwalten',
    en: 'Invite and manage users',
  },
  'departments.manage': { roles: ['owner', 'admin'], de: 'Abteilungen verwalten', en: 'Manage departments' },
  'sso.manage': {
    roles: ['owner', 'admin'],
    de: 'Single Sign-on einrichten',
    en: 'Configure single sign-on',
  },
  'audit.read': {
    roles: ['owner', 'admin', 'manager', 'compliance'],
    de: 'Audit-Log sehen',
    en: 'See the audit log',
  },
  'audit.export': {
    roles: ['owner', 'admin', 'compliance'],
    de: 'Audit-Log exportieren',
    en: 'Export the audit log',
  },
  'channels.read': {
    roles: ['owner', 'admin', 'manager', 'editor', 'contributor', 'compliance', 'viewer'],
    de: 'Kanäle sehen',
    en: 'See channels',
  },
  'channels.manage': {
    roles: ['owner', 'admin', 'manager'],
    de: 'Unternehmenskanäle verbinden und verwalten',
    en: 'Connect and manage company channels',
  },
  'channels.connect_personal': {
    roles: ['owner', 'admin', 'manager', 'editor', 'contributor'],
    de: 'Eigene Kanäle verbinden',
    en: 'Connect own channels',
  },
  'posts.read': {
    roles: ['owner', 'admin', 'manager', 'editor', 'contributor', 'compliance', 'viewer'],
    de: 'Beiträge und Kalender sehen',
    en: 'See posts and the calendar',
  },
  'posts.write': {
    roles: ['owner', 'admin', 'manager', 'editor', 'contributor'],
    de: 'Beiträge entwerfen, einreichen und planen',
    en: 'Draft, submit and schedule posts',
  },
  'posts.approve': {
    roles: ['owner', 'admin', 'manager', 'editor'],
    de: 'Beiträge freigeben',
    en: 'Approve posts',
  },
  'workflows.manage': {
    roles: ['owner', 'admin', 'manager'],
    de: 'Freigabe-Workflows festlegen',
    en: 'Configure approval workflows',
  },
  'campaigns.manage': {
    roles: ['owner', 'admin', 'manager'],
    de: 'Kampagnen verwalten',
    en: 'Manage campaigns',
  },
  'guidelines.read': {
    roles: ['owner', 'admin', 'manager', 'editor', 'contributor', 'compliance', 'viewer'],
    de: 'Richtlinien, Schulungen und Selbstcheck lesen',
    en: 'Read guidelines, training and the readiness check',
  },
  'guidelines.manage': {
    roles: ['owner', 'admin', 'manager', 'compliance'],
    de: 'Richtlinien, Regeln und Schulungen bearbeiten',
    en: 'Edit guidelines, rules and training',
  },
  'guidelines.override': {
    roles: ['owner', 'admin', 'manager', 'compliance'],
    de: 'Blockierende Richtlinien-Hinweise mit Begründung übergehen',
    en: 'Override blocking guideline findings with a reason',
  },
  'guidelines.review': {
    roles: ['owner', 'admin', 'compliance'],
    de: 'Prüfliste, Bestätigungen und Schulungsnachweise prüfen und exportieren',
    en: 'Review the queue, acknowledgements and training records, and export them',
  },
  'requests.file': {
    roles: ['owner', 'admin', 'manager', 'editor', 'contributor', 'compliance', 'viewer'],
    de: 'Anfragen an das Social-Media-Team stellen und eigene verfolgen',
    en: 'File requests to the social media team and follow one’s own',
  },
  'requests.handle': {
    roles: ['owner', 'admin', 'manager', 'editor'],
    de: 'Anfragen bearbeiten: priorisieren, zuweisen, beantworten',
    en: 'Handle requests: prioritise, assign, answer',
  },
  'integrations.manage': {
    roles: ['owner', 'admin'],
    de: 'Integrationen (ausgehende Webhooks) einrichten und ihre Zustellungen sehen',
    en: 'Configure integrations (outgoing webhooks) and see their deliveries',
  },
  'listening.read': {
    roles: ['owner', 'admin', 'manager', 'editor', 'contributor', 'compliance', 'viewer'],
    de: 'Listening: Suchen, Treffer und Verläufe sehen',
    en: 'Listening: see searches, matches and charts',
  },
  'listening.manage': {
    roles: ['owner', 'admin', 'manager', 'editor'],
    de: 'Listening: Suchen und Alarmregeln anlegen und ändern',
    en: 'Listening: create and change searches and alert rules',
  },
} as const satisfies Record<string, { roles: readonly Role[]; de: string; en: string }>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}

const byRole = new Map<Role, ReadonlySet<Permission>>(
  ROLES.map((role) => [
    role,
    new Set(
      (Object.entries(PERMISSIONS) as [Permission, { roles: readonly Role[] }][])
        .filter(([, p]) => p.roles.includes(role))
        .map(([name]) => name),
    ),
  ]),
);

export function permissionsOf(role: string): ReadonlySet<Permission> {
  return isRole(role) ? byRole.get(role)! : new Set();
}

export function allPermissions(): Permission[] {
  return Object.keys(PERMISSIONS) as Permission[];
}
