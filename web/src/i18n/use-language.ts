import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys.ts';
import { updateMe } from '../api/session.ts';
import type { Locale, Me } from '../api/types.ts';
import { notifyError } from '../components/notify.ts';
import { isLocale, storeLocale } from './language.ts';
import { i18n } from './setup.ts';

/** Switches the UI language and remembers it in this browser. */
export async function applyLocale(locale: Locale): Promise<void> {
  storeLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/**
 * The current language and a way to change it. Signed in, the choice is also saved to the profile, so it
 * follows the user to other browsers; signed out, signing in saves it (see useStartSession).
 */
export function useLanguage(): { locale: Locale; change: (next: Locale) => Promise<void> } {
  const { i18n: current } = useTranslation();
  const queryClient = useQueryClient();
  const locale: Locale = isLocale(current.language) ? current.language : 'en';

  const change = async (next: Locale) => {
    if (next === locale) return;
    await applyLocale(next);
    const me = queryClient.getQueryData<Me | null>(queryKeys.me);
    if (!me) return;
    try {
      queryClient.setQueryData(queryKeys.me, await updateMe({ locale: next }));
    } catch (error) {
      notifyError(error);
    }
  };

  return { locale, change };
}

/** Follows the profile's language whenever it loads or changes (signing in, editing the profile). */
export function useProfileLocale(locale: Locale | undefined): void {
  useEffect(() => {
    if (locale) void applyLocale(locale);
  }, [locale]);
}
