import { Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import { fetchWorkflows, type Workflow } from '../../../api/workflows.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../session/session-context.ts';
import { PublishingTabs } from '../publishing-tabs.tsx';
import { DeleteWorkflowButton } from './delete-workflow-button.tsx';
import { WorkflowModal } from './workflow-modal.tsx';
import { scopeSummary, workflowSummary } from './workflow-summary.ts';

/** null: creating a new one; a workflow: editing it; undefined: no dialog open. */
type Editing = Workflow | null | undefined;

export function WorkflowsPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('workflows.manage');
  const workflows = useQuery({ queryKey: queryKeys.workflows, queryFn: fetchWorkflows });
  const [editing, setEditing] = useState<Editing>(undefined);
  const items = workflows.data?.items ?? [];

  return (
    <Stack>
      <PageHeader
        title={t('workflows.title')}
        description={t('workflows.summaryText')}
        actions={canManage && <Button onClick={() => setEditing(null)}>{t('workflows.create')}</Button>}
      />
      <PublishingTabs />
      {workflows.isError ? (
        <QueryError error={workflows.error} onRetry={() => void workflows.refetch()} />
      ) : workflows.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('workflows.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>{t('workflows.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('workflows.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('workflows.fields.scope')}</Table.Th>
                <Table.Th scope="col">{t('workflows.fields.rule')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Th scope="row" fw={500}>
                    {w.name}
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="light" color={w.department || w.channel ? 'blue' : 'gray'}>
                      {scopeSummary(t, w)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{workflowSummary(t, i18n.language, w)}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(w)}
                          aria-label={t('workflows.editWorkflow', { name: w.name })}
                        >
                          {t('common.edit')}
                        </Button>
                        <DeleteWorkflowButton workflow={w} />
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
        <WorkflowModal key={editing?.id ?? 'new'} workflow={editing} onClose={() => setEditing(undefined)} />
      )}
    </Stack>
  );
}
