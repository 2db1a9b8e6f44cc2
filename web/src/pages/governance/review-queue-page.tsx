import {
  Badge,
  Blockquote,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchReviewQueue, markReviewed } from '../../api/compliance.ts';
import type { ReviewFilter, ReviewItem } from '../../api/governance-types.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useDateTime } from '../../components/date-format.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { GuidelineFindings } from '../../components/guideline-findings.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';

function ReviewForm({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'note'>>({});
  const mutation = useMutation({
    mutationFn: () => markReviewed(item.id, note.trim()),
    onSuccess: () => {
      notifySuccess(t('review.done', { subject: item.subjectLabel }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.guidelines });
    },
    onError: (error) => setErrors(formErrors(error, ['note'] as const)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setErrors({ note: t('validation.required') });
      return;
    }
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('review.note')}
          description={t('review.noteHint')}
          required
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('review.markReviewed')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReviewCard({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const headingId = `review-${item.id}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Badge color={item.kind === 'override' ? 'red' : 'yellow'}>
              {t(`review.kinds.${item.kind}`)}
            </Badge>
            <Title order={2} size="h4" id={headingId}>
              {item.subjectLabel}
            </Title>
            <Text size="sm" c="dimmed">
              {item.subjectType} {item.subjectId}
            </Text>
          </Group>
          {item.reviewedAt ? (
            <Badge color="green">{t('review.reviewed')}</Badge>
          ) : (
            <Badge color="gray">{t('review.open')}</Badge>
          )}
        </Group>
        <Text size="sm">
          {t('review.byAt', {
            by: item.actorLabel,
            at: formatDateTime(item.createdAt),
            version: item.policyVersion,
          })}
        </Text>
        {item.reason && (
          <Blockquote p="sm" color="red" cite={t('review.reason')}>
            {item.reason}
          </Blockquote>
        )}
        <GuidelineFindings text={item.text} result={item.check} />
        {item.reviewedAt ? (
          <Text size="sm">
            {t('review.reviewedBy', { by: item.reviewedByLabel ?? '', at: formatDateTime(item.reviewedAt) })}{' '}
            <Text span fs="italic">
              {item.reviewNote}
            </Text>
          </Text>
        ) : (
          <ReviewForm item={item} />
        )}
      </Stack>
    </Card>
  );
}

export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<ReviewFilter>({ status: 'open' });
  const pages = useInfiniteQuery({
    queryKey: queryKeys.reviewQueue(filter, i18n.language),
    queryFn: ({ pageParam }) => fetchReviewQueue(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <PageHeader title={t('governance.review.title')} description={t('governance.review.summary')} />
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('review.status')}
          value={filter.status}
          onChange={(v) => setFilter({ ...filter, status: v === 'reviewed' || v === 'all' ? v : 'open' })}
          data={[
            { value: 'open', label: t('review.open') },
            { value: 'reviewed', label: t('review.reviewed') },
            { value: 'all', label: t('review.all') },
          ]}
        />
        <Select
          label={t('review.kind')}
          placeholder={t('review.allKinds')}
          value={filter.kind ?? null}
          onChange={(v) =>
            setFilter({ ...filter, kind: v === 'override' || v === 'flagged' ? v : undefined })
          }
          data={[
            { value: 'override', label: t('review.kinds.override') },
            { value: 'flagged', label: t('review.kinds.flagged') },
          ]}
          clearable
        />
      </Group>
      {pages.isError ? (
        <QueryError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : pages.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('review.empty')}</Text>
      ) : (
        <>
          {items.map((item) => (
            <ReviewCard key={item.id} item={item} />
          ))}
          {pages.hasNextPage && (
            <Center>
              <Button
                variant="default"
                onClick={() => void pages.fetchNextPage()}
                loading={pages.isFetchingNextPage}
              >
                {t('review.loadMore')}
              </Button>
            </Center>
          )}
        </>
      )}
    </Stack>
  );
}
