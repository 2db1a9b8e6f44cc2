import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LinkCards } from '../../components/link-cards.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useSession } from '../../session/session-context.ts';
import { governanceCards } from './governance-cards.ts';
import { PostingRightsStatus } from './posting-rights-status.tsx';

export function GovernancePage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Stack gap="xl">
      <PageHeader title={t('areas.governance.name')} description={t('areas.governance.description')} />
      <PostingRightsStatus />
      <section aria-labelledby="governance-pages">
        <Title order={2} id="governance-pages" mb="sm">
          {t('governance.pages')}
        </Title>
        <LinkCards cards={governanceCards(t, me)} />
      </section>
    </Stack>
  );
}
