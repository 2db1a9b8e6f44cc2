import { Button, Group, Loader, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import type { UserFilter, UserStatus } from '../../../api/types.ts';
import { fetchUsers } from '../../../api/users.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../session/session-context.ts';
import { InviteUserModal } from './invite-user-modal.tsx';
import { UsersTable } from './users-table.tsx';

const STATUSES: readonly UserStatus[] = ['invited', 'active', 'deactivated'];
const isStatus = (value: string | null): value is UserStatus => STATUSES.some((s) => s === value);

export function UsersPage() {
  const { t } = useTranslation();
  const canManage = useCan('users.manage');
  const [inviting, invite] = useDisclosure(false);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<UserStatus | null>(null);
  const [q] = useDebouncedValue(search.trim(), 300);

  const filter: UserFilter = { q: q || undefined, status: status ?? undefined };
  const users = useQuery({
    queryKey: queryKeys.userList(filter),
    queryFn: () => fetchUsers(filter),
    placeholderData: keepPreviousData,
  });
  // Also filtered here, so the status filter holds even where the server ignores the parameter.
  const items = (users.data?.items ?? []).filter((u) => !status || u.status === status);

  return (
    <Stack>
      <PageHeader
        title={t('organisation.users.title')}
        description={t('organisation.users.summary')}
        actions={canManage && <Button onClick={invite.open}>{t('users.invite.open')}</Button>}
      />
      <Group align="flex-end" role="search" aria-label={t('users.filters')}>
        <TextInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
        <Select
          label={t('users.fields.status')}
          placeholder={t('users.allStatuses')}
          data={STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
          value={status}
          onChange={(value) => setStatus(isStatus(value) ? value : null)}
          clearable
          w={220}
        />
        {users.isFetching && <Loader size="sm" aria-label={t('common.loading')} />}
      </Group>
      {users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : users.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <UsersTable users={items} />
      )}
      <InviteUserModal opened={inviting} onClose={invite.close} />
    </Stack>
  );
}
