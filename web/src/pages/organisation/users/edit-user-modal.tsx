import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import type { User, UserUpdate } from '../../../api/types.ts';
import { updateUser } from '../../../api/users.ts';
import { type FieldErrors, formErrors } from '../../../components/form-errors.ts';
import { notifySuccess } from '../../../components/notify.ts';
import { useDepartmentOptions, useRoleOptions } from './select-options.ts';

const FIELDS = ['role', 'departmentId'] as const;

/** Role and department of one user; only what changed is sent. Mounted per user, so state starts fresh. */
export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const departments = useDepartmentOptions();
  const [role, setRole] = useState<string | null>(user.role);
  const [departmentId, setDepartmentId] = useState<string | null>(user.departmentId);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});

  const mutation = useMutation({
    mutationFn: (update: UserUpdate) => updateUser(user.id, update),
    onSuccess: () => {
      notifySuccess(t('users.edit.saved', { name: user.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      onClose();
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const update: UserUpdate = {};
    if (role && role !== user.role) update.role = role;
    if (departmentId !== user.departmentId) update.departmentId = departmentId;
    if (Object.keys(update).length === 0) onClose();
    else mutation.mutate(update);
  };

  return (
    <Modal opened onClose={onClose} title={t('users.edit.title', { name: user.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('users.fields.role')}
            data={roles.options}
            disabled={roles.loading}
            value={role}
            onChange={setRole}
            allowDeselect={false}
            error={errors.role}
            data-autofocus
          />
          <Select
            label={t('users.fields.departmentOptional')}
            placeholder={t('users.noDepartment')}
            data={departments.options}
            value={departmentId}
            onChange={setDepartmentId}
            clearable
            error={errors.departmentId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
