import { Badge, Button, Card, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { queryKeys } from '../../../api/query-keys.ts';
import { type Engagement, engageSandboxPost, type SandboxPost } from '../../../api/sandbox.ts';
import type { ItemList } from '../../../api/types.ts';
import { useDateTime } from '../../../components/date-format.ts';
import { notifyError } from '../../../components/notify.ts';
import { SandboxMetrics } from './sandbox-metrics.tsx';

/** What one click of the simulated audience does; impressions come in hundreds, as they do. */
const REACTIONS = [
  { id: 'like', engagement: { likes: 1 } },
  { id: 'repost', engagement: { reposts: 1 } },
  { id: 'reply', engagement: { replies: 1 } },
  { id: 'impressions', engagement: { impressions: 100 } },
] as const satisfies readonly { id: string; engagement: Engagement }[];

/** A post on the sandbox. Its text was written by someone, so it is shown as plain text, never as HTML. */
export function SandboxPostCard({ accountId, post }: { accountId: string; post: SandboxPost }) {
  const { t } = useTranslation();
  const formatDate = useDateTime();
  const queryClient = useQueryClient();
  const date = formatDate(post.createdAt);
  // A post's public address (/channels/sandbox/@handle/<id>, what Chorus links as "published") opens it here.
  const linked = useParams().postId === post.id;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (linked) ref.current?.scrollIntoView({ block: 'center' });
  }, [linked]);

  const mutation = useMutation({
    mutationFn: (engagement: Engagement) => engageSandboxPost(post.id, engagement),
    // The answer holds the new counts: shown at once, without reloading every post.
    onSuccess: (metrics) =>
      queryClient.setQueryData<ItemList<SandboxPost>>(queryKeys.sandboxPosts(accountId), (list) =>
        list ? { items: list.items.map((p) => (p.id === post.id ? { ...p, metrics } : p)) } : list,
      ),
    onError: notifyError,
  });

  return (
    <Card
      ref={ref}
      withBorder
      padding="md"
      component="article"
      aria-label={t('sandbox.posts.label', { date })}
      aria-current={linked ? 'true' : undefined}
      style={linked ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {date}
        </Text>
        {post.deleted && (
          <Badge color="gray" variant="light">
            {t('sandbox.posts.deleted')}
          </Badge>
        )}
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{post.text}</Text>
      {post.media.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('sandbox.posts.media', {
            count: post.media.length,
            alt: post.media.map((m) => m.altText || t('sandbox.posts.noAlt')).join(' · '),
          })}
        </Text>
      )}
      <SandboxMetrics metrics={post.metrics} />
      {!post.deleted && (
        <Group gap="xs" mt="sm" role="group" aria-label={t('sandbox.posts.audience')}>
          {REACTIONS.map((r) => (
            <Button
              key={r.id}
              size="xs"
              variant="light"
              disabled={mutation.isPending}
              onClick={() => mutation.mutate(r.engagement)}
            >
              {t(`sandbox.engage.${r.id}`)}
            </Button>
          ))}
        </Group>
      )}
    </Card>
  );
}
