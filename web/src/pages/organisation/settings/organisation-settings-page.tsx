import { Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchOrganisation } from '../../../api/organisation.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../session/session-context.ts';
import { OrganisationSettingsForm } from './organisation-settings-form.tsx';
import { OrganisationSettingsView } from './organisation-settings-view.tsx';

/** Everybody may see the organisation's defaults; owners and administrators (org.manage) may change them. */
export function OrganisationSettingsPage() {
  const { t } = useTranslation();
  const canManage = useCan('org.manage');
  const organisation = useQuery({ queryKey: queryKeys.organisation, queryFn: fetchOrganisation });

  return (
    <Stack>
      <PageHeader title={t('organisation.settings.title')} description={t('organisation.settings.summary')} />
      {organisation.isError ? (
        <QueryError error={organisation.error} onRetry={() => void organisation.refetch()} />
      ) : organisation.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : canManage ? (
        // Keyed by organisation, so the fields start from the loaded values and keep the user's edits after.
        <OrganisationSettingsForm key={organisation.data.id} organisation={organisation.data} />
      ) : (
        <OrganisationSettingsView organisation={organisation.data} />
      )}
    </Stack>
  );
}
