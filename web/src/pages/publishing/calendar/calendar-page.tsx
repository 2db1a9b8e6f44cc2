import { Group, Loader, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type CalendarEvent, fetchCalendar, rescheduleTarget } from '../../../api/calendar.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useDateTime } from '../../../components/date-format.ts';
import { errorMessage, notifySuccess } from '../../../components/notify.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { PublishingTabs } from '../publishing-tabs.tsx';
import { CalendarFilters } from './calendar-filters.tsx';
import { CalendarLegend } from './calendar-legend.tsx';
import { matchesFilters, serverQuery } from './calendar-query.ts';
import {
  type CalendarFilters as Filters,
  readCalendarParams,
  writeCalendarParams,
} from './calendar-search-params.ts';
import { CalendarView, type VisibleRange } from './calendar-view.tsx';

interface Move {
  event: CalendarEvent;
  to: Date;
  revert: () => void;
}

export function CalendarPage() {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readCalendarParams(searchParams);
  // Known only once FullCalendar has laid out its first view; nothing is fetched before.
  const [visible, setVisible] = useState<VisibleRange | null>(null);

  const query = visible ? serverQuery(visible, params) : null;
  const calendar = useQuery({
    queryKey: queryKeys.calendarRange(query ?? { from: '', to: '' }),
    queryFn: ({ signal }) => (query ? fetchCalendar(query, signal) : Promise.resolve({ items: [] })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
  const events = (calendar.data?.items ?? []).filter((e) => matchesFilters(e, params));

  const onRangeChange = useCallback((r: VisibleRange) => setVisible(r), []);

  // The address follows the calendar's navigation, so a reload or a shared link opens the same period.
  useEffect(() => {
    if (!visible) return;
    const current = readCalendarParams(searchParams);
    if (current.view === visible.view && current.date === visible.date) return;
    setSearchParams(writeCalendarParams({ ...current, view: visible.view, date: visible.date }), {
      replace: true,
    });
  }, [visible, searchParams, setSearchParams]);

  const setFilters = (filters: Filters) =>
    setSearchParams(writeCalendarParams({ ...params, ...filters }), { replace: true });

  const move = useMutation({
    mutationFn: ({ event, to }: Move) => rescheduleTarget(event.postId, event.targetId, to.toISOString()),
    onSuccess: (_post, { event, to }) => {
      notifySuccess(
        t('calendar.moved', { channel: event.channel.name, at: formatDateTime(to.toISOString()) }),
      );
    },
    onError: (error, { revert }) => {
      revert();
      notifications.show({
        color: 'red',
        title: t('calendar.moveRefused'),
        message: errorMessage(error),
        autoClose: 10_000,
      });
    },
    // Lists, the post itself and the channels' queues all show the time.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.posts }),
  });

  return (
    <Stack>
      <PageHeader title={t('calendar.title')} description={t('calendar.summary')} />
      <PublishingTabs />
      <CalendarFilters filters={params} onChange={setFilters} />
      <Group justify="space-between" wrap="wrap">
        <CalendarLegend />
        {(calendar.isFetching || move.isPending) && <Loader size="sm" aria-label={t('common.loading')} />}
      </Group>
      {calendar.isError && <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />}
      <Paper withBorder p="sm">
        <CalendarView
          events={events}
          view={params.view}
          date={params.date}
          onRangeChange={onRangeChange}
          onMove={(event, to, revert) => move.mutate({ event, to, revert })}
        />
      </Paper>
    </Stack>
  );
}
