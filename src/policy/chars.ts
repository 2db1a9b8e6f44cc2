// Character classes and folding shared by the matcher and the detectors. ASCII goes through small tables;
// anything else is classified once per code unit and cached, so normalisation costs only where non-ASCII
// characters occur (DESIGN.md: whole-text normalisation alone spends the engine's time budget).

const WORD_RE = /[\p{L}\p{N}\p{M}_]/u;
const SPACE_RE = /\s/u;

/** 0 = not yet classified, 1 = word, 2 = space, 3 = other, 4 = ignorable (zero-width, format, soft hyphen). */
const CLASS_CACHE = new Uint8Array(65536);
export const C_WORD = 1;
export const C_SPACE = 2;
export const C_OTHER = 3;
export const C_IGNORABLE = 4;

function classify(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return C_OTHER;
  if (
    c === 0x00ad ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2060 && c <= 0x2064) ||
    c === 0xfeff ||
    c === 0x180e ||
    (c >= 0xfe00 && c <= 0xfe0f)
  ) {
    return C_IGNORABLE;
  }
  const s = String.fromCharCode(c);
  if (SPACE_RE.test(s)) return C_SPACE;
  if (WORD_RE.test(s)) return C_WORD;
  return C_OTHER;
}

for (let c = 0; c < 128; c++) CLASS_CACHE[c] = classify(c);

export function charClass(c: number): number {
  let k = CLASS_CACHE[c]!;
  if (k === 0) {
    k = classify(c);
    CLASS_CACHE[c] = k;
  }
  return k;
}

export function isWordCode(c: number): boolean {
  return charClass(c) === C_WORD;
}

/** The class of the character before `i`, skipping ignorable ones; C_SPACE at the start of the text. */
export function classBefore(text: string, i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const k = charClass(text.charCodeAt(j));
    if (k !== C_IGNORABLE) return k;
  }
  return C_SPACE;
}

/** The class of the character at or after `i`, skipping ignorable ones; C_SPACE at the end of the text. */
export function classAfter(text: string, i: number): number {
  for (let j = i; j < text.length; j++) {
    const k = charClass(text.charCodeAt(j));
    if (k !== C_IGNORABLE) return k;
  }
  return C_SPACE;
}

/** ASCII or fullwidth digit value, else -1 (fullwidth digits are how numbers get past naive filters). */
export function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/** ASCII or fullwidth letter, upper-cased, else -1. */
export function letterUpper(c: number): number {
  if (c >= 65 && c <= 90) return c;
  if (c >= 97 && c <= 122) return c - 32;
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xff21 + 65;
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xff41 + 65;
  return -1;
}

/** Separators people put inside numbers: 1 = space-like, 2 = dash-like, 3 = slash, 0 = none. */
export function separatorKind(c: number): number {
  switch (c) {
    case 0x20:
    case 0xa0:
    case 0x2007:
    case 0x2009:
    case 0x202f:
      return 1;
    case 0x2d:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
      return 2;
    case 0x2f:
      return 3;
    default:
      return 0;
  }
}

// Letters that look like Latin ones in other scripts: the usual way to slip a term past a filter.
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ı: 'i',
  А: 'a',
  В: 'b',
  Е: 'e',
  К: 'k',
  М: 'm',
  Н: 'h',
  О: 'o',
  Р: 'p',
  С: 'c',
  Т: 't',
  Х: 'x',
  І: 'i',
  Ј: 'j',
  Ѕ: 's',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'i',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'ae',
  Ö: 'oe',
  Ü: 'ue',
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
};

const FOLD_CACHE: (string | undefined)[] = new Array(65536);

/**
 * The folded form of one UTF-16 code unit: lower case, umlauts and ß spelt out (ä → ae, so that "Müller"
 * and "Mueller" meet), other diacritics dropped (NFKD), homoglyphs mapped to Latin, compatibility forms
 * (fullwidth, ligatures) decomposed (NFKC's effect for matching), any space a single ' ', ignorable
 * characters and combining marks empty. Combining U+0308 after a, o or u is handled by the caller.
 */
export function foldUnit(c: number): string {
  let f = FOLD_CACHE[c];
  if (f !== undefined) return f;
  const k = charClass(c);
  if (k === C_IGNORABLE || (c >= 0x300 && c <= 0x36f) || (c >= 0xd800 && c <= 0xdfff)) f = '';
  else if (k === C_SPACE) f = ' ';
  else {
    const s = String.fromCharCode(c);
    f = HOMOGLYPHS[s] ?? s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    // what NFKD leaves may itself be a homoglyph or an umlaut (e.g. the decomposition of a ligature)
    f = [...f].map((ch) => HOMOGLYPHS[ch] ?? ch).join('');
  }
  FOLD_CACHE[c] = f;
  return f;
}

for (let c = 0; c < 128; c++)
  FOLD_CACHE[c] = charClass(c) === C_SPACE ? ' ' : String.fromCharCode(c).toLowerCase();

/**
 * Folds a whole string the way the matcher folds text (for terms, tags and short values, not for posts).
 * Leading and trailing whitespace goes, unless `keepEdges` (a pattern's literal "PE " must keep its space).
 */
export function foldString(s: string, keepEdges = false): string {
  let out = '';
  let prevSpace = !keepEdges;
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let f = foldUnit(c);
    if (c === 0x308 && (prev === 'a' || prev === 'o' || prev === 'u')) f = 'e';
    if (f === '') continue;
    if (f === ' ') {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    out += f;
    prev = f[f.length - 1]!;
  }
  return keepEdges ? out : out.trimEnd();
}
