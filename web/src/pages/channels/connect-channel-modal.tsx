import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Channel,
  type Credentials,
  connectChannel,
  connectSandboxChannel,
  type Network,
  type Ownership,
} from '../../api/channels.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { FieldErrors } from '../../components/form-errors.ts';
import { notifySuccess } from '../../components/notify.ts';
import { useCan } from '../../session/session-context.ts';
import { channelFormProblem } from './channel-form-errors.ts';
import { networkLabel } from './channel-labels.ts';
import {
  CREDENTIAL_FIELDS,
  CredentialFields,
  type CredentialNetwork,
  emptyCredentials,
  missingCredentials,
} from './credential-fields.tsx';
import { MemberSelect } from './member-select.tsx';

const FIELDS = ['name', 'handle', 'memberIds', 'ownership', ...CREDENTIAL_FIELDS] as const;
type Field = (typeof FIELDS)[number];
const NETWORKS: readonly Network[] = ['sandbox', 'mastodon', 'bluesky'];
const isNetwork = (v: string): v is Network => (NETWORKS as readonly string[]).includes(v);
/** The server's rule for sandbox handles, checked here to answer before the round trip. */
const HANDLE = /^[a-z0-9_]{2,30}$/;

/** Connects a channel: on the sandbox (Chorus opens the account) or on a network with credentials. */
export function ConnectChannelModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canManage = useCan('channels.manage');
  const [network, setNetwork] = useState<Network>('sandbox');
  const [ownership, setOwnership] = useState<Ownership>(canManage ? 'company' : 'personal');
  const [name, setName] = useState('');
  const [handle, setHandle] = useState('');
  const [credentials, setCredentials] = useState<Credentials>(emptyCredentials('mastodon'));
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const team = ownership === 'company' ? memberIds : undefined;
  const mutation = useMutation({
    mutationFn: (): Promise<Channel> =>
      network === 'sandbox'
        ? connectSandboxChannel({ ownership, name: name.trim(), handle: handle.trim(), memberIds: team })
        : connectChannel({
            network,
            ownership,
            name: name.trim() || undefined,
            credentials: { ...credentials, serviceUrl: credentials.serviceUrl.trim() },
            memberIds: team,
          }),
    onSuccess: (channel) => {
      notifySuccess(t('channels.connectForm.connected', { name: channel.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.channels });
      void queryClient.invalidateQueries({ queryKey: queryKeys.sandbox });
      onClose();
    },
    onError: (error) => {
      const found = channelFormProblem(error, FIELDS, { sandbox_handle_taken: 'handle' });
      setErrors(found.byField);
      setProblem(found.message);
    },
  });

  const chooseNetwork = (value: string) => {
    if (!isNetwork(value)) return;
    setNetwork(value);
    if (value !== 'sandbox') setCredentials(emptyCredentials(value));
    setErrors({});
    setProblem(null);
  };

  const validate = (): FieldErrors<Field> => {
    const required = t('validation.required');
    if (network !== 'sandbox') return missingCredentials(network, credentials, required);
    const found: FieldErrors<Field> = {};
    if (!name.trim()) found.name = required;
    if (!HANDLE.test(handle.trim())) found.handle = t('channels.connectForm.handleInvalid');
    return found;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length === 0) mutation.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={t('channels.connectForm.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Radio.Group label={t('channels.connectForm.network')} value={network} onChange={chooseNetwork}>
            <Group mt="xs">
              {NETWORKS.map((n) => (
                <Radio key={n} value={n} label={networkLabel(t, n)} />
              ))}
            </Group>
          </Radio.Group>
          {network === 'sandbox' && (
            <Text size="sm" c="dimmed">
              {t('channels.connectForm.sandboxHint')}
            </Text>
          )}
          {canManage ? (
            <Radio.Group
              label={t('channels.connectForm.ownership')}
              value={ownership}
              onChange={(v) => setOwnership(v === 'personal' ? 'personal' : 'company')}
              error={errors.ownership}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="company" label={t('channels.connectForm.company')} />
                <Radio value="personal" label={t('channels.connectForm.personal')} />
              </Stack>
            </Radio.Group>
          ) : (
            <Text size="sm">{t('channels.connectForm.personalOnly')}</Text>
          )}
          <TextInput
            label={network === 'sandbox' ? t('channels.fields.name') : t('channels.fields.nameOptional')}
            description={network === 'sandbox' ? undefined : t('channels.connectForm.nameHint')}
            required={network === 'sandbox'}
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          {network === 'sandbox' ? (
            <TextInput
              label={t('channels.connectForm.handle')}
              description={t('channels.connectForm.handleHint')}
              required
              autoComplete="off"
              value={handle}
              onChange={(e) => setHandle(e.currentTarget.value)}
              error={errors.handle}
            />
          ) : (
            <CredentialFields
              network={network satisfies CredentialNetwork}
              value={credentials}
              onChange={setCredentials}
              errors={errors}
            />
          )}
          {ownership === 'company' && (
            <MemberSelect
              label={t('channels.fields.members')}
              description={t('channels.connectForm.membersHint')}
              value={memberIds}
              onChange={setMemberIds}
              error={errors.memberIds}
            />
          )}
          {problem && (
            <Alert color="red" role="alert" title={t('channels.connectForm.failed')}>
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('channels.connectForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
