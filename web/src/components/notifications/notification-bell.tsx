import { ActionIcon, Indicator, Popover } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchNotifications } from '../../api/notifications.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { BellIcon } from './bell-icon.tsx';
import { NotificationList } from './notification-list.tsx';

/** How often the bell asks for news: often enough for approvals, rarely enough for a tab left open. */
const POLL_MS = 30_000;

export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, popover] = useDisclosure(false);
  const list = useQuery({
    queryKey: queryKeys.notifications,
    queryFn: fetchNotifications,
    refetchInterval: POLL_MS,
  });
  const unread = list.data?.unread ?? 0;
  return (
    // The badge sits outside the popover's target, so the button itself gets the popover's ARIA state.
    <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} offset={4}>
      <Popover
        opened={opened}
        onChange={(open) => (open ? popover.open() : popover.close())}
        position="bottom-end"
        width={380}
        withinPortal
        shadow="md"
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={popover.toggle}
            aria-label={t('notifications.bell', { count: unread })}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-label={t('notifications.title')} p="xs">
          <NotificationList query={list} onNavigate={popover.close} />
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
