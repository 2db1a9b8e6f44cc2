import { Button, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/session.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { notifySuccess } from '../../components/notify.ts';
import { MIN_PASSWORD_LENGTH } from './password-rules.ts';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

export function PasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});

  const mutation = useMutation({
    mutationFn: () => changePassword({ currentPassword, newPassword }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      notifySuccess(t('password.changed'));
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid: FieldErrors<Field> = {};
    if (!currentPassword) invalid.currentPassword = t('validation.required');
    if (newPassword.length < MIN_PASSWORD_LENGTH)
      invalid.newPassword = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    if (confirm !== newPassword) invalid.confirm = t('validation.passwordsDiffer');
    setErrors(invalid);
    if (Object.keys(invalid).length === 0) mutation.mutate();
  };

  return (
    <section aria-labelledby="profile-password">
      <Title order={2} id="profile-password" mb="sm">
        {t('password.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('validation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            error={errors.newPassword}
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
