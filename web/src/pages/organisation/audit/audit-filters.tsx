import { Button, Group, Select } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchAuditActions } from '../../../api/audit.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import type { AuditEntry } from '../../../api/types.ts';
import { fetchUsers } from '../../../api/users.ts';
import { useCan, useSession } from '../../../session/session-context.ts';
import { type AuditFilterState, EMPTY_AUDIT_FILTER } from './audit-filter-state.ts';

interface AuditFiltersProps {
  value: AuditFilterState;
  onChange: (next: AuditFilterState) => void;
  /** Entries already loaded: their actors are offered even to someone who may not list users. */
  seen: AuditEntry[];
}

function useActorOptions(seen: AuditEntry[]) {
  const canListUsers = useCan('users.read');
  const users = useQuery({
    queryKey: queryKeys.userList({}),
    queryFn: () => fetchUsers(),
    enabled: canListUsers,
  });
  const options = new Map<string, string>();
  for (const user of users.data?.items ?? []) options.set(user.id, `${user.name} (${user.email})`);
  for (const entry of seen)
    if (entry.actorId && !options.has(entry.actorId)) options.set(entry.actorId, entry.actorLabel);
  return [...options]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function AuditFilters({ value, onChange, seen }: AuditFiltersProps) {
  const { t } = useTranslation();
  const me = useSession();
  const actions = useQuery({ queryKey: queryKeys.auditActions, queryFn: fetchAuditActions });
  const actorOptions = useActorOptions(seen);
  const set = (patch: Partial<AuditFilterState>) => onChange({ ...value, ...patch });
  const active = Object.values(value).some((v) => v !== null);

  return (
    <Group align="flex-end" role="search" aria-label={t('audit.filters')} wrap="wrap">
      <Select
        label={t('audit.fields.person')}
        placeholder={t('audit.anyPerson')}
        data={actorOptions}
        value={value.actorId}
        onChange={(actorId) => set({ actorId })}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        w={260}
      />
      <Select
        label={t('audit.fields.action')}
        placeholder={t('audit.anyAction')}
        data={actions.data?.items ?? []}
        value={value.action}
        onChange={(action) => set({ action })}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        w={240}
      />
      <DateTimePicker
        label={t('audit.fields.from')}
        description={t('audit.timeZoneHint', { zone: me.user.timeZone })}
        placeholder={t('audit.pickTime')}
        value={value.from}
        onChange={(from) => set({ from })}
        valueFormat="DD.MM.YYYY HH:mm"
        clearable
        w={220}
      />
      <DateTimePicker
        label={t('audit.fields.to')}
        description={t('audit.timeZoneHint', { zone: me.user.timeZone })}
        placeholder={t('audit.pickTime')}
        value={value.to}
        onChange={(to) => set({ to })}
        valueFormat="DD.MM.YYYY HH:mm"
        clearable
        w={220}
      />
      {active && (
        <Button variant="subtle" onClick={() => onChange(EMPTY_AUDIT_FILTER)}>
          {t('audit.resetFilters')}
        </Button>
      )}
    </Group>
  );
}
