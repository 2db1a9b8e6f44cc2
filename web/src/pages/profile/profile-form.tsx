import { Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.ts';
import { updateMe } from '../../api/session.ts';
import type { Locale, MeUpdate } from '../../api/types.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { languageOptions } from '../../components/language-options.ts';
import { notifySuccess } from '../../components/notify.ts';
import { timeZoneOptions } from '../../components/time-zones.ts';
import { isLocale } from '../../i18n/language.ts';
import { useSession } from '../../session/session-context.ts';

const FIELDS = ['name', 'locale', 'timeZone'] as const;

export function ProfileForm() {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const [locale, setLocale] = useState<Locale>(me.user.locale);
  const [timeZone, setTimeZone] = useState(me.user.timeZone);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});

  const mutation = useMutation({
    mutationFn: (update: MeUpdate) => updateMe(update),
    onSuccess: (updated) => {
      // The session follows the new language through useProfileLocale.
      queryClient.setQueryData(queryKeys.me, updated);
      notifySuccess(t('profile.saved'));
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
    const update: MeUpdate = {};
    if (name.trim() !== me.user.name) update.name = name.trim();
    if (locale !== me.user.locale) update.locale = locale;
    if (timeZone !== me.user.timeZone) update.timeZone = timeZone;
    if (Object.keys(update).length === 0) notifySuccess(t('profile.unchanged'));
    else mutation.mutate(update);
  };

  return (
    <section aria-labelledby="profile-details">
      <Title order={2} id="profile-details" mb="sm">
        {t('profile.details')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <TextInput label={t('profile.email')} value={me.user.email} readOnly />
          <TextInput
            label={t('profile.name')}
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Select
            label={t('profile.language')}
            data={languageOptions(t)}
            value={locale}
            onChange={(value) => {
              if (isLocale(value)) setLocale(value);
            }}
            allowDeselect={false}
            error={errors.locale}
          />
          <Select
            label={t('profile.timeZone')}
            data={timeZoneOptions(me.user.timeZone)}
            value={timeZone}
            onChange={(value) => {
              if (value) setTimeZone(value);
            }}
            searchable
            allowDeselect={false}
            limit={50}
            nothingFoundMessage={t('common.nothingFound')}
            error={errors.timeZone}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
