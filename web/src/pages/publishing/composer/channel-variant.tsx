import { Card, Group, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../api/channels.ts';
import type { PostMedia } from '../../../api/posts-types.ts';
import { CharacterCount } from './character-count.tsx';
import { NetworkPreview } from './network-preview.tsx';
import { measureFor } from './text-measure.ts';

interface ChannelVariantProps {
  channel: Channel;
  baseText: string;
  /** null: the base text is published here. */
  variantText: string | null;
  media: PostMedia[];
  readOnly: boolean;
  onChange: (variantText: string | null) => void;
}

/** One channel of the post: its own text or the base text, counted as its network counts, and a preview. */
export function ChannelVariant({
  channel,
  baseText,
  variantText,
  media,
  readOnly,
  onChange,
}: ChannelVariantProps) {
  const { t } = useTranslation();
  const text = variantText ?? baseText;
  const measure = measureFor(text, channel.capabilities);
  const headingId = `variant-${channel.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-channel={channel.name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {channel.name}
          </Title>
          <CharacterCount measure={measure} channel={channel.name} />
        </Group>
        <Switch
          label={t('composer.variant.useBase', { channel: channel.name })}
          checked={variantText === null}
          disabled={readOnly}
          onChange={(e) => onChange(e.currentTarget.checked ? null : baseText)}
        />
        {variantText !== null && (
          <Textarea
            label={t('composer.variant.text', { channel: channel.name })}
            autosize
            minRows={3}
            value={variantText}
            readOnly={readOnly}
            onChange={(e) => onChange(e.currentTarget.value)}
            error={measure.over ? t('composer.count.tooLong', { channel: channel.name }) : undefined}
          />
        )}
        {variantText === null && measure.over && (
          <Text size="sm" c="red" role="alert">
            {t('composer.count.tooLong', { channel: channel.name })}
          </Text>
        )}
        <NetworkPreview channel={channel} text={text} media={media} />
      </Stack>
    </Card>
  );
}
