import { Alert, Button, Checkbox, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createWebhook, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../api/integrations.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { errorMessage } from '../../components/notify.ts';

/** Adds a webhook; afterwards shows the signing secret, the only time it is ever shown. */
export function WebhookFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('https://');
  const [types, setTypes] = useState<WebhookEventType[]>(['inbox.ticket_requested']);
  const [secret, setSecret] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: createWebhook,
    onSuccess: (created) => {
      setSecret(created.secret);
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhooks });
    },
  });
  const close = () => {
    setSecret(null);
    setName('');
    setUrl('https://');
    mutation.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ name, url, eventTypes: types });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('integrations.form.title')} size="lg">
      {secret ? (
        <Stack>
          <Alert color="yellow" title={t('integrations.secret.onceTitle')}>
            {t('integrations.secret.once')}
          </Alert>
          <CopyField label={t('integrations.secret.label')} value={secret} />
          <Button onClick={close}>{t('integrations.form.done')}</Button>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <TextInput
              label={t('integrations.form.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={100}
            />
            <TextInput
              label={t('integrations.form.url')}
              description={t('integrations.form.urlHint')}
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              required
              maxLength={2000}
            />
            <Checkbox.Group
              label={t('integrations.form.eventTypes')}
              value={types}
              onChange={(v) => setTypes(v as WebhookEventType[])}
            >
              <Stack gap="xs" mt="xs">
                {WEBHOOK_EVENT_TYPES.map((type) => (
                  <Checkbox key={type} value={type} label={t(`integrations.eventTypes.${type}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            {mutation.error && (
              <Alert color="red" role="alert">
                {errorMessage(mutation.error)}
              </Alert>
            )}
            <Button type="submit" loading={mutation.isPending} disabled={types.length === 0}>
              {t('integrations.form.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
