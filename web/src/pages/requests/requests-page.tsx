import { Anchor, Button, Group, Loader, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../../api/query-keys.ts';
import {
  fetchAssignees,
  fetchRequests,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestFilter,
  type RequestStatus,
  type RequestType,
} from '../../api/requests.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../../session/session-context.ts';
import { RequestPriorityBadge, RequestStatusBadge, useDueDate } from './request-badges.tsx';

/** "My requests" for everybody; for the team also the triage list of the whole organisation. */
export function RequestsPage() {
  const { t } = useTranslation();
  const team = useCan('requests.handle');
  const formatDay = useDueDate();
  const [filter, setFilter] = useState<RequestFilter>({ scope: team ? 'all' : 'mine', status: 'open' });
  const requests = useQuery({
    queryKey: [...queryKeys.requests, 'list', filter],
    queryFn: () => fetchRequests(filter),
  });
  const assignees = useQuery({
    queryKey: queryKeys.requestAssignees,
    queryFn: fetchAssignees,
    enabled: team,
  });
  const items = requests.data?.items ?? [];

  return (
    <Stack>
      <PageHeader
        title={t('requests.title')}
        description={t('requests.summary')}
        actions={
          <Button component={Link} to="/requests/new">
            {t('requests.new')}
          </Button>
        }
      />
      <Group align="flex-end" wrap="wrap">
        {team && (
          <SegmentedControl
            aria-label={t('requests.filters.scope')}
            value={filter.scope}
            onChange={(scope) => setFilter({ ...filter, scope: scope as RequestFilter['scope'] })}
            data={[
              { value: 'all', label: t('requests.scope.all') },
              { value: 'assigned', label: t('requests.scope.assigned') },
              { value: 'mine', label: t('requests.scope.mine') },
            ]}
          />
        )}
        <Select
          label={t('requests.filters.status')}
          value={filter.status ?? ''}
          onChange={(v) =>
            setFilter({ ...filter, status: (v || undefined) as RequestStatus | 'open' | undefined })
          }
          data={[
            { value: '', label: t('requests.filters.any') },
            { value: 'open', label: t('requests.filters.open') },
            ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.status.${s}`) })),
          ]}
          allowDeselect={false}
        />
        <Select
          label={t('requests.filters.type')}
          value={filter.type ?? ''}
          onChange={(v) => setFilter({ ...filter, type: (v || undefined) as RequestType | undefined })}
          data={[
            { value: '', label: t('requests.filters.any') },
            ...REQUEST_TYPES.map((x) => ({ value: x, label: t(`requests.types.${x}`) })),
          ]}
          allowDeselect={false}
        />
        {team && filter.scope === 'all' && (
          <Select
            label={t('requests.filters.assignee')}
            value={filter.assigneeId ?? ''}
            onChange={(v) => setFilter({ ...filter, assigneeId: v || undefined })}
            data={[
              { value: '', label: t('requests.filters.any') },
              { value: 'none', label: t('requests.filters.unassigned') },
              ...(assignees.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            allowDeselect={false}
          />
        )}
      </Group>
      {requests.isError ? (
        <QueryError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('requests.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Caption>{t('requests.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('requests.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('requests.columns.type')}</Table.Th>
                <Table.Th scope="col">{t('requests.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('requests.columns.priority')}</Table.Th>
                <Table.Th scope="col">{t('requests.columns.due')}</Table.Th>
                <Table.Th scope="col">{t('requests.columns.requester')}</Table.Th>
                <Table.Th scope="col">{t('requests.columns.assignee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/requests/${r.id}`}>
                      {r.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`requests.types.${r.type}`)}</Table.Td>
                  <Table.Td>
                    <RequestStatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>
                    <RequestPriorityBadge priority={r.priority} />
                  </Table.Td>
                  <Table.Td>{formatDay(r.dueDate)}</Table.Td>
                  <Table.Td>
                    {r.requester?.name ?? t('common.none')}
                    {r.department && (
                      <Text size="xs" c="dimmed">
                        {r.department.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.assignee?.name ?? t('requests.unassigned')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
