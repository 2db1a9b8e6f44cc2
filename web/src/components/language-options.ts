import type { TFunction } from 'i18next';
import { LOCALES } from '../i18n/language.ts';

/** Deutsch / English for a Select; each name stays in its own language, as in the header's switch. */
export function languageOptions(t: TFunction): { value: string; label: string }[] {
  return LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`) }));
}
