import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Credentials } from '../../api/channels.ts';
import type { FieldErrors } from '../../components/form-errors.ts';
import { notifySuccess } from '../../components/notify.ts';
import { displayHandle } from './account-link.tsx';
import { channelFormProblem } from './channel-form-errors.ts';
import {
  CREDENTIAL_FIELDS,
  type CredentialField,
  CredentialFields,
  type CredentialNetwork,
  missingCredentials,
} from './credential-fields.tsx';
import { useUpdateChannel } from './use-update-channel.ts';

/**
 * New credentials for the same account (a revoked or expired token). The network checks them first, and
 * the server refuses credentials of another account: that would be a new channel.
 */
export function RenewCredentialsForm({ channel, network }: { channel: Channel; network: CredentialNetwork }) {
  const { t } = useTranslation();
  const blank: Credentials = { serviceUrl: channel.serviceUrl, identifier: '', secret: '' };
  const [credentials, setCredentials] = useState<Credentials>(blank);
  const [errors, setErrors] = useState<FieldErrors<CredentialField>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useUpdateChannel(channel, {
    onSuccess: () => {
      // The secret is not kept in the page once the server has it.
      setCredentials(blank);
      notifySuccess(t('channels.renew.saved'));
    },
    onError: (error) => {
      const found = channelFormProblem(error, CREDENTIAL_FIELDS);
      setErrors(found.byField);
      setProblem(found.message);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingCredentials(network, credentials, t('validation.required'));
    setErrors(missing);
    setProblem(null);
    if (Object.keys(missing).length > 0) return;
    mutation.mutate({ credentials: { ...credentials, serviceUrl: credentials.serviceUrl.trim() } });
  };

  return (
    <section aria-labelledby="channel-credentials">
      <Title order={2} id="channel-credentials" mb="xs">
        {t('channels.renew.title')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('channels.renew.summary', { handle: displayHandle(channel.account.handle) })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack maw={560}>
          <CredentialFields network={network} value={credentials} onChange={setCredentials} errors={errors} />
          {problem && (
            <Alert color="red" role="alert" title={t('channels.renew.failed')}>
              {problem}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('channels.renew.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
