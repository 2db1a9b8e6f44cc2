import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Channel, removeChannel } from '../../api/channels.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';

/** Removing fails every post still queued for the channel, so the dialog says how many before it happens. */
export function RemoveChannelButton({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, confirm] = useDisclosure(false);
  const { name, queuedPosts: count } = channel;

  const mutation = useMutation({
    mutationFn: () => removeChannel(channel.id),
    onSuccess: () => {
      confirm.close();
      notifySuccess(t('channels.remove.done', { name }));
      queryClient.removeQueries({ queryKey: queryKeys.channel(channel.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.channels });
      void queryClient.invalidateQueries({ queryKey: queryKeys.sandbox });
      // Posts that were queued for it have failed now.
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts });
      void navigate('/channels');
    },
    onError: (error) => {
      confirm.close();
      notifyError(error);
      void queryClient.invalidateQueries({ queryKey: queryKeys.channels });
    },
  });

  return (
    <>
      <Button color="red" variant="light" onClick={confirm.open}>
        {t('channels.remove.button')}
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        title={t('channels.remove.title', { name })}
        confirmLabel={t('channels.remove.confirm')}
        onConfirm={() => mutation.mutate()}
        loading={mutation.isPending}
      >
        {count === 0 ? t('channels.remove.noQueued', { name }) : t('channels.remove.queued', { name, count })}
      </ConfirmModal>
    </>
  );
}
