import { Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostEvent } from '../../../api/posts-types.ts';
import { useDateTime } from '../../../components/date-format.ts';

const KINDS = [
  'created',
  'edited',
  'submitted',
  'approval_given',
  'approved',
  'changes_requested',
  'back_to_review',
  'scheduled',
  'unscheduled',
  'rescheduled',
  'published',
  'failed',
  'needs_decision',
  'marked_published',
  'send_again',
  'media_added',
  'retry',
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

/** A line of detail worth reading: a comment, or the channel(s) an event was about. */
function detailOf(event: PostEvent): string | null {
  const d = event.detail;
  if (typeof d.comment === 'string' && d.comment) return `„${d.comment}“`;
  if (typeof d.channel === 'string') return d.channel;
  if (typeof d.reason === 'string' && d.reason !== 'edited') return d.reason;
  if (Array.isArray(d.channels))
    return d.channels
      .map((c: unknown) =>
        typeof c === 'string' ? c : typeof c === 'object' && c && 'channel' in c ? String(c.channel) : '',
      )
      .filter(Boolean)
      .join(', ');
  return null;
}

/** Every change of state of the post, oldest first, with who did it and when. */
export function PostHistory({ events }: { events: PostEvent[] }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const sorted = [...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <section aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="sm">
        {t('composer.history.title')}
      </Title>
      <Timeline
        bulletSize={12}
        lineWidth={2}
        active={sorted.length - 1}
        aria-label={t('composer.history.title')}
      >
        {sorted.map((e) => {
          const detail = detailOf(e);
          return (
            <Timeline.Item key={e.id} title={isKind(e.kind) ? t(`composer.history.kinds.${e.kind}`) : e.kind}>
              <Text size="xs" c="dimmed">
                {t('composer.history.byAt', { actor: e.actor, at: formatDateTime(e.createdAt) })}
              </Text>
              {detail && <Text size="sm">{detail}</Text>}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </section>
  );
}
