import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Channel, Ownership } from '../../api/channels.ts';
import { AccountLink } from './account-link.tsx';
import { HealthBadge, HealthDetails } from './channel-health.tsx';
import { networkLabel } from './channel-labels.ts';

function TeamCell({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  // A personal channel has no team: its owner alone publishes there.
  if (channel.ownership === 'personal') return <>{channel.owner?.name ?? t('common.none')}</>;
  if (channel.members.length === 0) return <>{t('channels.noTeam')}</>;
  return <>{channel.members.map((m) => m.name).join(', ')}</>;
}

/** One table per kind of channel, so a company account is never mistaken for someone's own. */
export function ChannelTable({ ownership, channels }: { ownership: Ownership; channels: Channel[] }) {
  const { t } = useTranslation();
  const headingId = `channels-${ownership}`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} id={headingId}>
        {t(`channels.groups.${ownership}`)}
      </Title>
      {channels.length === 0 ? (
        <Text c="dimmed">{t(`channels.empty.${ownership}`)}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm" aria-labelledby={headingId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('channels.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('channels.columns.network')}</Table.Th>
                <Table.Th scope="col">{t('channels.columns.account')}</Table.Th>
                <Table.Th scope="col">{t('channels.columns.health')}</Table.Th>
                <Table.Th scope="col">
                  {ownership === 'company' ? t('channels.columns.team') : t('channels.columns.owner')}
                </Table.Th>
                <Table.Th scope="col">{t('channels.columns.queued')}</Table.Th>
                <Table.Th scope="col">{t('channels.columns.mayPublish')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {channels.map((channel) => (
                <Table.Tr key={channel.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/channels/${channel.id}`}>
                      {channel.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{networkLabel(t, channel.network)}</Table.Td>
                  <Table.Td>
                    <AccountLink channel={channel} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <HealthBadge health={channel.health} />
                      <HealthDetails health={channel.health} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <TeamCell channel={channel} />
                  </Table.Td>
                  <Table.Td>{channel.queuedPosts}</Table.Td>
                  <Table.Td>{channel.mayPublish ? t('channels.yes') : t('channels.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
