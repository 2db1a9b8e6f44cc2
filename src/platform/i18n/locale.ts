export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Picks the best supported language from an Accept-Language header; German when none matches is not
 * right for an English visitor, so the fallback is English and German must be asked for. */
export function localeFromHeader(header: string | undefined, fallback: Locale = 'en'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (lang === 'de' || lang === 'en') return lang;
  return fallback;
}

export function isLocale(v: unknown): v is Locale {
  return v === 'de' || v === 'en';
}
