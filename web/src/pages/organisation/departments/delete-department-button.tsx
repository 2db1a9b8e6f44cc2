import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deleteDepartment } from '../../../api/departments.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import type { Department } from '../../../api/types.ts';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../components/notify.ts';

/** Deleting cannot be undone and leaves the members without a department, so it says so and asks first. */
export function DeleteDepartmentButton({ department }: { department: Department }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);

  const mutation = useMutation({
    mutationFn: () => deleteDepartment(department.id),
    onSuccess: () => {
      confirm.close();
      notifySuccess(t('departments.deleted', { name: department.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      // User rows show department names, and the signed-in user may have been a member.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: (error) => {
      confirm.close();
      notifyError(error);
      // Gone already (deleted elsewhere) or changed: show the list as it is now.
      void queryClient.invalidateQueries({ queryKey: queryKeys.departments });
    },
  });

  const { name, memberCount: count } = department;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={confirm.open}
        aria-label={t('departments.deleteDepartment', { name })}
      >
        {t('common.delete')}
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={t('departments.deleteConfirm.title', { name })}
        confirmLabel={t('departments.deleteConfirm.confirm')}
        onConfirm={() => mutation.mutate()}
        loading={mutation.isPending}
      >
        {count === 0
          ? t('departments.deleteConfirm.noMembers', { name })
          : t('departments.deleteConfirm.members', { name, count })}
      </ConfirmModal>
    </>
  );
}
