import { Alert, List, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../api/campaigns.ts';
import type { Channel } from '../../../api/channels.ts';
import type { Post } from '../../../api/posts-types.ts';
import type { Department } from '../../../api/types.ts';
import { ChannelPicker } from './channel-picker.tsx';
import { ChannelVariant } from './channel-variant.tsx';
import type { Draft } from './draft-state.ts';

interface ComposerEditorProps {
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  post: Post | null;
  channels: Channel[];
  departments: Department[];
  campaigns: Campaign[];
  readOnly: boolean;
}

/** What is being written: department and campaign, the base text, the channels and each one's text. */
export function ComposerEditor({
  draft,
  setDraft,
  post,
  channels,
  departments,
  campaigns,
  readOnly,
}: ComposerEditorProps) {
  const { t } = useTranslation();
  const byId = new Map(channels.map((c) => [c.id, c]));
  const publishable = channels.filter((c) => c.mayPublish);
  // Channels already on the post that this user may not publish to (or no longer sees) stay, fixed.
  const fixed = (post?.targets ?? [])
    .filter((x) => !byId.get(x.channel.id)?.mayPublish)
    .map((x) => ({ id: x.channel.id, name: x.channel.name }));
  const selectChannels = (ids: string[]) =>
    setDraft((d) => ({
      ...d,
      targets: [
        ...d.targets.filter((x) => ids.includes(x.channelId) || fixed.some((f) => f.id === x.channelId)),
        ...ids
          .filter((id) => !d.targets.some((x) => x.channelId === id))
          .map((channelId) => ({ channelId, variantText: null })),
      ],
    }));
  const setVariant = (channelId: string, variantText: string | null) =>
    setDraft((d) => ({
      ...d,
      targets: d.targets.map((x) => (x.channelId === channelId ? { ...x, variantText } : x)),
    }));
  const activeCampaigns = campaigns.filter((c) => !c.archived || c.id === draft.campaignId);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('composer.department')}
          placeholder={t('composer.noDepartment')}
          data={departments.map((d) => ({ value: d.id, label: d.name }))}
          value={draft.departmentId}
          onChange={(v) => setDraft((d) => ({ ...d, departmentId: v }))}
          readOnly={readOnly}
          clearable
        />
        <Select
          label={t('composer.campaign')}
          placeholder={t('composer.noCampaign')}
          data={activeCampaigns.map((c) => ({ value: c.id, label: c.name }))}
          value={draft.campaignId}
          onChange={(v) => setDraft((d) => ({ ...d, campaignId: v }))}
          readOnly={readOnly}
          clearable
        />
      </SimpleGrid>
      <Textarea
        label={t('composer.baseText')}
        description={t('composer.baseTextHint')}
        autosize
        minRows={5}
        value={draft.baseText}
        readOnly={readOnly}
        onChange={(e) => {
          const baseText = e.currentTarget.value;
          setDraft((d) => ({ ...d, baseText }));
        }}
        data-autofocus
      />
      <ChannelPicker
        channels={publishable}
        selected={draft.targets.map((x) => x.channelId)}
        fixed={fixed}
        readOnly={readOnly}
        onChange={selectChannels}
      />
      {draft.targets.map((target) => {
        const channel = byId.get(target.channelId);
        return channel ? (
          <ChannelVariant
            key={target.channelId}
            channel={channel}
            baseText={draft.baseText}
            variantText={target.variantText}
            media={post?.media ?? []}
            readOnly={readOnly}
            onChange={(v) => setVariant(target.channelId, v)}
          />
        ) : null;
      })}
      {post && post.issues.length > 0 && (
        <Alert color="yellow" title={t('composer.issues')}>
          <List size="sm">
            {post.issues.map((i) => (
              <List.Item key={`${i.code}-${i.channelId ?? ''}-${i.message}`}>{i.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
