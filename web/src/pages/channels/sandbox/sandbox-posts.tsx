import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import { fetchSandboxPosts, type SandboxAccount } from '../../../api/sandbox.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { SandboxPostCard } from './sandbox-post-card.tsx';

export function SandboxPosts({ account }: { account: SandboxAccount }) {
  const { t } = useTranslation();
  const posts = useQuery({
    queryKey: queryKeys.sandboxPosts(account.id),
    queryFn: () => fetchSandboxPosts(account.id),
  });
  const items = posts.data?.items ?? [];
  return (
    <section aria-labelledby="sandbox-posts">
      <Title order={3} id="sandbox-posts" mb="sm">
        {t('sandbox.posts.title', { handle: account.handle })}
      </Title>
      {posts.isError ? (
        <QueryError error={posts.error} onRetry={() => void posts.refetch()} />
      ) : posts.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('sandbox.posts.empty', { handle: account.handle })}</Text>
      ) : (
        <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="sandbox-posts">
          {items.map((post) => (
            <li key={post.id}>
              <SandboxPostCard accountId={account.id} post={post} />
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}
