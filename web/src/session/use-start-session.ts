import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys.ts';
import { fetchMe, updateMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { notifyError } from '../components/notify.ts';
import { takeSignedOutChoice } from '../i18n/language.ts';
import { applyLocale } from '../i18n/use-language.ts';

/**
 * After sign-in or accepting an invitation: start with an empty cache (nothing of a previous user), keep a
 * language picked on the signed-out page by saving it to the profile, then open the wanted page.
 */
export function useStartSession() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (signedIn: Me | null, next: string) => {
    queryClient.clear();
    let me = signedIn ?? (await fetchMe());
    const choice = takeSignedOutChoice();
    if (me && choice && choice !== me.user.locale) {
      try {
        await updateMe({ locale: choice });
        me = { ...me, user: { ...me.user, locale: choice } };
      } catch (error) {
        notifyError(error);
      }
    }
    if (me) await applyLocale(me.user.locale);
    queryClient.setQueryData(queryKeys.me, me);
    await navigate(next, { replace: true });
  };
}
