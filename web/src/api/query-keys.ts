import type { CalendarQuery } from './calendar.ts';
import type { CheckContext, ReviewFilter } from './governance-types.ts';
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
  webhooks: ['webhooks'] as const,
  webhook: (id: string) => ['webhooks', id] as const,
  webhookDeliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
  // Governance answers in the reader's language: keys carry it where the server renders text.
  guidelines: ['guidelines'] as const,
  guidelineCheck: (text: string, context: CheckContext, language: string, draftKey: string | null) =>
    ['guidelines', 'check', text, context, language, draftKey] as const,
  guidelineDocument: ['guidelines', 'document'] as const,
  guidelineVersions: ['guidelines', 'document', 'versions'] as const,
  postingRights: (language: string) => ['guidelines', 'posting-rights', language] as const,
  policy: ['guidelines', 'policy'] as const,
  policyVersions: ['guidelines', 'policy', 'versions'] as const,
  guidelineTemplates: ['guidelines', 'templates'] as const,
  trainings: (archived: boolean) => ['guidelines', 'training', 'list', archived] as const,
  training: (id: string, answers: boolean) => ['guidelines', 'training', id, answers] as const,
  reviewQueue: (filter: ReviewFilter, language: string) =>
    ['guidelines', 'review', filter, language] as const,
  compliance: (language: string) => ['guidelines', 'compliance', language] as const,
  readiness: (language: string) => ['guidelines', 'readiness', language] as const,
  // Publishing: a post's change touches lists, the calendar and channel counts, so they share prefixes.
  channels: ['channels'] as const,
  channel: (id: string) => ['channels', id] as const,
  networks: ['channels', 'networks'] as const,
  sandbox: ['sandbox'] as const,
  sandboxAccounts: ['sandbox', 'accounts'] as const,
  sandboxPosts: (accountId: string) => ['sandbox', 'posts', accountId] as const,
  campaigns: ['campaigns'] as const,
  workflows: ['workflows'] as const,
  posts: ['posts'] as const,
  post: (id: string) => ['posts', 'one', id] as const,
  calendar: ['posts', 'calendar'] as const,
  calendarRange: (query: CalendarQuery) => ['posts', 'calendar', query] as const,
  notifications: ['notifications'] as const,
  requests: ['requests'] as const,
  request: (id: string) => ['requests', 'one', id] as const,
  requestAssignees: ['requests', 'assignees'] as const,
};
