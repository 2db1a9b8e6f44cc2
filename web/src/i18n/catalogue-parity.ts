import type de from '../../i18n/de.json';
import type en from '../../i18n/en.json';

/** Every key path of a nested catalogue, as "section.key". */
type KeyPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeyPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type Untranslated =
  | Exclude<KeyPaths<typeof en>, KeyPaths<typeof de>>
  | Exclude<KeyPaths<typeof de>, KeyPaths<typeof en>>;

/**
 * Fails `tsc` when a string exists in one language only; the error names the keys that are missing.
 */
export const cataloguesMatch: [Untranslated] extends [never] ? true : Untranslated = true;
