import type { RequestStatus } from './schema.ts';

/** Status names for mails (the web app words them from web/i18n). */
export const STATUS_LABELS: Record<RequestStatus, { de: string; en: string }> = {
  new: { de: 'neu', en: 'new' },
  in_progress: { de: 'in Bearbeitung', en: 'in progress' },
  waiting: { de: 'wartet auf Ihre Rückmeldung', en: 'waiting for your reply' },
  done: { de: 'erledigt', en: 'done' },
  declined: { de: 'abgelehnt', en: 'declined' },
};

/** Which status may follow which; a closed request (done, declined) can only be reopened. */
export const NEXT_STATUSES: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['in_progress', 'waiting', 'done', 'declined'],
  in_progress: ['waiting', 'done', 'declined'],
  waiting: ['in_progress', 'done', 'declined'],
  done: ['in_progress'],
  declined: ['in_progress'],
};

export const isClosed = (s: string) => s === 'done' || s === 'declined';

export function statusParams(status: RequestStatus, reason: string | null): Record<string, string> {
  const label = STATUS_LABELS[status];
  return {
    status,
    status_de: label.de,
    status_en: label.en,
    reason: reason ?? '',
  };
}
