import { Group, Select, Switch } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchCampaigns } from '../../api/campaigns.ts';
import { fetchChannels } from '../../api/channels.ts';
import { LIST_STATES, type ListState, type PostFilter, type PostSummary } from '../../api/posts-types.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useCan } from '../../session/session-context.ts';

/** The server filters by state, "mine" and "awaiting my approval"; channel and campaign narrow its answer. */
export interface ListFilter extends PostFilter {
  channelId?: string;
  campaignId?: string;
}

const isListState = (v: string | null): v is ListState =>
  (LIST_STATES as readonly (string | null)[]).includes(v);

export const matchesLocally = (post: PostSummary, filter: ListFilter) =>
  (!filter.channelId || post.targets.some((t) => t.channel.id === filter.channelId)) &&
  (!filter.campaignId || post.campaign?.id === filter.campaignId);

export function PostsFilters({
  filter,
  onChange,
}: {
  filter: ListFilter;
  onChange: (f: ListFilter) => void;
}) {
  const { t } = useTranslation();
  const canApprove = useCan('posts.approve');
  const channels = useQuery({ queryKey: queryKeys.channels, queryFn: fetchChannels });
  const campaigns = useQuery({ queryKey: queryKeys.campaigns, queryFn: fetchCampaigns });
  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label={t('posts.filter.state')}
        placeholder={t('posts.filter.allStates')}
        value={filter.state ?? null}
        onChange={(v) => onChange({ ...filter, state: isListState(v) ? v : undefined })}
        data={LIST_STATES.map((s) => ({ value: s, label: t(`posts.status.${s}`) }))}
        clearable
      />
      <Select
        label={t('posts.filter.channel')}
        placeholder={t('posts.filter.allChannels')}
        value={filter.channelId ?? null}
        onChange={(v) => onChange({ ...filter, channelId: v ?? undefined })}
        data={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        clearable
        searchable
      />
      <Select
        label={t('posts.filter.campaign')}
        placeholder={t('posts.filter.allCampaigns')}
        value={filter.campaignId ?? null}
        onChange={(v) => onChange({ ...filter, campaignId: v ?? undefined })}
        data={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        clearable
        searchable
      />
      <Switch
        label={t('posts.filter.mine')}
        checked={filter.mine ?? false}
        onChange={(e) => onChange({ ...filter, mine: e.currentTarget.checked })}
      />
      {canApprove && (
        <Switch
          label={t('posts.filter.awaitingMe')}
          checked={filter.awaitingMyApproval ?? false}
          onChange={(e) => onChange({ ...filter, awaitingMyApproval: e.currentTarget.checked })}
        />
      )}
    </Group>
  );
}
