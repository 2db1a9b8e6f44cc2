import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { deletePost } from '../../../api/posts.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../components/notify.ts';

/** Deleting a post that has not gone out anywhere cannot be undone, so it asks first. */
export function DeletePostButton({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, confirm] = useDisclosure(false);
  const mutation = useMutation({
    mutationFn: () => deletePost(postId),
    onSuccess: () => {
      confirm.close();
      notifySuccess(t('composer.delete.done'));
      queryClient.removeQueries({ queryKey: queryKeys.post(postId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts });
      void navigate('/publishing');
    },
    onError: (error) => {
      confirm.close();
      notifyError(error);
    },
  });
  return (
    <>
      <Button size="xs" variant="light" color="red" onClick={confirm.open}>
        {t('composer.delete.button')}
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={t('composer.delete.title')}
        confirmLabel={t('composer.delete.confirm')}
        onConfirm={() => mutation.mutate()}
        loading={mutation.isPending}
      >
        {t('composer.delete.text')}
      </ConfirmModal>
    </>
  );
}
