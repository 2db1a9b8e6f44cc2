import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/channels.ts';
import { AccountLink } from './account-link.tsx';
import { HealthBadge, HealthDetails } from './channel-health.tsx';
import { networkLabel } from './channel-labels.ts';
import { CheckConnectionButton } from './check-connection-button.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** What the channel is and whether it works, for everybody who may see it. */
export function ChannelOverview({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder padding="lg" component="section" aria-labelledby="channel-facts">
        <Title order={2} size="h4" id="channel-facts" mb="sm">
          {t('channels.detail.facts')}
        </Title>
        <SimpleGrid cols={2} component="dl" m={0} spacing="sm">
          <Fact label={t('channels.columns.network')}>{networkLabel(t, channel.network)}</Fact>
          <Fact label={t('channels.columns.account')}>
            <AccountLink channel={channel} />
          </Fact>
          <Fact label={t('channels.detail.kind')}>
            {channel.ownership === 'company'
              ? t('channels.detail.company')
              : t('channels.detail.personalOf', { name: channel.owner?.name ?? t('common.none') })}
          </Fact>
          <Fact label={t('channels.columns.queued')}>{channel.queuedPosts}</Fact>
          <Fact label={t('channels.columns.mayPublish')}>
            {channel.mayPublish ? t('channels.detail.mayPublish') : t('channels.detail.mayNotPublish')}
          </Fact>
        </SimpleGrid>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="channel-health">
        <Group justify="space-between" mb="sm" wrap="nowrap">
          <Title order={2} size="h4" id="channel-health">
            {t('channels.columns.health')}
          </Title>
          <HealthBadge health={channel.health} />
        </Group>
        <Stack gap="md">
          <HealthDetails health={channel.health} />
          {channel.health.status === 'needs_reauth' && (
            <Text size="sm">
              {channel.mayManage ? t('channels.detail.reauthHint') : t('channels.detail.reauthAsk')}
            </Text>
          )}
          <CheckConnectionButton channel={channel} />
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
