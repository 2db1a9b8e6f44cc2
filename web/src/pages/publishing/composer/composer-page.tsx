import { Anchor, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchCampaigns } from '../../../api/campaigns.ts';
import { fetchChannels } from '../../../api/channels.ts';
import { fetchDepartments } from '../../../api/departments.ts';
import { fetchPost } from '../../../api/posts.ts';
import type { Post } from '../../../api/posts-types.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useSession } from '../../../session/session-context.ts';
import { ComposerForm } from './composer-form.tsx';
import { emptyDraft } from './draft-state.ts';

/** While a channel is being sent to, the page looks again every few seconds for the outcome. */
const POLL_MS = 2000;
const inFlight = (post: Post | undefined) =>
  post?.targets.some((t) => t.state === 'scheduled' || t.state === 'sending') ?? false;

export function ComposerPage() {
  const { t } = useTranslation();
  const me = useSession();
  const { id = 'new' } = useParams();
  // The post this page created: its address changes from "new" to the id, the composer stays mounted.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const isNew = id === 'new';
  const post = useQuery({
    queryKey: queryKeys.post(id),
    queryFn: () => fetchPost(id),
    enabled: !isNew,
    refetchInterval: (q) => (inFlight(q.state.data) ? POLL_MS : false),
  });
  const channels = useQuery({ queryKey: queryKeys.channels, queryFn: fetchChannels });
  const departments = useQuery({ queryKey: queryKeys.departments, queryFn: fetchDepartments });
  const campaigns = useQuery({ queryKey: queryKeys.campaigns, queryFn: fetchCampaigns });
  const failed = [post, channels, departments, campaigns].find((q) => q.isError);
  const loading =
    (!isNew && post.isPending) || channels.isPending || departments.isPending || campaigns.isPending;

  return (
    <Stack>
      <Anchor component={Link} to="/publishing" size="sm">
        {t('composer.back')}
      </Anchor>
      <PageHeader title={isNew ? t('composer.newTitle') : t('composer.title')} />
      {failed ? (
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      ) : loading ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <ComposerForm
          key={id === createdId ? 'new' : id}
          post={isNew ? null : (post.data ?? null)}
          initial={emptyDraft(me.department?.id ?? null)}
          channels={channels.data?.items ?? []}
          departments={departments.data?.items ?? []}
          campaigns={campaigns.data?.items ?? []}
          onCreated={setCreatedId}
        />
      )}
    </Stack>
  );
}
