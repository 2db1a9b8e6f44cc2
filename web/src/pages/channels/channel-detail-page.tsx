import { Anchor, Divider, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Channel, fetchChannel } from '../../api/channels.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { displayHandle } from './account-link.tsx';
import { ChannelOverview } from './channel-overview.tsx';
import { ChannelSettingsForm, TeamList } from './channel-settings-form.tsx';
import { PlanView } from './plan-view.tsx';
import { PostingPlanForm } from './posting-plan-form.tsx';
import { RemoveChannelButton } from './remove-channel-button.tsx';
import { RenewCredentialsForm } from './renew-credentials-form.tsx';

/** What only the people who manage the channel see; the server refuses everybody else anyway. */
function ManageSections({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <>
      <ChannelSettingsForm key={`settings-${channel.id}`} channel={channel} />
      <PostingPlanForm key={`plan-${channel.id}`} channel={channel} />
      {channel.network === 'sandbox' ? (
        <Text c="dimmed">{t('channels.renew.sandbox')}</Text>
      ) : (
        <RenewCredentialsForm key={`renew-${channel.id}`} channel={channel} network={channel.network} />
      )}
      <Divider />
      <section aria-labelledby="channel-remove">
        <Title order={2} id="channel-remove" mb="xs">
          {t('channels.remove.button')}
        </Title>
        <Text c="dimmed" mb="sm">
          {t('channels.remove.summary')}
        </Text>
        <RemoveChannelButton channel={channel} />
      </section>
    </>
  );
}

export function ChannelDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const channel = useQuery({ queryKey: queryKeys.channel(id), queryFn: () => fetchChannel(id) });

  return (
    <Stack gap="xl">
      <Anchor component={Link} to="/channels" size="sm">
        {t('channels.detail.back')}
      </Anchor>
      {channel.isError ? (
        <QueryError error={channel.error} onRetry={() => void channel.refetch()} />
      ) : channel.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          <PageHeader title={channel.data.name} description={displayHandle(channel.data.account.handle)} />
          <ChannelOverview channel={channel.data} />
          {channel.data.mayManage ? (
            <ManageSections channel={channel.data} />
          ) : (
            <>
              {channel.data.ownership === 'company' && <TeamList channel={channel.data} />}
              <PlanView channel={channel.data} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
