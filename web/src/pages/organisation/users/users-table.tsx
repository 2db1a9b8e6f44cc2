import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/types.ts';
import { roleLabel } from '../../../components/roles.ts';
import { useCan, useSession } from '../../../session/session-context.ts';
import { EditUserModal } from './edit-user-modal.tsx';
import { RenewInvitationAction } from './renew-invitation-action.tsx';
import { StatusBadge } from './status-badge.tsx';
import { UserStatusAction } from './user-status-action.tsx';

export function UsersTable({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = useCan('users.manage');
  const [editing, setEditing] = useState<User | null>(null);

  if (users.length === 0) return <Text c="dimmed">{t('users.empty')}</Text>;

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover>
          <Table.Caption>{t('users.caption', { count: users.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('users.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('users.fields.email')}</Table.Th>
              <Table.Th scope="col">{t('users.fields.role')}</Table.Th>
              <Table.Th scope="col">{t('users.fields.department')}</Table.Th>
              <Table.Th scope="col">{t('users.fields.status')}</Table.Th>
              {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Th scope="row" fw={500}>
                  {user.name}
                </Table.Th>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{roleLabel(t, user.role)}</Table.Td>
                <Table.Td>{user.departmentName ?? t('common.none')}</Table.Td>
                <Table.Td>
                  <StatusBadge status={user.status} />
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    {/* The usual pair stays on one line; an invited person's third button moves below it
                        when the table is narrow, instead of pushing the pair out of view. */}
                    <Group gap="xs">
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setEditing(user)}
                          aria-label={t('users.editUser', { name: user.name })}
                        >
                          {t('common.edit')}
                        </Button>
                        {/* Locking oneself out is never what was meant. */}
                        {user.id !== me.user.id && <UserStatusAction user={user} />}
                      </Group>
                      {user.status === 'invited' && <RenewInvitationAction user={user} />}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <EditUserModal key={editing.id} user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
