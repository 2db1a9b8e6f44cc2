import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { queryKeys } from '../api/query-keys.ts';
import { signOut, signOutEverywhere } from '../api/session.ts';
import { notifyError } from '../components/notify.ts';

/**
 * Signing out forgets every cached answer, so the next user of this browser sees none of it. The cache is
 * dropped only after leaving the pages that use it, which would otherwise fetch it again (and the session
 * gate would send the user to sign-in with a "next" page they did not ask for).
 */
function useLeave(call: () => Promise<void>) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = async () => {
    await navigate('/sign-in', { replace: true });
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
  };
  return useMutation({
    mutationFn: call,
    onSuccess: leave,
    // A session that already ended (expired, ended elsewhere) is as signed out as it gets.
    onError: (error) => (error instanceof ApiError && error.status === 401 ? leave() : notifyError(error)),
  });
}

export const useSignOut = () => useLeave(signOut);
export const useSignOutEverywhere = () => useLeave(signOutEverywhere);
