import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { deleteSearch, fetchMatches, fetchSearch, fetchStats, runSearchNow } from '../../api/listening.ts';
import { useDateTime } from '../../components/date-format.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan, useSession } from '../../session/session-context.ts';
import { AlertRules } from './alert-rules.tsx';
import { SearchForm } from './search-form.tsx';

/** How often the stream looks for new matches (a live channel is the inbox's SSE work). */
const POLL_MS = 5000;

const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

function sentimentBadge(s: number, t: TFunction) {
  const kind: (typeof SENTIMENTS)[number] = s < -0.05 ? 'negative' : s > 0.05 ? 'positive' : 'neutral';
  const color = kind === 'negative' ? 'red' : kind === 'positive' ? 'teal' : 'gray';
  return (
    <Badge color={color} variant="light" data-testid="match-sentiment">
      {t(`listening.sentiment.${kind}`)} ({s.toFixed(2)})
    </Badge>
  );
}

export function SearchPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useSession();
  const canManage = useCan('listening.manage');
  const dateTime = useDateTime();
  const [editing, setEditing] = useState(false);
  const [sentiment, setSentiment] = useState<string | null>(null);
  const [bucket, setBucket] = useState<'hour' | 'day'>('hour');

  const search = useQuery({ queryKey: ['listening', 'search', id], queryFn: () => fetchSearch(id) });
  const matches = useInfiniteQuery({
    queryKey: ['listening', 'matches', id, sentiment],
    queryFn: ({ pageParam }) =>
      fetchMatches(id, { before: pageParam ?? undefined, sentiment: sentiment ?? undefined, limit: 30 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    refetchInterval: POLL_MS,
  });
  const stats = useQuery({
    queryKey: ['listening', 'stats', id, bucket],
    queryFn: () =>
      fetchStats(id, {
        bucket,
        days: bucket === 'hour' ? 2 : 30,
        timeZone: me.user.timeZone || 'Europe/Berlin',
      }),
    refetchInterval: POLL_MS * 6,
  });
  const run = useMutation({
    mutationFn: () => runSearchNow(id),
    onSuccess: () => notifySuccess(t('listening.runQueued')),
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: () => deleteSearch(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['listening'] });
      void navigate('/listening');
    },
    onError: notifyError,
  });

  if (search.error) return <QueryError error={search.error} onRetry={() => void search.refetch()} />;
  if (!search.data) return null;
  const s = search.data;
  const label = (iso: string) =>
    new Intl.DateTimeFormat(me.user.locale, {
      timeZone: me.user.timeZone || 'Europe/Berlin',
      ...(bucket === 'hour'
        ? { hour: '2-digit', day: '2-digit', month: '2-digit' }
        : { day: '2-digit', month: '2-digit' }),
    }).format(new Date(iso));

  return (
    <Stack>
      <PageHeader
        title={s.name}
        description={s.query}
        actions={
          canManage ? (
            <Group>
              <Button variant="light" onClick={() => run.mutate()} loading={run.isPending}>
                {t('listening.runNow')}
              </Button>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('listening.edit')}
              </Button>
              <Button color="red" variant="subtle" onClick={() => remove.mutate()} loading={remove.isPending}>
                {t('listening.delete')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      {s.lastError && (
        <Text c="red" size="sm">
          {t('listening.lastError')}: {s.lastError}
        </Text>
      )}
      <Card withBorder component="section" aria-labelledby="listening-chart">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="listening-chart">
            {t('listening.chart')}
          </Title>
          <SegmentedControl
            value={bucket}
            onChange={(v) => setBucket(v === 'day' ? 'day' : 'hour')}
            data={[
              { value: 'hour', label: t('listening.hourly') },
              { value: 'day', label: t('listening.daily') },
            ]}
          />
        </Group>
        <LineChart
          h={220}
          data={(stats.data?.points ?? []).map((p) => ({
            at: label(p.at),
            [t('listening.volume')]: p.total,
            [t('listening.negative')]: p.negative,
          }))}
          dataKey="at"
          series={[
            { name: t('listening.volume'), color: 'blue.6' },
            { name: t('listening.negative'), color: 'red.6' },
          ]}
          curveType="monotone"
        />
      </Card>
      <Card withBorder component="section" aria-labelledby="listening-stream">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4" id="listening-stream">
            {t('listening.stream')}
          </Title>
          <Select
            aria-label={t('listening.sentimentFilter')}
            placeholder={t('listening.sentimentFilter')}
            data={SENTIMENTS.map((v) => ({
              value: v,
              label: t(`listening.sentiment.${v}`),
            }))}
            value={sentiment}
            onChange={setSentiment}
            clearable
          />
        </Group>
        {matches.error && <QueryError error={matches.error} />}
        <Stack gap="xs" data-testid="listening-stream">
          {matches.data?.pages.flatMap((p) => p.items).length === 0 && (
            <Text c="dimmed">{t('listening.noMatches')}</Text>
          )}
          {matches.data?.pages
            .flatMap((p) => p.items)
            .map((m) => (
              <Card key={m.id} withBorder padding="sm" data-testid="listening-match">
                <Group justify="space-between">
                  <Text size="sm" fw={600}>
                    {m.authorName}{' '}
                    <Text span c="dimmed">
                      @{m.authorHandle} · {m.network}
                    </Text>
                  </Text>
                  {sentimentBadge(m.sentiment, t)}
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.text}
                </Text>
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    {dateTime(m.postedAt)}
                  </Text>
                  {m.url.startsWith('http') || m.url.startsWith('/') ? (
                    <Anchor size="xs" href={m.url} target="_blank" rel="noopener noreferrer">
                      {t('listening.open')}
                    </Anchor>
                  ) : null}
                </Group>
              </Card>
            ))}
          {matches.hasNextPage && (
            <Button
              variant="subtle"
              onClick={() => void matches.fetchNextPage()}
              loading={matches.isFetchingNextPage}
            >
              {t('listening.more')}
            </Button>
          )}
        </Stack>
      </Card>
      <AlertRules searchId={id} />
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('listening.edit')} size="lg">
        <SearchForm search={s} onDone={() => setEditing(false)} />
      </Modal>
    </Stack>
  );
}
