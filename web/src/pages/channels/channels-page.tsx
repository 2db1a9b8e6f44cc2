import { Button, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchChannels } from '../../api/channels.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../../session/session-context.ts';
import { ChannelTable } from './channel-table.tsx';
import { ConnectChannelModal } from './connect-channel-modal.tsx';

export function ChannelsPage() {
  const { t } = useTranslation();
  // Everyone who may connect a personal channel gets the button; company channels need more, and the
  // dialog offers them only to those who have it.
  const canConnect = useCan('channels.connect_personal');
  const channels = useQuery({ queryKey: queryKeys.channels, queryFn: fetchChannels });
  const [connecting, setConnecting] = useState(false);
  const items = channels.data?.items ?? [];

  return (
    <Stack gap="xl">
      <PageHeader
        title={t('areas.channels.name')}
        description={t('channels.summary')}
        actions={
          <>
            <Button component={Link} to="/channels/sandbox" variant="default">
              {t('sandbox.title')}
            </Button>
            {canConnect && <Button onClick={() => setConnecting(true)}>{t('channels.connect')}</Button>}
          </>
        }
      />
      {channels.isError ? (
        <QueryError error={channels.error} onRetry={() => void channels.refetch()} />
      ) : channels.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          <ChannelTable ownership="company" channels={items.filter((c) => c.ownership === 'company')} />
          <ChannelTable ownership="personal" channels={items.filter((c) => c.ownership === 'personal')} />
        </>
      )}
      {connecting && <ConnectChannelModal onClose={() => setConnecting(false)} />}
    </Stack>
  );
}
