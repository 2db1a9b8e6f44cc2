import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import { deleteWorkflow, type Workflow } from '../../../api/workflows.ts';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../components/notify.ts';

/** Without the workflow, posts it covered need only a broader one, or none: so it asks first. */
export function DeleteWorkflowButton({ workflow }: { workflow: Workflow }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);
  const mutation = useMutation({
    mutationFn: () => deleteWorkflow(workflow.id),
    onSuccess: () => {
      confirm.close();
      notifySuccess(t('workflows.deleted', { name: workflow.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.workflows });
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts });
    },
    onError: (error) => {
      confirm.close();
      notifyError(error);
      void queryClient.invalidateQueries({ queryKey: queryKeys.workflows });
    },
  });
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={confirm.open}
        aria-label={t('workflows.deleteWorkflow', { name: workflow.name })}
      >
        {t('common.delete')}
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={t('workflows.deleteConfirm.title', { name: workflow.name })}
        confirmLabel={t('workflows.deleteConfirm.confirm')}
        onConfirm={() => mutation.mutate()}
        loading={mutation.isPending}
      >
        {t('workflows.deleteConfirm.body')}
      </ConfirmModal>
    </>
  );
}
