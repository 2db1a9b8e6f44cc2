import { Alert, Button, Group, Modal, Stack, Switch, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  fetchWebhook,
  fetchWebhookDeliveries,
  removeWebhook,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhook,
} from '../../api/integrations.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { CopyField } from '../../components/copy-field.tsx';
import { useDateTime } from '../../components/date-format.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { RequirePermission } from '../../components/require-permission.tsx';
import { useLive } from '../../live/use-live.ts';
import { DeliveryStatusBadge } from './delivery-status-badge.tsx';

export function WebhookDetailPage() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="integrations.manage">
      <WebhookDetail id={useParams().id ?? ''} fallbackTitle={t('integrations.title')} />
    </RequirePermission>
  );
}

function WebhookDetail({ id, fallbackTitle }: { id: string; fallbackTitle: string }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [removing, remove] = useDisclosure(false);
  const [secret, setSecret] = useState<string | null>(null);
  const webhook = useQuery({ queryKey: queryKeys.webhook(id), queryFn: () => fetchWebhook(id) });
  const deliveries = useQuery({
    queryKey: queryKeys.webhookDeliveries(id),
    queryFn: () => fetchWebhookDeliveries(id),
  });
  // Attempts run in the workers; the list follows them as they settle.
  useLive(webhook.data ? [`webhook-endpoint:${id}`] : [], () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(id) });
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.webhooks });

  const toggle = useMutation({
    mutationFn: (enabled: boolean) => updateWebhook(id, { enabled }),
    onSuccess: refresh,
    onError: notifyError,
  });
  const test = useMutation({
    mutationFn: () => sendWebhookTest(id),
    onSuccess: () => {
      notifySuccess(t('integrations.test.sent'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(id) });
    },
    onError: notifyError,
  });
  const rotate = useMutation({
    mutationFn: () => rotateWebhookSecret(id),
    onSuccess: (r) => setSecret(r.secret),
    onError: notifyError,
  });
  const destroy = useMutation({
    mutationFn: () => removeWebhook(id),
    onSuccess: () => {
      refresh();
      void navigate('/integrations');
    },
    onError: notifyError,
  });

  if (webhook.error) return <QueryError error={webhook.error} onRetry={() => void webhook.refetch()} />;
  const w = webhook.data;
  return (
    <>
      <PageHeader
        title={w?.name ?? fallbackTitle}
        description={w?.url}
        actions={
          w && (
            <>
              <Button variant="light" onClick={() => test.mutate()} loading={test.isPending}>
                {t('integrations.test.button')}
              </Button>
              <Button variant="light" onClick={() => rotate.mutate()} loading={rotate.isPending}>
                {t('integrations.secret.rotate')}
              </Button>
              <Button color="red" variant="light" onClick={remove.open}>
                {t('integrations.remove.button')}
              </Button>
            </>
          )
        }
      />
      {w && (
        <Stack>
          <Switch
            label={t('integrations.enabled')}
            checked={w.enabled}
            disabled={toggle.isPending}
            onChange={(e) => toggle.mutate(e.currentTarget.checked)}
          />
          <Text size="sm">
            {t('integrations.form.eventTypes')}:{' '}
            {w.eventTypes.map((e) => t(`integrations.eventTypes.${e}`, e)).join(', ')}
          </Text>
        </Stack>
      )}
      <Group mt="lg" mb="xs">
        <Text fw={600}>{t('integrations.deliveries.title')}</Text>
      </Group>
      {deliveries.error ? (
        <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : deliveries.data?.items.length === 0 ? (
        <Text c="dimmed">{t('integrations.deliveries.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('integrations.deliveries.created')}</Table.Th>
              <Table.Th>{t('integrations.deliveries.event')}</Table.Th>
              <Table.Th>{t('integrations.deliveries.status')}</Table.Th>
              <Table.Th>{t('integrations.deliveries.attempts')}</Table.Th>
              <Table.Th>{t('integrations.deliveries.response')}</Table.Th>
              <Table.Th>{t('integrations.deliveries.nextAttempt')}</Table.Th>
              <Table.Th>{t('integrations.deliveries.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data?.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{dateTime(d.createdAt)}</Table.Td>
                <Table.Td>{t(`integrations.eventTypes.${d.eventType}`, d.eventType)}</Table.Td>
                <Table.Td>
                  <DeliveryStatusBadge status={d.status} />
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{d.responseStatus ?? '—'}</Table.Td>
                <Table.Td>{d.nextAttemptAt ? dateTime(d.nextAttemptAt) : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {d.reference
                      ? t('integrations.deliveries.reference', { reference: d.reference })
                      : (d.lastError ?? '')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={secret !== null} onClose={() => setSecret(null)} title={t('integrations.secret.rotate')}>
        <Stack>
          <Alert color="yellow" title={t('integrations.secret.onceTitle')}>
            {t('integrations.secret.once')}
          </Alert>
          <CopyField label={t('integrations.secret.label')} value={secret ?? ''} />
        </Stack>
      </Modal>
      <ConfirmModal
        opened={removing}
        onClose={remove.close}
        title={t('integrations.remove.confirmTitle')}
        confirmLabel={t('integrations.remove.confirm')}
        onConfirm={() => destroy.mutate()}
        loading={destroy.isPending}
      >
        {t('integrations.remove.confirmText')}
      </ConfirmModal>
    </>
  );
}
