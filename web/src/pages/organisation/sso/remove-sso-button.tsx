import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import { deleteSso } from '../../../api/sso.ts';
import type { Sso } from '../../../api/types.ts';
import { ConfirmModal } from '../../../components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../components/notify.ts';

/** People who only ever signed in through the provider have no password, so removing it asks first. */
export function RemoveSsoButton({ callbackUrl }: { callbackUrl: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);

  const mutation = useMutation({
    mutationFn: deleteSso,
    onSuccess: () => {
      confirm.close();
      queryClient.setQueryData<Sso>(queryKeys.sso, { callbackUrl, settings: null });
      notifySuccess(t('sso.remove.done'));
    },
    onError: (error) => {
      confirm.close();
      notifyError(error);
      // Removed elsewhere already, or changed: show what the server has now.
      void queryClient.invalidateQueries({ queryKey: queryKeys.sso });
    },
  });

  return (
    <>
      <Button color="red" variant="light" onClick={confirm.open}>
        {t('sso.remove.button')}
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={t('sso.remove.confirmTitle')}
        confirmLabel={t('sso.remove.confirm')}
        onConfirm={() => mutation.mutate()}
        loading={mutation.isPending}
      >
        {t('sso.remove.confirmText')}
      </ConfirmModal>
    </>
  );
}
