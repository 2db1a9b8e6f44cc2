import { Badge, Button, Group, Loader, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Campaign, fetchCampaigns } from '../../../api/campaigns.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../session/session-context.ts';
import { PublishingTabs } from '../publishing-tabs.tsx';
import { ArchiveCampaignButton } from './archive-campaign-button.tsx';
import { CampaignModal } from './campaign-modal.tsx';

/** null: creating a new one; a campaign: editing it; undefined: no dialog open. */
type Editing = Campaign | null | undefined;

export function CampaignsPage() {
  const { t } = useTranslation();
  const canManage = useCan('campaigns.manage');
  const campaigns = useQuery({ queryKey: queryKeys.campaigns, queryFn: fetchCampaigns });
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(undefined);
  const all = campaigns.data?.items ?? [];
  const items = showArchived ? all : all.filter((c) => !c.archived);

  return (
    <Stack>
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.summary')}
        actions={canManage && <Button onClick={() => setEditing(null)}>{t('campaigns.create')}</Button>}
      />
      <PublishingTabs />
      <Switch
        label={t('campaigns.showArchived')}
        checked={showArchived}
        onChange={(e) => setShowArchived(e.currentTarget.checked)}
      />
      {campaigns.isError ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : campaigns.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('campaigns.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t('campaigns.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaigns.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.fields.department')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.fields.status')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    {c.name}
                  </Table.Th>
                  <Table.Td>{c.department?.name ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={c.archived ? 'gray' : 'green'}>
                      {c.archived ? t('campaigns.status.archived') : t('campaigns.status.active')}
                    </Badge>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(c)}
                          aria-label={t('campaigns.editCampaign', { name: c.name })}
                        >
                          {t('common.edit')}
                        </Button>
                        <ArchiveCampaignButton campaign={c} />
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== undefined && (
        <CampaignModal key={editing?.id ?? 'new'} campaign={editing} onClose={() => setEditing(undefined)} />
      )}
    </Stack>
  );
}
