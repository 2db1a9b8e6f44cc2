import type { TFunction } from 'i18next';
import type { AppNotification } from '../../api/notifications.ts';
import { i18n } from '../../i18n/setup.ts';

const KIND_KEYS = {
  'post.approval_requested': 'notifications.kinds.approvalRequested',
  'post.approved': 'notifications.kinds.approved',
  'post.changes_requested': 'notifications.kinds.changesRequested',
  'post.failed': 'notifications.kinds.failed',
  'post.needs_decision': 'notifications.kinds.needsDecision',
  'post.published': 'notifications.kinds.published',
  'post.mentioned': 'notifications.kinds.mentioned',
  'request.filed': 'notifications.kinds.requestFiled',
  'request.assigned': 'notifications.kinds.requestAssigned',
  'request.status_changed': 'notifications.kinds.requestStatusChanged',
  'request.answered': 'notifications.kinds.requestAnswered',
  'request.replied': 'notifications.kinds.requestReplied',
  'request.posted': 'notifications.kinds.requestPosted',
  'webhook.failed': 'notifications.kinds.webhookFailed',
  'listening.alert': 'notifications.kinds.listeningAlert',
} as const;

type KnownKind = keyof typeof KIND_KEYS;
const isKnownKind = (kind: string): kind is KnownKind => Object.hasOwn(KIND_KEYS, kind);

/** Every placeholder a text may use, so a missing one reads as nothing rather than "{{author}}". */
const NO_PARAMS = {
  author: '',
  actor: '',
  excerpt: '',
  comment: '',
  channel: '',
  reason: '',
  title: '',
  status: '',
  search: '',
  rule: '',
  count: '',
};

/** A notification in the reader's language; a kind this version does not know yet gets a general sentence. */
export function notificationText(t: TFunction, n: AppNotification): string {
  if (!isKnownKind(n.kind)) return t('notifications.kinds.other');
  // A param given per language ("status_de", "status_en") fills "{{status}}" in the reader's language.
  const suffix = `_${i18n.language === 'de' ? 'de' : 'en'}`;
  const localised = Object.fromEntries(
    Object.entries(n.params)
      .filter(([k]) => k.endsWith(suffix))
      .map(([k, v]) => [k.slice(0, -suffix.length), v]),
  );
  return t(KIND_KEYS[n.kind], { ...NO_PARAMS, ...n.params, ...localised });
}

/** Links are paths inside the app; anything else (another site, "//host") is not followed. */
export function internalPath(link: string): string | null {
  return link.startsWith('/') && !link.startsWith('//') ? link : null;
}
