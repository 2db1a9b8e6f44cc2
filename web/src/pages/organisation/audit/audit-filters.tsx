import { Button, type ComboboxItem, Group, type OptionsFilter, Select, Stack, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAuditActions } from '../../../api/audit.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import type { AuditEntry } from '../../../api/types.ts';
import { fetchUsers } from '../../../api/users.ts';
import { useCan, useSession } from '../../../session/session-context.ts';
import { type AuditFilterState, EMPTY_AUDIT_FILTER } from './audit-filter-state.ts';
import { auditActionLabel } from './audit-names.ts';

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

/** Actions that occur in the log, by name; typing finds them by name or by code. */
function useActionOptions(): ComboboxItem[] {
  const { t, i18n } = useTranslation();
  const actions = useQuery({ queryKey: queryKeys.auditActions, queryFn: fetchAuditActions });
  const collator = new Intl.Collator(i18n.language);
  return (actions.data?.items ?? [])
    .map((action) => ({ value: action, label: auditActionLabel(t, action) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

const byNameOrCode: OptionsFilter = ({ options, search }) => {
  const needle = search.trim().toLowerCase();
  return options.filter(
    (option) =>
      'value' in option &&
      (option.label.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle)),
  );
};

export function AuditFilters({ value, onChange, seen }: AuditFiltersProps) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const actionOptions = useActionOptions();
  const actorOptions = useActorOptions(seen);
  const set = (patch: Partial<AuditFilterState>) => onChange({ ...value, ...patch });
  const active = Object.values(value).some((v) => v !== null);

  const hintId = useId();
  const pickerFormat = i18n.language === 'de' ? 'DD.MM.YYYY HH:mm' : 'D MMM YYYY, HH:mm';

  return (
    <Stack gap={4} role="search" aria-label={t('audit.filters')}>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('audit.fields.person')}
          placeholder={t('audit.anyPerson')}
          data={actorOptions}
          value={value.actorId}
          onChange={(actorId) => set({ actorId })}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          w={240}
        />
        <Select
          label={t('audit.fields.action')}
          placeholder={t('audit.anyAction')}
          data={actionOptions}
          filter={byNameOrCode}
          value={value.action}
          onChange={(action) => set({ action })}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          w={260}
        />
        <DateTimePicker
          label={t('audit.fields.from')}
          placeholder={t('audit.pickTime')}
          aria-describedby={hintId}
          value={value.from}
          onChange={(from) => set({ from })}
          valueFormat={pickerFormat}
          clearable
          w={200}
        />
        <DateTimePicker
          label={t('audit.fields.to')}
          placeholder={t('audit.pickTime')}
          aria-describedby={hintId}
          value={value.to}
          onChange={(to) => set({ to })}
          valueFormat={pickerFormat}
          clearable
          w={200}
        />
        {active && (
          <Button variant="subtle" onClick={() => onChange(EMPTY_AUDIT_FILTER)}>
            {t('audit.resetFilters')}
          </Button>
        )}
      </Group>
      <Text id={hintId} size="xs" c="dimmed">
        {t('audit.timeZoneHint', { zone: me.user.timeZone })}
      </Text>
    </Stack>
  );
}
