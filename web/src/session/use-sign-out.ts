import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys.ts';
import { signOut, signOutEverywhere } from '../api/session.ts';
import { notifyError } from '../components/notify.ts';

/** Signing out forgets every cached answer, so the next user of this browser sees none of it. */
function useLeave(call: () => Promise<void>) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
      void navigate('/sign-in', { replace: true });
    },
    onError: notifyError,
  });
}

export const useSignOut = () => useLeave(signOut);
export const useSignOutEverywhere = () => useLeave(signOutEverywhere);
