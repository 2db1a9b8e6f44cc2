// German tax identification number (Steuer-ID): 11 digits, compact or in groups ("12 345 678 901"),
// checked with the digit-repetition rules and the ISO 7064 MOD 11,10 check digit (checksums.ts).
import { germanTaxId } from '../checksums.ts';
import { numberEndsAt, numberStartsAt, readNumber } from './number-token.ts';

export interface TaxIdMatch {
  start: number;
  end: number;
}

const SEPS = [1, 3];

export function detectTaxId(text: string, r: number): TaxIdMatch | null {
  if (!numberStartsAt(text, r)) return null;
  const t = readNumber(text, r, SEPS, 11);
  if (t.digits.length !== 11 || !numberEndsAt(text, t.end)) return null;
  if (t.groups.length > 1 && t.groups.some((g) => g < 2 || g > 5)) return null;
  if (!germanTaxId(t.digits)) return null;
  return { start: t.start, end: t.end };
}
