import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../api/channels.ts';

interface ChannelPickerProps {
  channels: Channel[];
  selected: string[];
  /** Channels already on the post the user may not publish to (a colleague's) stay listed, fixed. */
  fixed: { id: string; name: string }[];
  readOnly: boolean;
  onChange: (ids: string[]) => void;
}

/** The channels the user may publish to; a channel that needs reconnecting says so. */
export function ChannelPicker({ channels, selected, fixed, readOnly, onChange }: ChannelPickerProps) {
  const { t } = useTranslation();
  if (channels.length === 0 && fixed.length === 0)
    return <Text c="dimmed">{t('composer.channels.none')}</Text>;
  return (
    <Checkbox.Group
      label={t('composer.channels.label')}
      value={selected}
      onChange={onChange}
      readOnly={readOnly}
    >
      <Stack gap="xs" mt="xs">
        {channels.map((c) => (
          <Checkbox
            key={c.id}
            value={c.id}
            disabled={readOnly}
            label={
              <Group gap={6}>
                <span>{c.name}</span>
                <Text span size="xs" c="dimmed">
                  {t(`composer.networks.${c.network}`)} · {t(`composer.channels.${c.ownership}`)}
                </Text>
                {c.health.status === 'needs_reauth' && (
                  <Text span size="xs" c="red">
                    {t('composer.channels.needsReauth')}
                  </Text>
                )}
              </Group>
            }
          />
        ))}
        {fixed.map((c) => (
          <Checkbox
            key={c.id}
            value={c.id}
            disabled
            label={t('composer.channels.notYours', { channel: c.name })}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
