import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import type { User } from '../../../api/types.ts';
import { updateUser } from '../../../api/users.ts';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../components/notify.ts';

/** Deactivating locks a person out at once, so it is confirmed; reactivating is harmless and is not. */
export function UserStatusAction({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);
  const deactivated = user.status === 'deactivated';

  const mutation = useMutation({
    mutationFn: () => updateUser(user.id, { status: deactivated ? 'active' : 'deactivated' }),
    onSuccess: () => {
      confirm.close();
      notifySuccess(
        deactivated
          ? t('users.reactivated', { name: user.name })
          : t('users.deactivated', { name: user.name }),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
    onError: notifyError,
  });

  if (deactivated) {
    return (
      <Button
        size="xs"
        variant="light"
        loading={mutation.isPending}
        onClick={() => mutation.mutate()}
        aria-label={t('users.reactivateUser', { name: user.name })}
      >
        {t('users.reactivate')}
      </Button>
    );
  }

  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={confirm.open}
        aria-label={t('users.deactivateUser', { name: user.name })}
      >
        {t('users.deactivate')}
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={t('users.deactivateConfirm.title', { name: user.name })}
        confirmLabel={t('users.deactivate')}
        onConfirm={() => mutation.mutate()}
        loading={mutation.isPending}
      >
        {t('users.deactivateConfirm.text', { name: user.name })}
      </ConfirmModal>
    </>
  );
}
