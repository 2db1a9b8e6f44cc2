import { Avatar, Group, Image, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../api/channels.ts';
import type { PostMedia } from '../../../api/posts-types.ts';

/**
 * Roughly how the post will look on the network: the account, the text and the images. The text is
 * rendered as text (React escapes it), never as HTML, whatever it contains.
 */
export function NetworkPreview({
  channel,
  text,
  media,
}: {
  channel: Channel;
  text: string;
  media: PostMedia[];
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      aria-label={t('composer.preview.label', { channel: channel.name })}
      role="figure"
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Avatar size="sm" name={channel.name} color="initials" />
          <div>
            <Text size="sm" fw={600}>
              {channel.name}
            </Text>
            <Text size="xs" c="dimmed">
              @{channel.account.handle} · {t(`composer.networks.${channel.network}`)}
            </Text>
          </div>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text || t('composer.preview.empty')}
        </Text>
        {media.length > 0 && (
          <SimpleGrid cols={Math.min(media.length, 2)} spacing={4}>
            {media.map((m) => (
              <Image key={m.id} src={m.url} alt={m.altText} radius="sm" h={100} fit="cover" />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
