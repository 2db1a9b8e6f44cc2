import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchWebhooks } from '../../api/integrations.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useDateTime } from '../../components/date-format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { RequirePermission } from '../../components/require-permission.tsx';
import { DeliveryStatusBadge } from './delivery-status-badge.tsx';
import { WebhookFormModal } from './webhook-form-modal.tsx';

export function IntegrationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('integrations.title')} description={t('integrations.description')} />
      <RequirePermission permission="integrations.manage">
        <WebhookList />
      </RequirePermission>
    </>
  );
}

function WebhookList() {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const [adding, add] = useDisclosure(false);
  const query = useQuery({ queryKey: queryKeys.webhooks, queryFn: fetchWebhooks });
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data?.items ?? [];
  return (
    <>
      <Button mb="md" onClick={add.open}>
        {t('integrations.add')}
      </Button>
      <WebhookFormModal opened={adding} onClose={add.close} />
      {query.isSuccess && items.length === 0 ? (
        <Text c="dimmed">{t('integrations.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('integrations.form.name')}</Table.Th>
              <Table.Th>{t('integrations.form.url')}</Table.Th>
              <Table.Th>{t('integrations.enabled')}</Table.Th>
              <Table.Th>{t('integrations.lastDelivery')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/integrations/webhooks/${w.id}`}>
                    {w.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {w.url}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={w.enabled ? 'teal' : 'gray'} variant="light">
                    {w.enabled ? t('integrations.on') : t('integrations.off')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {w.lastDelivery ? (
                    <>
                      <DeliveryStatusBadge status={w.lastDelivery.status} /> {dateTime(w.lastDelivery.at)}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
