import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LinkCards } from '../../components/link-cards.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useSession } from '../../session/session-context.ts';
import { organisationCards } from './organisation-cards.ts';

export function OrganisationPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Stack>
      <PageHeader title={t('areas.organisation.name')} description={t('areas.organisation.description')} />
      <Text>{t('organisation.current', { name: me.organisation.name, slug: me.organisation.slug })}</Text>
      <LinkCards cards={organisationCards(t, me)} />
    </Stack>
  );
}
