import { Alert, Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Channel, checkChannel } from '../../api/channels.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { notifyError } from '../../components/notify.ts';

/** Asks the network now, instead of waiting for the next post to find out; the answer updates the health. */
export function CheckConnectionButton({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => checkChannel(channel.id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.channels }),
    onError: notifyError,
  });
  const result = mutation.data;
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" onClick={() => mutation.mutate()} loading={mutation.isPending}>
        {t('channels.detail.check')}
      </Button>
      {result && (
        <Alert color={result.ok ? 'green' : 'red'} role="status" py="xs">
          {result.ok
            ? t('channels.detail.checkOk')
            : t('channels.detail.checkFailed', { error: result.error ?? t('common.none') })}
        </Alert>
      )}
    </Stack>
  );
}
