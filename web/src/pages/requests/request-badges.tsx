import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestPriority, RequestStatus } from '../../api/requests.ts';

const STATUS_COLOURS: Record<RequestStatus, string> = {
  new: 'blue',
  in_progress: 'yellow',
  waiting: 'orange',
  done: 'green',
  declined: 'gray',
};

const PRIORITY_COLOURS: Record<RequestPriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid="request-status">
      {t(`requests.status.${status}`)}
    </Badge>
  );
}

export function RequestPriorityBadge({ priority }: { priority: RequestPriority }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLOURS[priority]} variant="outline">
      {t(`requests.priority.${priority}`)}
    </Badge>
  );
}

/** A due date (a calendar day) in the reader's language; no time zone shift: it is a day, not an instant. */
export function useDueDate(): (day: string | null) => string {
  const { i18n, t } = useTranslation();
  return (day) => {
    if (!day) return t('common.none');
    const [y, m, d] = day.split('-').map(Number);
    if (!y || !m || !d) return day;
    return new Intl.DateTimeFormat(i18n.language === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
  };
}
