// Phone numbers, international ("+49 30 1234567", "0049 …") and national ("030 1234567", "(030) 123-45",
// "0170/1234567"): a cheap shape check finds candidates, then libphonenumber's metadata (awesome-phonenumber)
// validates each against its region, so order numbers and dates that merely look like numbers are not taken.
import { getCountryCodeForRegionCode, parsePhoneNumber } from 'awesome-phonenumber';
import { C_IGNORABLE, charClass, digitValue, separatorKind } from '../chars.ts';
import { numberEndsAt, prevCode } from './number-token.ts';

export interface PhoneMatch {
  start: number;
  end: number;
  e164: string;
}

// Parsing costs tens of microseconds; the same number tends to recur (a hotline in every post), so results
// are remembered. Bounded, so a stream of distinct numbers cannot grow it without limit.
const cache = new Map<string, string | null>();
const CACHE_MAX = 20_000;

function validate(input: string, region: string): string | null {
  const key = `${region}|${input}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const p = parsePhoneNumber(input, { regionCode: region });
  const e164 = p.valid ? p.number.e164 : null;
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, e164);
  return e164;
}

const nanp = new Map<string, boolean>();
export function isNanp(region: string): boolean {
  let v = nanp.get(region);
  if (v === undefined) {
    v = getCountryCodeForRegionCode(region) === 1;
    nanp.set(region, v);
  }
  return v;
}

// A number labelled as something else ("Bestellnummer 0485 0921 1689", "Tracking: 0123 …") is not a phone
// number even when its digits would make a valid one. Only the phone detector listens to labels: for cards
// and tax IDs a label would be an easy way to slip a real value past.
const OTHER_LABEL =
  /(?<!\p{L})(?:bestell|auftrag|rechnung|kunden|sendung|tracking|paket|artikel|art|order|invoice|ean|isbn|gtin|plz|postleitzahl|ticket|vorgang|aktenzeichen|az|referenz|ref|serien|serial|version|vertrag|konto|account|blz|id)[\p{L}-]*\.?\s*(?:nummer|nr|no|number|num)?\.?\s*[:#]?\s*$/iu;

const DATE_SHAPE = /^\(?\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;

/** r is the start of a run of digits. */
export function detectPhone(text: string, r: number, region: string): PhoneMatch | null {
  const n = text.length;
  let start = r;
  let plus = false;
  let paren = false;
  const prev = prevCode(text, r);
  if (prev.code === 43) {
    plus = true;
    start = prev.at;
  } else if (prev.code === 40) {
    paren = true;
    start = prev.at;
  } else if (separatorKind(prev.code) === 1) {
    const before = prevCode(text, prev.at);
    if (before.code === 43) {
      plus = true;
      start = before.at;
    }
  }
  // where the number starts, nothing word-like or numeric may stand before it
  const lead = prevCode(text, start);
  if (lead.code >= 0 && (charClass(lead.code) === 1 || digitValue(lead.code) >= 0)) return null;
  if (lead.code >= 0 && separatorKind(lead.code) !== 0) {
    const b = prevCode(text, lead.at);
    if (b.code >= 0 && digitValue(b.code) >= 0) return null;
  }
  const first = digitValue(text.charCodeAt(r));
  const nationalTrunk = !plus && first === 0;
  if (!plus && !nationalTrunk && !isNanp(region)) return null;

  let digits = '';
  let j = r;
  let end = r;
  let seps = 0;
  // separators between two digit groups: at most three characters with at most one '/' or '-' among them
  // ("030 / 123 45 67", "030 - 12345"); ") " and " (" for area codes in brackets
  let sepRun = 0;
  let sepMarks = 0;
  // where the number stood before the first wide separator: "030 901820 - 0170 1234567" is two numbers
  let narrowEnd = -1;
  let narrowDigits = '';
  while (j < n) {
    const c = text.charCodeAt(j);
    const d = digitValue(c);
    if (d >= 0) {
      if (sepRun > 1 && narrowEnd < 0) {
        narrowEnd = end;
        narrowDigits = digits;
      }
      digits += d;
      j++;
      end = j;
      sepRun = 0;
      sepMarks = 0;
      if (digits.length > 17) break;
      continue;
    }
    if (charClass(c) === C_IGNORABLE) {
      j++;
      continue;
    }
    // "+49 (0)30 …": the trunk zero in brackets is not dialled from abroad
    if (plus && c === 40 && digitValue(text.charCodeAt(j + 1)) === 0 && text.charCodeAt(j + 2) === 41) {
      j += 3;
      seps++;
      sepRun = 1;
      continue;
    }
    const isParen = c === 40 || c === 41;
    const kind = separatorKind(c);
    if (kind === 0 && !isParen) break;
    const mark = kind === 2 || kind === 3;
    if (sepRun >= 3 || (mark && sepMarks > 0)) break;
    if (sepRun > 0 && isParen && text.charCodeAt(j - 1) !== 32) break;
    j++;
    seps++;
    sepRun++;
    if (mark) sepMarks++;
  }
  const full = tryNumber(text, start, r, end, digits, seps, plus, paren, nationalTrunk, region);
  if (full || narrowEnd < 0) return full;
  return tryNumber(text, start, r, narrowEnd, narrowDigits, seps, plus, paren, nationalTrunk, region);
}

function tryNumber(
  text: string,
  start: number,
  r: number,
  end: number,
  digits: string,
  seps: number,
  plus: boolean,
  paren: boolean,
  nationalTrunk: boolean,
  region: string,
): PhoneMatch | null {
  if (digits.length < 6 || digits.length > 15 || !numberEndsAt(text, end)) return null;
  const raw = text.slice(paren ? start : r, end);
  if (DATE_SHAPE.test(raw)) return null;
  if (!plus && !nationalTrunk && (digits.length !== 10 || seps < 2)) return null;
  if (OTHER_LABEL.test(text.slice(Math.max(0, start - 40), start))) return null;
  const e164 = validate(plus ? `+${digits}` : digits, region);
  if (!e164) return null;
  return { start, end, e164 };
}
