import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys.ts';
import { fetchMe, updateMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { notifyError } from '../components/notify.ts';
import { isLocale } from '../i18n/language.ts';
import { i18n } from '../i18n/setup.ts';

/**
 * After sign-in or accepting an invitation: start from an empty cache (nothing of a previous user), then
 * open the wanted page. The language the person just used on the signed-out page (the browser's, or the
 * one they picked) stays, and is saved to the profile: new accounts start with the organisation's default
 * language, which nobody chose, and switching language at the moment of signing in would be a surprise.
 */
export function useStartSession() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (signedIn: Me | null, next: string) => {
    queryClient.clear();
    let me = signedIn ?? (await fetchMe());
    const current = i18n.language;
    if (me && isLocale(current) && current !== me.user.locale) {
      try {
        me = await updateMe({ locale: current });
      } catch (error) {
        notifyError(error);
      }
    }
    queryClient.setQueryData(queryKeys.me, me);
    await navigate(next, { replace: true });
  };
}
