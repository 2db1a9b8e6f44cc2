import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import type { AreaId } from './areas.ts';

/** An area that has no screens yet: what it will do, and plainly that it is not there in this version. */
export function AreaPage({ area }: { area: Exclude<AreaId, 'organisation'> }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`areas.${area}.name`)} />
      <Text mb="md" maw={720}>
        {t(`areas.${area}.description`)}
      </Text>
      <Alert color="gray" title={t('areas.notAvailableTitle')} maw={720}>
        {t('areas.notAvailable')}
      </Alert>
    </>
  );
}
