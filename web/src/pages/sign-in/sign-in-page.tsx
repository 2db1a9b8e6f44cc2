import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { fetchMe, signIn } from '../../api/session.ts';
import { type FieldErrors, splitFieldErrors } from '../../components/form-errors.ts';
import { errorMessage } from '../../components/notify.ts';
import { PublicLayout } from '../../components/public-layout.tsx';
import { safeNext } from '../../session/sign-in-path.ts';
import { useStartSession } from '../../session/use-start-session.ts';
import { rememberedSsoEmail } from './remembered-email.ts';
import { ssoErrorMessage } from './sso-error-message.ts';
import { useSsoStart } from './use-sso-start.ts';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];
const SSO_ERROR_PARAM = 'sso_error';

const passwordRefused = (error: unknown) =>
  error instanceof ApiError && error.code === 'password_sign_in_disabled';

export function SignInPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const next = safeNext(params.get('next'));
  const ssoError = params.get(SSO_ERROR_PARAM);
  const startSession = useStartSession();
  // Asked afresh: a cached user may be one who just signed out, and must not be sent back in.
  const session = useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, refetchOnMount: 'always' });
  // Back from a failed single sign-on: the address is filled in, so trying again is one click.
  const [email, setEmail] = useState(() => (ssoError ? rememberedSsoEmail() : ''));
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<FieldErrors<Field>>({});
  const emailInput = useRef<HTMLInputElement>(null);

  const mutation = useMutation({
    mutationFn: () => signIn({ email: email.trim(), password }),
    onSuccess: (me) => startSession(me, next),
  });
  const sso = useSsoStart(next);
  const server = mutation.isError ? splitFieldErrors(mutation.error, FIELDS).byField : {};
  const ssoServer = sso.isError ? splitFieldErrors(sso.error, ['email'] as const) : null;
  const ssoOnly = mutation.isError && passwordRefused(mutation.error);

  /** A new attempt replaces the message of the previous one, whichever way it went. */
  const startAttempt = () => {
    mutation.reset();
    sso.reset();
    if (ssoError) {
      setParams(
        (current) => {
          current.delete(SSO_ERROR_PARAM);
          return current;
        },
        { replace: true },
      );
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty: FieldErrors<Field> = {};
    if (!email.trim()) empty.email = t('validation.required');
    if (!password) empty.password = t('validation.required');
    setMissing(empty);
    if (Object.keys(empty).length > 0) return;
    startAttempt();
    mutation.mutate();
  };

  const startSso = () => {
    if (!email.trim()) {
      // The provider is chosen by the address's domain, so it is the one thing needed first.
      setMissing({ email: t('signIn.sso.emailNeeded') });
      emailInput.current?.focus();
      return;
    }
    setMissing({});
    startAttempt();
    sso.mutate(email.trim());
  };

  if (session.isFetchedAfterMount && session.data) return <Navigate to={next} replace />;

  return (
    <PublicLayout title={t('signIn.title')}>
      {ssoError && (
        <Alert color="red" title={t('signIn.ssoErrors.title')} role="alert">
          <Text size="sm">{ssoErrorMessage(t, ssoError)}</Text>
        </Alert>
      )}
      {/* Wrong password, locked account and rate limit all arrive as the server's translated detail. */}
      {mutation.isError && (
        <Alert
          color={ssoOnly ? 'yellow' : 'red'}
          title={t(ssoOnly ? 'signIn.ssoOnly' : 'signIn.failed')}
          role="alert"
        >
          <Text size="sm">{errorMessage(mutation.error)}</Text>
          {ssoOnly && (
            <Text size="sm" mt="xs">
              {t('signIn.sso.useButton', { button: t('signIn.sso.button') })}
            </Text>
          )}
        </Alert>
      )}
      {ssoServer?.unmatched && (
        <Alert color="red" title={t('signIn.sso.failed')} role="alert">
          <Text size="sm">{errorMessage(sso.error)}</Text>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            ref={emailInput}
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={missing.email ?? server.email ?? ssoServer?.byField.email}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={missing.password ?? server.password}
          />
          <Button type="submit" loading={mutation.isPending} variant={ssoOnly ? 'default' : 'filled'}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Divider label={t('signIn.or')} labelPosition="center" />
      <Stack gap={4}>
        <Button
          variant={ssoOnly ? 'filled' : 'default'}
          onClick={startSso}
          // Still busy once the answer is in: the browser is on its way to the provider.
          loading={sso.isPending || sso.isSuccess}
        >
          {t('signIn.sso.button')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('signIn.sso.hint')}
        </Text>
      </Stack>
    </PublicLayout>
  );
}
