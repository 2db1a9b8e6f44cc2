import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { queryKeys } from '../../api/query-keys.ts';
import { fetchMe, signIn } from '../../api/session.ts';
import { type FieldErrors, splitFieldErrors } from '../../components/form-errors.ts';
import { errorMessage } from '../../components/notify.ts';
import { PublicLayout } from '../../components/public-layout.tsx';
import { safeNext } from '../../session/sign-in-path.ts';
import { useStartSession } from '../../session/use-start-session.ts';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const startSession = useStartSession();
  // Asked afresh: a cached user may be one who just signed out, and must not be sent back in.
  const session = useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, refetchOnMount: 'always' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<FieldErrors<Field>>({});

  const mutation = useMutation({
    mutationFn: () => signIn({ email: email.trim(), password }),
    onSuccess: (me) => startSession(me, next),
  });
  const server = mutation.isError ? splitFieldErrors(mutation.error, FIELDS).byField : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty: FieldErrors<Field> = {};
    if (!email.trim()) empty.email = t('validation.required');
    if (!password) empty.password = t('validation.required');
    setMissing(empty);
    if (Object.keys(empty).length === 0) mutation.mutate();
  };

  if (session.isFetchedAfterMount && session.data) return <Navigate to={next} replace />;

  return (
    <PublicLayout title={t('signIn.title')}>
      {/* Wrong password, locked account and rate limit all arrive as the server's translated detail. */}
      {mutation.isError && (
        <Alert color="red" title={t('signIn.failed')} role="alert">
          {errorMessage(mutation.error)}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={missing.email ?? server.email}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={missing.password ?? server.password}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
