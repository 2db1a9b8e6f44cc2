import type { Locale } from '../api/types.ts';

export const LOCALES: readonly Locale[] = ['de', 'en'];
const STORAGE_KEY = 'chorus.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'de' || value === 'en';
}

/** German when the browser prefers it over English, English for everybody else. */
export function browserLocale(): Locale {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const lang = tag.slice(0, 2).toLowerCase();
    if (isLocale(lang)) return lang;
  }
  return 'en';
}

export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch (error) {
    // Storage can be switched off (private mode, policies); the browser language is a fine answer then.
    console.warn('Chorus: cannot read the stored language', error);
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch (error) {
    console.warn('Chorus: cannot store the language', error);
  }
}

export const initialLocale = (): Locale => storedLocale() ?? browserLocale();
