import { Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchDepartments } from '../../../api/departments.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import type { Department } from '../../../api/types.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useCan } from '../../../session/session-context.ts';
import { DeleteDepartmentButton } from './delete-department-button.tsx';
import { DepartmentModal } from './department-modal.tsx';

/** null: creating a new one; a department: editing it; undefined: no dialog open. */
type Editing = Department | null | undefined;

export function DepartmentsPage() {
  const { t } = useTranslation();
  const canManage = useCan('departments.manage');
  const departments = useQuery({ queryKey: queryKeys.departments, queryFn: fetchDepartments });
  const [editing, setEditing] = useState<Editing>(undefined);
  const items = departments.data?.items ?? [];

  return (
    <Stack>
      <PageHeader
        title={t('organisation.departments.title')}
        description={t('organisation.departments.summary')}
        actions={canManage && <Button onClick={() => setEditing(null)}>{t('departments.create')}</Button>}
      />
      {departments.isError ? (
        <QueryError error={departments.error} onRetry={() => void departments.refetch()} />
      ) : departments.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('departments.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t('departments.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('departments.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('departments.fields.description')}</Table.Th>
                <Table.Th scope="col">{t('departments.fields.members')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((department) => (
                <Table.Tr key={department.id}>
                  <Table.Th scope="row" fw={500}>
                    {department.name}
                  </Table.Th>
                  <Table.Td>{department.description || t('common.none')}</Table.Td>
                  <Table.Td>{department.memberCount}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(department)}
                          aria-label={t('departments.editDepartment', { name: department.name })}
                        >
                          {t('common.edit')}
                        </Button>
                        <DeleteDepartmentButton department={department} />
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
        <DepartmentModal
          key={editing?.id ?? 'new'}
          department={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Stack>
  );
}
