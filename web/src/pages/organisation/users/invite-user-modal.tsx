import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchOrganisation } from '../../../api/organisation.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import type { Locale, UserInviteResult } from '../../../api/types.ts';
import { inviteUser } from '../../../api/users.ts';
import { CopyField } from '../../../components/copy-field.tsx';
import { type FieldErrors, formErrors } from '../../../components/form-errors.ts';
import { languageOptions } from '../../../components/language-options.ts';
import { isLocale } from '../../../i18n/language.ts';
import { useDepartmentOptions, useRoleOptions } from './select-options.ts';

const FIELDS = ['name', 'email', 'role', 'departmentId', 'locale'] as const;
type Field = (typeof FIELDS)[number];
const DEFAULT_ROLE = 'contributor';

/** Invites one person; afterwards shows the link, because the server may have no mail configured. */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const departments = useDepartmentOptions();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>(DEFAULT_ROLE);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  // null: not chosen, so the organisation's default applies (known once it has loaded).
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const organisation = useQuery({ queryKey: queryKeys.organisation, queryFn: fetchOrganisation });
  const locale = chosenLocale ?? organisation.data?.defaultLocale ?? null;
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [result, setResult] = useState<UserInviteResult | null>(null);

  const mutation = useMutation({
    mutationFn: () =>
      inviteUser({
        name: name.trim(),
        email: email.trim(),
        role: role ?? '',
        departmentId,
        // Left out when the organisation could not be loaded: the server then uses its default.
        ...(locale ? { locale } : {}),
      }),
    onSuccess: (created) => {
      setResult(created);
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const close = () => {
    setName('');
    setEmail('');
    setRole(DEFAULT_ROLE);
    setDepartmentId(null);
    setChosenLocale(null);
    setErrors({});
    setResult(null);
    mutation.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors<Field> = {};
    if (!name.trim()) missing.name = t('validation.required');
    if (!email.trim()) missing.email = t('validation.required');
    if (!role) missing.role = t('validation.required');
    setErrors(missing);
    if (Object.keys(missing).length === 0) mutation.mutate();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('users.invite.title')} size="lg">
      {result ? (
        <Stack>
          <Alert color="green" title={t('users.invite.done', { name: result.user.name })}>
            {t('users.invite.linkHint')}
          </Alert>
          <CopyField label={t('users.invite.link')} value={result.inviteUrl} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('users.fields.name')}
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label={t('users.fields.email')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
            />
            <Select
              label={t('users.fields.role')}
              required
              data={roles.options}
              disabled={roles.loading}
              value={role}
              onChange={setRole}
              allowDeselect={false}
              error={errors.role}
            />
            <Select
              label={t('users.fields.departmentOptional')}
              placeholder={t('users.noDepartment')}
              data={departments.options}
              value={departmentId}
              onChange={setDepartmentId}
              clearable
              error={errors.departmentId}
            />
            <Select
              label={t('users.fields.language')}
              description={t('users.invite.languageHint')}
              data={languageOptions(t)}
              value={locale}
              onChange={(value) => {
                if (isLocale(value)) setChosenLocale(value);
              }}
              allowDeselect={false}
              error={errors.locale}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('users.invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
