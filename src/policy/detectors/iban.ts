// IBAN: every country of the SWIFT IBAN registry with its length; compact, in groups of four, any case;
// the country's length and the MOD 97-10 check must both hold.
import {
  C_IGNORABLE,
  C_WORD,
  charClass,
  classAfter,
  classBefore,
  digitValue,
  letterUpper,
  separatorKind,
} from '../chars.ts';
import { ibanChecksum } from '../checksums.ts';

export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

export interface IbanMatch {
  start: number;
  end: number;
  country: string;
  compact: string;
}

function alnumUpper(c: number): string | null {
  const d = digitValue(c);
  if (d >= 0) return String(d);
  const l = letterUpper(c);
  return l >= 0 ? String.fromCharCode(l) : null;
}

/** r is the start of a run of digits: an IBAN's check digits follow its two-letter country code. */
export function detectIban(text: string, r: number): IbanMatch | null {
  if (r < 2) return null;
  const a = letterUpper(text.charCodeAt(r - 2));
  const b = letterUpper(text.charCodeAt(r - 1));
  if (a < 0 || b < 0 || classBefore(text, r - 2) === C_WORD) return null;
  const country = String.fromCharCode(a, b);
  const len = IBAN_LENGTHS[country];
  if (len === undefined) return null;
  let compact = country;
  let j = r;
  let end = r;
  let grouped = false;
  const n = text.length;
  while (compact.length < len && j < n) {
    const c = text.charCodeAt(j);
    const ch = alnumUpper(c);
    if (ch !== null) {
      if (compact.length < 4 && digitValue(c) < 0) return null;
      compact += ch;
      j++;
      end = j;
    } else if (charClass(c) === C_IGNORABLE) j++;
    else if (
      separatorKind(c) === 1 &&
      compact.length >= 4 &&
      j + 1 < n &&
      alnumUpper(text.charCodeAt(j + 1)) !== null
    ) {
      grouped = true;
      j++;
    } else break;
  }
  if (compact.length !== len || classAfter(text, end) === C_WORD) return null;
  // written in groups, a further group of digits means the number is longer than the country's IBAN
  if (grouped && separatorKind(text.charCodeAt(end)) === 1 && digitValue(text.charCodeAt(end + 1)) >= 0)
    return null;
  if (!ibanChecksum(compact)) return null;
  return { start: r - 2, end, country, compact };
}
