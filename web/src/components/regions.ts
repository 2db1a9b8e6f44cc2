import { intlLocale } from './date-format.ts';

/**
 * The regions whose phone numbers the server can read (libphonenumber's list: the ISO 3166 countries with a
 * numbering plan, plus Ascension, Tristan da Cunha and Kosovo). The region exists to read phone numbers
 * written without a country code, so a region without a numbering plan would be no use.
 */
const PHONE_REGIONS = (
  'AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET ' +
  'FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ' +
  'ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA ' +
  'PE PF PG PH PK PL PM PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ' +
  'ST SV SX SY SZ TA TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF ' +
  'WS XK YE YT ZA ZM ZW'
).split(' ');

const TWO_LETTERS = /^[A-Z]{2}$/;

/** "Deutschland (DE)" in the UI language; the code alone where the browser has no name for it. */
export function regionLabel(code: string, language: string): string {
  const upper = code.toUpperCase();
  // Intl.DisplayNames throws on anything that is not a well-formed region code.
  const name = TWO_LETTERS.test(upper)
    ? new Intl.DisplayNames([intlLocale(language)], { type: 'region', fallback: 'none' }).of(upper)
    : undefined;
  return name ? `${name} (${upper})` : upper;
}

/**
 * All regions by name in the UI language. The organisation's current region is always offered, even when
 * it is not in the list, so saving the form never changes it silently.
 */
export function regionOptions(current: string, language: string): { value: string; label: string }[] {
  const codes = PHONE_REGIONS.includes(current) ? PHONE_REGIONS : [current, ...PHONE_REGIONS];
  const collator = new Intl.Collator(intlLocale(language));
  return codes
    .map((code) => ({ value: code, label: regionLabel(code, language) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
