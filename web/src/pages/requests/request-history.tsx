import { Stack, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { REQUEST_PRIORITIES, REQUEST_STATUSES, type RequestDetail } from '../../api/requests.ts';
import { useDateTime } from '../../components/date-format.ts';

type Entry = RequestDetail['history'][number];

const isStatus = (v: string | null | undefined): v is (typeof REQUEST_STATUSES)[number] =>
  REQUEST_STATUSES.some((s) => s === v);
const isPriority = (v: string | null | undefined): v is (typeof REQUEST_PRIORITIES)[number] =>
  REQUEST_PRIORITIES.some((s) => s === v);

function historyText(t: TFunction, e: Entry): string {
  const d = e.detail;
  switch (e.kind) {
    case 'created':
      return t('requests.history.created');
    case 'status':
      return t('requests.history.status', {
        from: isStatus(d.from) ? t(`requests.status.${d.from}`) : d.from,
        to: isStatus(d.to) ? t(`requests.status.${d.to}`) : d.to,
      });
    case 'priority':
      return t('requests.history.priority', {
        to: isPriority(d.to) ? t(`requests.priority.${d.to}`) : d.to,
      });
    case 'assigned':
      return d.assignee
        ? t('requests.history.assigned', { name: d.assignee })
        : t('requests.history.unassigned');
    case 'attachment':
      return t('requests.history.attachment', { file: d.file ?? '' });
    case 'post_created':
      return t('requests.history.postCreated');
    default:
      return e.kind;
  }
}

/** Who changed what, when. */
export function RequestHistory({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  return (
    <Stack component="section" aria-labelledby="history-heading" gap="xs">
      <Title order={2} size="h4" id="history-heading">
        {t('requests.history.title')}
      </Title>
      <Timeline bulletSize={12} lineWidth={2}>
        {request.history.map((e) => (
          <Timeline.Item key={e.id} title={historyText(t, e)}>
            <Text size="xs" c="dimmed">
              {e.actorLabel} · {formatDateTime(e.createdAt)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
