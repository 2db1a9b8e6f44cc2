import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

export const PUBLISHING_TABS = [
  { id: 'posts', path: '/publishing' },
  { id: 'calendar', path: '/publishing/calendar' },
  { id: 'workflows', path: '/publishing/workflows' },
  { id: 'campaigns', path: '/publishing/campaigns' },
] as const;

export type PublishingTabId = (typeof PUBLISHING_TABS)[number]['id'];

/** The publishing area's sections, above each of its pages; the active tab follows the address. */
export function PublishingTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active =
    [...PUBLISHING_TABS].reverse().find((tab) => tab.path !== '/publishing' && pathname.startsWith(tab.path))
      ?.id ?? 'posts';
  return (
    <Tabs
      value={active}
      onChange={(value) => {
        const tab = PUBLISHING_TABS.find((x) => x.id === value);
        if (tab) void navigate(tab.path);
      }}
      mb="md"
    >
      <Tabs.List aria-label={t('posts.tabs.label')}>
        {PUBLISHING_TABS.map((tab) => (
          <Tabs.Tab key={tab.id} value={tab.id}>
            {t(`posts.tabs.${tab.id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
