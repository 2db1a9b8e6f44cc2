import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types.ts';
import { useSession } from '../session/session-context.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** British English gives day-month order and a 24-hour clock, which readers in Europe expect. */
const INTL_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

export function intlLocale(language: string): string {
  return language === 'de' ? INTL_LOCALE.de : INTL_LOCALE.en;
}

function formatter(language: string, timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
  try {
    return new Intl.DateTimeFormat(intlLocale(language), { ...options, timeZone });
  } catch (error) {
    // An unknown zone in the profile must not break every page; the browser's zone is shown instead.
    console.warn(`Chorus: unknown time zone "${timeZone}"`, error);
    return new Intl.DateTimeFormat(intlLocale(language), options);
  }
}

/** Formats UTC timestamps from the API in the user's time zone and language. */
export function useDateTime(): (iso: string | null | undefined) => string {
  const { i18n, t } = useTranslation();
  const me = useSession();
  const format = formatter(i18n.language, me.user.timeZone);
  return (iso) => {
    if (!iso) return t('common.never');
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

/**
 * Mantine's pickers give wall-clock strings ("2025-03-30 02:30:00") without a zone; they mean the user's
 * profile zone, not the browser's, and the API wants UTC.
 */
export function wallClockToUtc(value: string | null, timeZone: string): string | undefined {
  if (!value) return undefined;
  const parsed = dayjs.tz(value, timeZone);
  return parsed.isValid() ? parsed.toISOString() : undefined;
}
