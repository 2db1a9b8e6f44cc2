import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.ts';
import { fetchUsers } from '../../api/users.ts';

interface MemberSelectProps {
  label: string;
  description?: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  /** People already in the team who may no longer be listed (deactivated since), kept selectable. */
  current?: { id: string; name: string }[];
}

/** The channel's team, chosen from the organisation's active people. */
export function MemberSelect({
  label,
  description,
  value,
  onChange,
  error,
  current = [],
}: MemberSelectProps) {
  const { t } = useTranslation();
  const filter = { status: 'active' } as const;
  const users = useQuery({ queryKey: queryKeys.userList(filter), queryFn: () => fetchUsers(filter) });
  const options = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));
  for (const m of current) if (!options.has(m.id)) options.set(m.id, m.name);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      error={error ?? (users.isError ? t('channels.membersUnavailable') : undefined)}
      disabled={users.isPending}
    />
  );
}
