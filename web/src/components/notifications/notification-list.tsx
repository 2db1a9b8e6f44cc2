import { Box, Button, Group, Loader, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { type UseQueryResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type AppNotification,
  type NotificationList as List,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../api/notifications.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useDateTime } from '../date-format.ts';
import { notifyError } from '../notify.ts';
import { QueryError } from '../query-error.tsx';
import { internalPath, notificationText } from './notification-text.ts';

function Item({ n, onOpen, onRead }: { n: AppNotification; onOpen: () => void; onRead: () => void }) {
  const { t } = useTranslation();
  const formatDate = useDateTime();
  const unread = n.readAt === null;
  return (
    <Group component="li" wrap="nowrap" align="flex-start" gap="xs" py={6}>
      <UnstyledButton onClick={onOpen} style={{ flex: 1 }} aria-describedby={`notification-${n.id}-time`}>
        <Text size="sm" fw={unread ? 600 : 400}>
          {notificationText(t, n)}
        </Text>
        <Text size="xs" c="dimmed" id={`notification-${n.id}-time`}>
          {unread ? t('notifications.unreadAt', { date: formatDate(n.createdAt) }) : formatDate(n.createdAt)}
        </Text>
      </UnstyledButton>
      {unread && (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={onRead}
          aria-label={t('notifications.markReadOne', { text: notificationText(t, n) })}
        >
          {t('notifications.markRead')}
        </Button>
      )}
    </Group>
  );
}

/** The newest notifications; opening one marks it read and goes to what it is about. */
export function NotificationList({
  query,
  onNavigate,
}: {
  query: UseQueryResult<List>;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
  const readOne = useMutation({ mutationFn: markNotificationRead, onSettled: refresh, onError: notifyError });
  const readAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: refresh,
    onError: notifyError,
  });

  const open = (n: AppNotification) => {
    if (n.readAt === null) readOne.mutate(n.id);
    const path = internalPath(n.link);
    if (!path) return;
    onNavigate();
    void navigate(path);
  };

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  const { items, unread } = query.data;
  return (
    <Stack gap="xs">
      <Group justify="space-between" px="xs">
        <Text fw={600}>{t('notifications.title')}</Text>
        {unread > 0 && (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => readAll.mutate()}
            loading={readAll.isPending}
          >
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" px="xs" pb="xs">
          {t('notifications.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420}>
          <Box
            component="ul"
            m={0}
            px="xs"
            style={{ listStyle: 'none' }}
            aria-label={t('notifications.title')}
          >
            {items.map((n) => (
              <Item key={n.id} n={n} onOpen={() => open(n)} onRead={() => readOne.mutate(n.id)} />
            ))}
          </Box>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
