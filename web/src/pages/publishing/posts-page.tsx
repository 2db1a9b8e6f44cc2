import { Anchor, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchPosts } from '../../api/posts.ts';
import type { PostFilter } from '../../api/posts-types.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useDateTime } from '../../components/date-format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../../session/session-context.ts';
import { PostStatusBadge } from './post-status-badge.tsx';
import { excerpt, nextTime } from './post-summary.ts';
import { type ListFilter, matchesLocally, PostsFilters } from './posts-filters.tsx';
import { PublishingTabs } from './publishing-tabs.tsx';

export function PostsPage() {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const canWrite = useCan('posts.write');
  const [filter, setFilter] = useState<ListFilter>({});
  const serverFilter: PostFilter = {
    state: filter.state,
    mine: filter.mine,
    awaitingMyApproval: filter.awaitingMyApproval,
  };
  const posts = useQuery({
    queryKey: [...queryKeys.posts, 'list', serverFilter],
    queryFn: () => fetchPosts(serverFilter),
  });
  const items = (posts.data?.items ?? []).filter((p) => matchesLocally(p, filter));

  return (
    <Stack>
      <PageHeader
        title={t('posts.title')}
        description={t('posts.summary')}
        actions={
          canWrite && (
            <Button component={Link} to="/publishing/posts/new">
              {t('posts.new')}
            </Button>
          )
        }
      />
      <PublishingTabs />
      <PostsFilters filter={filter} onChange={setFilter} />
      {posts.isError ? (
        <QueryError error={posts.error} onRetry={() => void posts.refetch()} />
      ) : posts.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('posts.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Caption>{t('posts.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('posts.columns.text')}</Table.Th>
                <Table.Th scope="col">{t('posts.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('posts.columns.channels')}</Table.Th>
                <Table.Th scope="col">{t('posts.columns.when')}</Table.Th>
                <Table.Th scope="col">{t('posts.columns.author')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((post) => {
                const when = nextTime(post);
                return (
                  <Table.Tr key={post.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/publishing/posts/${post.id}`}>
                        {excerpt(post.baseText) || t('posts.untitled')}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <PostStatusBadge status={post.status} />
                    </Table.Td>
                    <Table.Td>
                      {post.targets.map((x) => x.channel.name).join(', ') || t('common.none')}
                    </Table.Td>
                    <Table.Td>{when ? formatDateTime(when) : t('common.none')}</Table.Td>
                    <Table.Td>
                      {post.author.name}
                      {post.department && (
                        <Text size="xs" c="dimmed">
                          {post.department.name}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
