import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../../api/query-keys.ts';
import type { User } from '../../../api/types.ts';
import { renewInvitation } from '../../../api/users.ts';
import { CopyField } from '../../../components/copy-field.tsx';
import { notifyError } from '../../../components/notify.ts';

/**
 * A new link for someone who has not accepted yet (lost mail, expired link). Earlier links stop working,
 * which may surprise someone about to use one, so the dialog says so before anything is sent. Afterwards
 * it shows the link, as the invite dialog does, because mail may not be configured.
 */
export function RenewInvitationAction({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, modal] = useDisclosure(false);

  const mutation = useMutation({
    mutationFn: () => renewInvitation(user.id),
    onError: (error) => {
      modal.close();
      notifyError(error);
      // Typically accepted in the meantime: the list then shows the new status.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });

  const close = () => {
    modal.close();
    mutation.reset();
  };

  return (
    <>
      <Button
        size="xs"
        variant="light"
        onClick={modal.open}
        aria-label={t('users.renewInvitation.forUser', { name: user.name })}
      >
        {t('users.renewInvitation.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('users.renewInvitation.title', { name: user.name })}
        size="lg"
      >
        {mutation.data ? (
          <Stack>
            <Alert color="green" title={t('users.renewInvitation.done', { name: user.name })}>
              {t('users.invite.linkHint')}
            </Alert>
            <CopyField label={t('users.invite.link')} value={mutation.data.inviteUrl} />
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.done')}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            <Text>{t('users.renewInvitation.text', { name: user.name, email: user.email })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => mutation.mutate()} loading={mutation.isPending}>
                {t('users.renewInvitation.submit')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
