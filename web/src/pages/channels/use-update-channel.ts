import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Channel, type ChannelUpdate, updateChannel } from '../../api/channels.ts';
import { queryKeys } from '../../api/query-keys.ts';

/** Every part of the detail page saves through PATCH; the answer is the whole channel, shown at once. */
export function useUpdateChannel(
  channel: Channel,
  handlers: { onSuccess: (saved: Channel) => void; onError: (error: unknown) => void },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: ChannelUpdate) => updateChannel(channel.id, update),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.channel(channel.id), saved);
      // The list shows names, teams and health too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.channels, exact: true });
      handlers.onSuccess(saved);
    },
    onError: handlers.onError,
  });
}
