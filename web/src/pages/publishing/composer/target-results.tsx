import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refreshMetrics, resolveTarget } from '../../../api/posts.ts';
import type { Post, PostTarget } from '../../../api/posts-types.ts';
import { useDateTime } from '../../../components/date-format.ts';
import { TargetStateBadge } from '../post-status-badge.tsx';
import { ActionError } from './action-error.tsx';

/** Only an address on the web is offered as "the published post". */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

function Metrics({ target }: { target: PostTarget }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const m = target.metrics;
  if (!m) return null;
  const n = (v: number | null) => (v === null ? t('common.none') : String(v));
  return (
    <Text size="sm" aria-label={t('composer.results.metricsOf', { channel: target.channel.name })}>
      {t('composer.results.metrics', {
        likes: n(m.likes),
        reposts: n(m.reposts),
        replies: n(m.replies),
        impressions: n(m.impressions),
        at: formatDateTime(m.at),
      })}
    </Text>
  );
}

/** "Needs decision": the network did not confirm; a person looks and says what happened. */
function Decide({ post, target, adopt }: { post: Post; target: PostTarget; adopt: (p: Post) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const resolve = useMutation({
    mutationFn: (decision: 'published' | 'send_again') =>
      resolveTarget(
        post.id,
        target.id,
        decision === 'published' && url.trim() ? { decision, url: url.trim() } : { decision },
      ),
    onSuccess: adopt,
  });
  return (
    <Stack gap="xs">
      <Text size="sm">{t('composer.results.needsDecision')}</Text>
      <TextInput
        label={t('composer.results.foundUrl', { channel: target.channel.name })}
        value={url}
        onChange={(e) => setUrl(e.currentTarget.value)}
      />
      <Group>
        <Button size="xs" onClick={() => resolve.mutate('published')} loading={resolve.isPending}>
          {t('composer.results.markPublished')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => resolve.mutate('send_again')}
          loading={resolve.isPending}
        >
          {t('composer.results.sendAgain')}
        </Button>
      </Group>
      <ActionError error={resolve.error} />
    </Stack>
  );
}

interface TargetResultsProps {
  post: Post;
  adopt: (post: Post) => void;
  /** Opens the channel's own text in the composer, to fix what the network refused. */
  onEdit: (channelId: string) => void;
}

/** Where the post stands on each channel: when, the published link, the network's reason, the figures. */
export function TargetResults({ post, adopt, onEdit }: TargetResultsProps) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const metrics = useMutation({ mutationFn: () => refreshMetrics(post.id), onSuccess: adopt });
  const anyPublished = post.targets.some((x) => x.state === 'published');
  return (
    <Stack gap="sm" component="section" aria-labelledby="results-heading">
      <Title order={2} size="h4" id="results-heading">
        {t('composer.results.title')}
      </Title>
      {post.targets.map((target) => (
        <Card key={target.id} withBorder padding="sm" component="article" aria-label={target.channel.name}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap">
              <Text fw={600}>{target.channel.name}</Text>
              <TargetStateBadge state={target.state} />
            </Group>
            {target.state === 'scheduled' && target.scheduledAt && (
              <Text size="sm">
                {t('composer.results.scheduledFor', { at: formatDateTime(target.scheduledAt) })}
              </Text>
            )}
            {target.state === 'published' && (
              <Text size="sm">
                {t('composer.results.publishedAt', { at: formatDateTime(target.publishedAt) })}{' '}
                {target.remoteUrl && isWebUrl(target.remoteUrl) && (
                  <Anchor href={target.remoteUrl} target="_blank" rel="noopener noreferrer">
                    {t('composer.results.open', { channel: target.channel.name })}
                  </Anchor>
                )}
              </Text>
            )}
            {target.failure && (
              <Text size="sm" c="red">
                {t('composer.results.failed', { reason: target.failure.reason || target.failure.code })}
              </Text>
            )}
            {target.state === 'failed' && post.can.edit && (
              <Group>
                <Button size="xs" variant="default" onClick={() => onEdit(target.channel.id)}>
                  {t('composer.results.editRetry', { channel: target.channel.name })}
                </Button>
              </Group>
            )}
            {target.state === 'needs_decision' && <Decide post={post} target={target} adopt={adopt} />}
            <Metrics target={target} />
          </Stack>
        </Card>
      ))}
      {anyPublished && (
        <Group>
          <Button size="xs" variant="default" onClick={() => metrics.mutate()} loading={metrics.isPending}>
            {t('composer.results.refreshMetrics')}
          </Button>
        </Group>
      )}
      <ActionError error={metrics.error} />
    </Stack>
  );
}
