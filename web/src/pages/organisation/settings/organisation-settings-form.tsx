import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateOrganisation } from '../../../api/organisation.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import type { Locale, Organisation, OrganisationUpdate } from '../../../api/types.ts';
import { type FieldErrors, formErrors } from '../../../components/form-errors.ts';
import { languageOptions } from '../../../components/language-options.ts';
import { notifySuccess } from '../../../components/notify.ts';
import { regionOptions } from '../../../components/regions.ts';
import { timeZoneOptions } from '../../../components/time-zones.ts';
import { isLocale } from '../../../i18n/language.ts';

const FIELDS = ['name', 'defaultLocale', 'defaultTimeZone', 'region'] as const;

/** Sends only what changed, so the audit log records exactly what someone meant to change. */
export function OrganisationSettingsForm({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(organisation.name);
  const [defaultLocale, setDefaultLocale] = useState<Locale>(organisation.defaultLocale);
  const [defaultTimeZone, setDefaultTimeZone] = useState(organisation.defaultTimeZone);
  const [region, setRegion] = useState(organisation.region);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});

  const mutation = useMutation({
    mutationFn: (update: OrganisationUpdate) => updateOrganisation(update),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.organisation, saved);
      // The header and the start page show the organisation's name from the session.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      notifySuccess(t('orgSettings.saved'));
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('validation.required') });
      return;
    }
    setErrors({});
    const update: OrganisationUpdate = {};
    if (name.trim() !== organisation.name) update.name = name.trim();
    if (defaultLocale !== organisation.defaultLocale) update.defaultLocale = defaultLocale;
    if (defaultTimeZone !== organisation.defaultTimeZone) update.defaultTimeZone = defaultTimeZone;
    if (region !== organisation.region) update.region = region;
    if (Object.keys(update).length === 0) notifySuccess(t('orgSettings.unchanged'));
    else mutation.mutate(update);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={480}>
        <TextInput
          label={t('orgSettings.fields.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={t('orgSettings.fields.slug')}
          description={t('orgSettings.slugHint')}
          value={organisation.slug}
          readOnly
        />
        <Select
          label={t('orgSettings.fields.defaultLocale')}
          description={t('orgSettings.defaultLocaleHint')}
          data={languageOptions(t)}
          value={defaultLocale}
          onChange={(value) => {
            if (isLocale(value)) setDefaultLocale(value);
          }}
          allowDeselect={false}
          error={errors.defaultLocale}
        />
        <Select
          label={t('orgSettings.fields.defaultTimeZone')}
          description={t('orgSettings.defaultTimeZoneHint')}
          data={timeZoneOptions(organisation.defaultTimeZone)}
          value={defaultTimeZone}
          onChange={(value) => {
            if (value) setDefaultTimeZone(value);
          }}
          searchable
          allowDeselect={false}
          limit={50}
          nothingFoundMessage={t('common.nothingFound')}
          error={errors.defaultTimeZone}
        />
        <Select
          label={t('orgSettings.fields.region')}
          description={t('orgSettings.regionHint')}
          data={regionOptions(organisation.region, i18n.language)}
          value={region}
          onChange={(value) => {
            if (value) setRegion(value);
          }}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
          error={errors.region}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
