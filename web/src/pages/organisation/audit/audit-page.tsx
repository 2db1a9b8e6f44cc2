import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditExportUrl, fetchAuditPage } from '../../../api/audit.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan, useSession } from '../../../session/session-context.ts';
import { type AuditFilterState, EMPTY_AUDIT_FILTER, toAuditFilter } from './audit-filter-state.ts';
import { AuditFilters } from './audit-filters.tsx';
import { AuditTable } from './audit-table.tsx';
import { VerifyChain } from './verify-chain.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canExport = useCan('audit.export');
  const [state, setState] = useState<AuditFilterState>(EMPTY_AUDIT_FILTER);
  const filter = toAuditFilter(state, me.user.timeZone);

  const pages = useInfiniteQuery({
    queryKey: queryKeys.auditPages(filter),
    queryFn: ({ pageParam }) => fetchAuditPage(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <PageHeader
        title={t('organisation.audit.title')}
        description={t('organisation.audit.summary')}
        actions={
          canExport && (
            <>
              <Button component="a" href={auditExportUrl('csv', filter)} download variant="default">
                {t('audit.exportCsv')}
              </Button>
              <Button component="a" href={auditExportUrl('jsonl', filter)} download variant="default">
                {t('audit.exportJsonl')}
              </Button>
            </>
          )
        }
      />
      <VerifyChain />
      <AuditFilters value={state} onChange={setState} seen={entries} />
      {pages.isError ? (
        <QueryError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : pages.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : entries.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <>
          <AuditTable entries={entries} />
          <Center>
            {pages.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => void pages.fetchNextPage()}
                loading={pages.isFetchingNextPage}
              >
                {t('audit.loadMore')}
              </Button>
            ) : (
              <Text c="dimmed" size="sm">
                {t('audit.end')}
              </Text>
            )}
          </Center>
        </>
      )}
    </Stack>
  );
}
