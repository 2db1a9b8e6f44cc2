import { Alert, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../api/types.ts';
import { regionLabel } from '../../../components/regions.ts';

/** The settings as read-only fields, labelled like the form, for people who may not change them. */
export function OrganisationSettingsView({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack maw={480}>
      <Alert color="gray">{t('orgSettings.readOnly')}</Alert>
      <TextInput label={t('orgSettings.fields.name')} value={organisation.name} readOnly />
      <TextInput label={t('orgSettings.fields.slug')} value={organisation.slug} readOnly />
      <TextInput
        label={t('orgSettings.fields.defaultLocale')}
        description={t('orgSettings.defaultLocaleHint')}
        value={t(`language.${organisation.defaultLocale}`)}
        readOnly
      />
      <TextInput
        label={t('orgSettings.fields.defaultTimeZone')}
        description={t('orgSettings.defaultTimeZoneHint')}
        value={organisation.defaultTimeZone}
        readOnly
      />
      <TextInput
        label={t('orgSettings.fields.region')}
        description={t('orgSettings.regionHint')}
        value={regionLabel(organisation.region, i18n.language)}
        readOnly
      />
    </Stack>
  );
}
