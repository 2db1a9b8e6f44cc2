import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { acceptInvitation, fetchInvitation } from '../../api/invitations.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { type FieldErrors, splitFieldErrors } from '../../components/form-errors.ts';
import { errorMessage } from '../../components/notify.ts';
import { PublicLayout } from '../../components/public-layout.tsx';
import { useStartSession } from '../../session/use-start-session.ts';
import { MIN_PASSWORD_LENGTH } from '../profile/password-rules.ts';

type Field = 'password' | 'confirm';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const startSession = useStartSession();
  const invitation = useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: () => fetchInvitation(token),
  });
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [invalid, setInvalid] = useState<FieldErrors<Field>>({});

  const mutation = useMutation({
    mutationFn: () => acceptInvitation(token, password),
    onSuccess: (me) => startSession(me, '/'),
  });
  const server = mutation.isError ? splitFieldErrors(mutation.error, ['password'] as const) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors<Field> = {};
    if (password.length < MIN_PASSWORD_LENGTH)
      errors.password = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    if (confirm !== password) errors.confirm = t('validation.passwordsDiffer');
    setInvalid(errors);
    if (Object.keys(errors).length === 0) mutation.mutate();
  };

  if (invitation.isPending) {
    return (
      <PublicLayout title={t('invite.title')}>
        <Text>{t('common.loading')}</Text>
      </PublicLayout>
    );
  }

  if (invitation.isError) {
    return (
      <PublicLayout title={t('invite.title')}>
        <Alert color="red" title={t('invite.invalid')} role="alert">
          {errorMessage(invitation.error)}
        </Alert>
        <Button component={Link} to="/sign-in" variant="default">
          {t('invite.toSignIn')}
        </Button>
      </PublicLayout>
    );
  }

  const { name, email, organisation } = invitation.data;
  return (
    <PublicLayout title={t('invite.title')}>
      <Text>{t('invite.intro', { name, organisation: organisation.name })}</Text>
      {server?.unmatched && (
        <Alert color="red" title={t('invite.failed')} role="alert">
          {errorMessage(mutation.error)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('invite.email')} value={email} readOnly autoComplete="username" />
          <PasswordInput
            label={t('invite.password')}
            description={t('validation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={invalid.password ?? server?.byField.password}
          />
          <PasswordInput
            label={t('invite.confirm')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={invalid.confirm}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
