// Payment card numbers: 13–19 digits, compact or grouped with spaces or dashes; the issuer's prefix must fit
// the length and the Luhn check must hold. A 13-digit number that is a valid EAN-13 is taken for a barcode.
import { gtin, luhn } from '../checksums.ts';
import { numberEndsAt, numberStartsAt, readNumber } from './number-token.ts';

interface Issuer {
  name: string;
  /** Inclusive prefix ranges, compared on as many leading digits as the bounds have. */
  ranges: [string, string][];
  lengths: number[];
}

const R16_19 = [16, 17, 18, 19];
const ISSUERS: Issuer[] = [
  { name: 'Visa', ranges: [['4', '4']], lengths: [13, 16, 19] },
  {
    name: 'Mastercard',
    ranges: [
      ['51', '55'],
      ['2221', '2720'],
    ],
    lengths: [16],
  },
  {
    name: 'American Express',
    ranges: [
      ['34', '34'],
      ['37', '37'],
    ],
    lengths: [15],
  },
  {
    name: 'Diners Club',
    ranges: [
      ['300', '305'],
      ['36', '36'],
      ['38', '39'],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  {
    name: 'Discover',
    ranges: [
      ['6011', '6011'],
      ['644', '649'],
      ['65', '65'],
      ['622126', '622925'],
    ],
    lengths: R16_19,
  },
  { name: 'JCB', ranges: [['3528', '3589']], lengths: R16_19 },
  {
    name: 'UnionPay',
    ranges: [
      ['62', '62'],
      ['81', '81'],
    ],
    lengths: R16_19,
  },
  { name: 'Mir', ranges: [['2200', '2204']], lengths: R16_19 },
  {
    name: 'Maestro',
    ranges: [
      ['50', '50'],
      ['56', '58'],
      ['6304', '6304'],
      ['6759', '6759'],
      ['6761', '6763'],
    ],
    lengths: [13, 14, 15, 16, 17, 18, 19],
  },
  {
    name: 'RuPay',
    ranges: [
      ['60', '60'],
      ['508', '508'],
    ],
    lengths: [16],
  },
  { name: 'Troy', ranges: [['9792', '9792']], lengths: [16] },
];

export function cardIssuer(digits: string): string | null {
  for (const issuer of ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    for (const [lo, hi] of issuer.ranges) {
      const head = digits.slice(0, lo.length);
      if (head >= lo && head <= hi) return issuer.name;
    }
  }
  return null;
}

export interface CardMatch {
  start: number;
  end: number;
  issuer: string;
}

const SEPS = [1, 2];

export function detectCard(text: string, r: number): CardMatch | null {
  if (!numberStartsAt(text, r)) return null;
  const t = readNumber(text, r, SEPS, 19);
  const len = t.digits.length;
  if (len < 13 || len > 19 || !numberEndsAt(text, t.end)) return null;
  if (t.groups.length > 1 && t.groups.some((g) => g < 3)) return null;
  const issuer = cardIssuer(t.digits);
  if (!issuer || !luhn(t.digits)) return null;
  if (len === 13 && gtin(t.digits)) return null;
  return { start: t.start, end: t.end, issuer };
}
