import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.ts';
import { revokeToken } from '../../api/tokens.ts';
import type { ApiToken } from '../../api/types.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';

/** Revoking breaks whatever uses the token, at once and for good, so it is confirmed first. */
export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, confirm] = useDisclosure(false);
  const mutation = useMutation({
    mutationFn: () => revokeToken(token.id),
    onSuccess: () => {
      confirm.close();
      notifySuccess(t('tokens.revoked', { name: token.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
    onError: notifyError,
  });

  return (
    <>
      <Button
        size="xs"
        variant="light"
        color="red"
        onClick={confirm.open}
        aria-label={t('tokens.revokeToken', { name: token.name })}
      >
        {t('tokens.revoke')}
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={t('tokens.revokeConfirm.title', { name: token.name })}
        confirmLabel={t('tokens.revoke')}
        onConfirm={() => mutation.mutate()}
        loading={mutation.isPending}
      >
        {t('tokens.revokeConfirm.text')}
      </ConfirmModal>
    </>
  );
}
