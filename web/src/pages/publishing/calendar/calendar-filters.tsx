import { Group, MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isTargetState, TARGET_STATES } from '../../../api/calendar.ts';
import { fetchCampaigns } from '../../../api/campaigns.ts';
import { fetchChannels } from '../../../api/channels.ts';
import { fetchDepartments } from '../../../api/departments.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import type { CalendarFilters as Filters } from './calendar-search-params.ts';

interface CalendarFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** Empty means "all"; several values of one filter show the posts matching any of them. */
export function CalendarFilters({ filters, onChange }: CalendarFiltersProps) {
  const { t } = useTranslation();
  const channels = useQuery({ queryKey: queryKeys.channels, queryFn: fetchChannels });
  const departments = useQuery({ queryKey: queryKeys.departments, queryFn: fetchDepartments });
  const campaigns = useQuery({ queryKey: queryKeys.campaigns, queryFn: fetchCampaigns });

  const common = { clearable: true, searchable: true, w: 240 } as const;
  return (
    <Group align="flex-end" role="search" aria-label={t('calendar.filters.label')} wrap="wrap">
      <MultiSelect
        {...common}
        label={t('calendar.filters.channel')}
        placeholder={filters.channels.length ? undefined : t('calendar.filters.allChannels')}
        data={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={filters.channels}
        onChange={(channels) => onChange({ ...filters, channels })}
        error={channels.isError ? t('calendar.filters.loadFailed') : undefined}
      />
      <MultiSelect
        {...common}
        label={t('calendar.filters.department')}
        placeholder={filters.departments.length ? undefined : t('calendar.filters.allDepartments')}
        data={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
        value={filters.departments}
        onChange={(departments) => onChange({ ...filters, departments })}
        error={departments.isError ? t('calendar.filters.loadFailed') : undefined}
      />
      <MultiSelect
        {...common}
        label={t('calendar.filters.campaign')}
        placeholder={filters.campaigns.length ? undefined : t('calendar.filters.allCampaigns')}
        data={(campaigns.data?.items ?? []).map((c) => ({
          value: c.id,
          label: c.archived ? t('calendar.filters.archivedCampaign', { name: c.name }) : c.name,
        }))}
        value={filters.campaigns}
        onChange={(campaigns) => onChange({ ...filters, campaigns })}
        error={campaigns.isError ? t('calendar.filters.loadFailed') : undefined}
      />
      <MultiSelect
        {...common}
        label={t('calendar.filters.state')}
        placeholder={filters.states.length ? undefined : t('calendar.filters.allStates')}
        data={TARGET_STATES.map((s) => ({ value: s, label: t(`calendar.states.${s}`) }))}
        value={filters.states}
        onChange={(states) =>
          onChange({
            ...filters,
            states: states.filter(isTargetState),
          })
        }
      />
    </Group>
  );
}
