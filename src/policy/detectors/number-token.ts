// Reading a number as people write it: groups of digits with one kind of separator between them. Shared by
// the card and tax-id detectors; the rules here are what keeps dates, amounts and version strings out.
import { C_IGNORABLE, C_WORD, charClass, classAfter, digitValue, separatorKind } from '../chars.ts';

export interface NumberToken {
  start: number;
  end: number;
  digits: string;
  groups: number[];
  /** Separator kind used between groups (see separatorKind), 0 when written without. */
  sep: number;
}

/** The first non-ignorable character before i, or -1. */
export function prevCode(text: string, i: number): { code: number; at: number } {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (charClass(c) !== C_IGNORABLE) return { code: c, at: j };
  }
  return { code: -1, at: -1 };
}

function nextCode(text: string, i: number): { code: number; at: number } {
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (charClass(c) !== C_IGNORABLE) return { code: c, at: j };
  }
  return { code: -1, at: text.length };
}

/**
 * Whether a number may start at p: not inside a word ("A4711"), not the continuation of a number
 * ("12 345" seen from "345"), not after a decimal point or thousands separator ("1.234"), not after '+'
 * (an international phone number, which the phone detector handles).
 */
export function numberStartsAt(text: string, p: number): boolean {
  const prev = prevCode(text, p);
  if (prev.code < 0) return true;
  if (prev.code === 43) return false;
  if (charClass(prev.code) === C_WORD) return false;
  const before = prevCode(text, prev.at);
  const beforeIsDigit = before.code >= 0 && digitValue(before.code) >= 0;
  if ((prev.code === 46 || prev.code === 44) && beforeIsDigit) return false;
  if (separatorKind(prev.code) !== 0 && beforeIsDigit) return false;
  if (separatorKind(prev.code) === 1 && before.code === 43) return false;
  return true;
}

/** Whether a number may end at e: no word character follows, nor a decimal part (",50" / ".00"). */
export function numberEndsAt(text: string, e: number): boolean {
  if (classAfter(text, e) === C_WORD) return false;
  const next = nextCode(text, e);
  if (next.code === 44 || next.code === 46) {
    const after = nextCode(text, next.at + 1);
    if (after.code >= 0 && digitValue(after.code) >= 0) return false;
  }
  return true;
}

/**
 * Reads digits from p, allowing between groups one separator of the kinds in `seps` (all the same kind).
 * Stops early, with more than maxDigits digits, so a long digit string costs nothing more.
 */
export function readNumber(text: string, p: number, seps: readonly number[], maxDigits: number): NumberToken {
  const n = text.length;
  let digits = '';
  const groups: number[] = [];
  let cur = 0;
  let sep = 0;
  let j = p;
  let end = p;
  while (j < n) {
    const c = text.charCodeAt(j);
    const d = digitValue(c);
    if (d >= 0) {
      digits += d;
      cur++;
      j++;
      end = j;
      if (digits.length > maxDigits) break;
      continue;
    }
    if (charClass(c) === C_IGNORABLE) {
      j++;
      continue;
    }
    const k = separatorKind(c);
    if (k !== 0 && cur > 0 && seps.includes(k) && (sep === 0 || sep === k)) {
      const next = nextCode(text, j + 1);
      if (next.code >= 0 && digitValue(next.code) >= 0) {
        groups.push(cur);
        cur = 0;
        sep = k;
        j = next.at;
        continue;
      }
    }
    break;
  }
  groups.push(cur);
  return { start: p, end, digits, groups, sep: groups.length > 1 ? sep : 0 };
}
