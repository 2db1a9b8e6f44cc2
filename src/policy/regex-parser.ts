// A small parser for the JavaScript regular expressions a policy may contain: enough of the syntax to reason
// about a pattern (lengths, literals, character classes, lookarounds), not to run it. What it cannot read is
// rejected with a message, so nothing unchecked reaches the engine.

export const M_DIGIT = 1;
export const M_LOWER = 2;
export const M_UPPER = 4;
export const M_SPACE = 8;
export const M_PUNCT = 16;
export const M_OTHER = 32;
export const M_ALL = 63;
export const M_WORD = M_DIGIT | M_LOWER | M_UPPER | M_PUNCT;

export type Node =
  | { t: 'char'; mask: number; lit: string | null }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'look'; body: Node; behind: boolean; neg: boolean }
  | { t: 'group'; body: Node }
  | { t: 'rep'; body: Node; min: number; max: number }
  | { t: 'assert'; reach: number; word: boolean };

/** The class of a character as the analysis sees it: digit, lower, upper, space, ASCII punctuation, other. */
export function charMask(c: number): number {
  return maskOf(c, false);
}

export class ParseError extends Error {}

export function maskOf(c: number, ignoreCase: boolean): number {
  if (c >= 48 && c <= 57) return M_DIGIT;
  if (c >= 97 && c <= 122) return ignoreCase ? M_LOWER | M_UPPER : M_LOWER;
  if (c >= 65 && c <= 90) return ignoreCase ? M_LOWER | M_UPPER : M_UPPER;
  if (c === 32 || (c >= 9 && c <= 13)) return M_SPACE;
  if (c < 128) return M_PUNCT;
  return M_OTHER | (/\s/u.test(String.fromCharCode(c)) ? M_SPACE : 0);
}

function rangeMask(lo: number, hi: number, ignoreCase: boolean): number {
  let m = 0;
  const spans: [number, number, number][] = [
    [48, 57, M_DIGIT],
    [97, 122, M_LOWER],
    [65, 90, M_UPPER],
  ];
  for (const [a, b, bit] of spans) if (lo <= b && hi >= a) m |= bit;
  if (lo < 48 || (hi > 57 && lo < 65) || (hi > 90 && lo < 97) || (hi > 122 && lo < 128))
    m |= M_PUNCT | M_SPACE;
  if (hi >= 128) m |= M_OTHER | M_SPACE;
  if (ignoreCase && m & (M_LOWER | M_UPPER)) m |= M_LOWER | M_UPPER;
  return m;
}

export class Parser {
  pos = 0;
  readonly src: string;
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  constructor(src: string, flags: string) {
    this.src = src;
    this.ignoreCase = flags.includes('i');
    this.multiline = flags.includes('m');
  }

  parse(): Node {
    const node = this.disjunction();
    if (this.pos < this.src.length) throw new ParseError(`unexpected "${this.src[this.pos]}" at ${this.pos}`);
    return node;
  }

  private disjunction(): Node {
    const alts = [this.alternative()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      alts.push(this.alternative());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      items.push(this.term());
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private term(): Node {
    const ch = this.src[this.pos]!;
    if (ch === '^' || ch === '$') {
      this.pos++;
      // without the m flag, ^ and $ see the ends of the whole input: such a pattern cannot run on a window
      return { t: 'assert', reach: this.multiline ? 1 : Number.POSITIVE_INFINITY, word: false };
    }
    let atom = this.atom();
    for (;;) {
      const q = this.quantifier();
      if (!q) break;
      if (atom.t === 'assert' || atom.t === 'look') {
        if (atom.t === 'look' && atom.behind) throw new ParseError('a lookbehind cannot be quantified');
      }
      atom = { t: 'rep', body: atom, min: q[0], max: q[1] };
    }
    return atom;
  }

  private quantifier(): [number, number] | null {
    const ch = this.src[this.pos];
    let q: [number, number] | null = null;
    if (ch === '*') q = [0, Infinity];
    else if (ch === '+') q = [1, Infinity];
    else if (ch === '?') q = [0, 1];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.pos += m[0].length;
      if (this.src[this.pos] === '?') this.pos++;
      return [min, max];
    }
    if (!q) return null;
    this.pos++;
    if (this.src[this.pos] === '?') this.pos++;
    return q;
  }

  private atom(): Node {
    const ch = this.src[this.pos]!;
    if (ch === '.') {
      this.pos++;
      return { t: 'char', mask: M_ALL, lit: null };
    }
    if (ch === '(') return this.group();
    if (ch === '[') return this.charClass();
    if (ch === '\\') return this.escape(false);
    if (ch === '*' || ch === '+' || ch === '?') throw new ParseError(`nothing to repeat at ${this.pos}`);
    this.pos++;
    const c = ch.codePointAt(0)!;
    if (c > 0xffff) this.pos++;
    return { t: 'char', mask: maskOf(c, this.ignoreCase), lit: String.fromCodePoint(c) };
  }

  private group(): Node {
    this.pos++;
    let look: 'ahead' | 'behind' | null = null;
    let neg = false;
    const rest = this.src.slice(this.pos, this.pos + 4);
    if (rest.startsWith('?:')) this.pos += 2;
    else if (rest.startsWith('?=') || rest.startsWith('?!')) {
      look = 'ahead';
      neg = rest.startsWith('?!');
      this.pos += 2;
    } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
      look = 'behind';
      neg = rest.startsWith('?<!');
      this.pos += 3;
    } else if (rest.startsWith('?<')) {
      const end = this.src.indexOf('>', this.pos);
      if (end < 0) throw new ParseError('unterminated group name');
      this.pos = end + 1;
    } else if (rest.startsWith('?')) {
      const m = /^\?[ims]*(-[ims]+)?:/.exec(this.src.slice(this.pos));
      if (!m) throw new ParseError(`invalid group at ${this.pos}`);
      this.pos += m[0].length;
    }
    const body = this.disjunction();
    if (this.src[this.pos] !== ')') throw new ParseError('missing )');
    this.pos++;
    if (look) return { t: 'look', body, behind: look === 'behind', neg };
    return { t: 'group', body };
  }

  private charClass(): Node {
    this.pos++;
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    let mask = 0;
    let full = 0;
    let members = 0;
    let single: string | null = null;
    while (this.pos < this.src.length && this.src[this.pos] !== ']') {
      let lo: number;
      if (this.src[this.pos] === '\\') {
        const e = this.escape(true);
        members++;
        if (e.t !== 'char' || e.lit === null) {
          const m = e.t === 'char' ? e.mask : 0;
          mask |= m;
          if (m === M_DIGIT) full |= M_DIGIT;
          if (m === M_SPACE) full |= M_SPACE;
          if (m === M_WORD) full |= M_DIGIT | M_LOWER | M_UPPER;
          single = null;
          continue;
        }
        lo = e.lit.codePointAt(0)!;
      } else {
        lo = this.src.codePointAt(this.pos)!;
        this.pos += lo > 0xffff ? 2 : 1;
        members++;
      }
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        let hi: number;
        if (this.src[this.pos] === '\\') {
          const e = this.escape(true);
          if (e.t !== 'char' || e.lit === null) throw new ParseError('invalid range in class');
          hi = e.lit.codePointAt(0)!;
        } else {
          hi = this.src.codePointAt(this.pos)!;
          this.pos += hi > 0xffff ? 2 : 1;
        }
        if (hi < lo) throw new ParseError('range out of order in character class');
        mask |= rangeMask(lo, hi, this.ignoreCase);
        if (lo <= 48 && hi >= 57) full |= M_DIGIT;
        if (lo <= 97 && hi >= 122) full |= M_LOWER;
        if (lo <= 65 && hi >= 90) full |= M_UPPER;
        single = null;
        members++;
      } else {
        mask |= maskOf(lo, this.ignoreCase);
        single = members === 1 ? String.fromCodePoint(lo) : null;
      }
    }
    if (this.src[this.pos] !== ']') throw new ParseError('missing ]');
    this.pos++;
    if (negated) return { t: 'char', mask: M_ALL & ~full, lit: null };
    return { t: 'char', mask: mask || M_ALL, lit: members === 1 ? single : null };
  }

  private escape(inClass: boolean): Node {
    this.pos++;
    const ch = this.src[this.pos];
    if (ch === undefined) throw new ParseError('\\ at end of pattern');
    this.pos++;
    switch (ch) {
      case 'd':
        return { t: 'char', mask: M_DIGIT, lit: null };
      case 'D':
        return { t: 'char', mask: M_ALL & ~M_DIGIT, lit: null };
      case 'w':
        return { t: 'char', mask: M_WORD, lit: null };
      case 'W':
        return { t: 'char', mask: M_SPACE | M_PUNCT | M_OTHER, lit: null };
      case 's':
        return { t: 'char', mask: M_SPACE, lit: null };
      case 'S':
        return { t: 'char', mask: M_ALL & ~M_SPACE, lit: null };
      case 'b':
        if (inClass) return { t: 'char', mask: M_PUNCT, lit: '\b' };
        return { t: 'assert', reach: 1, word: true };
      case 'B':
        return { t: 'assert', reach: 1, word: false };
      case 'p':
      case 'P': {
        const end = this.src.indexOf('}', this.pos);
        if (this.src[this.pos] !== '{' || end < 0) throw new ParseError('invalid \\p{…}');
        this.pos = end + 1;
        return { t: 'char', mask: M_ALL, lit: null };
      }
      case 'k':
        throw new ParseError('backreferences are not supported (they can make matching exponential)');
      case 'u': {
        const m = /^(\{([0-9a-fA-F]+)\}|[0-9a-fA-F]{4})/.exec(this.src.slice(this.pos));
        if (!m) return { t: 'char', mask: M_LOWER, lit: 'u' };
        this.pos += m[0].length;
        const cp = Number.parseInt(m[2] ?? m[1]!, 16);
        return { t: 'char', mask: maskOf(cp, this.ignoreCase), lit: String.fromCodePoint(cp) };
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.pos));
        if (!m) return { t: 'char', mask: M_LOWER, lit: 'x' };
        this.pos += 2;
        const cp = Number.parseInt(m[0], 16);
        return { t: 'char', mask: maskOf(cp, this.ignoreCase), lit: String.fromCharCode(cp) };
      }
      case 'c':
        this.pos++;
        return { t: 'char', mask: M_PUNCT, lit: null };
      case 't':
      case 'n':
      case 'r':
      case 'f':
      case 'v':
        return { t: 'char', mask: M_SPACE, lit: null };
      case '0':
        return { t: 'char', mask: M_PUNCT, lit: '\0' };
      default:
        if (ch >= '1' && ch <= '9') {
          if (inClass) return { t: 'char', mask: M_PUNCT, lit: null };
          throw new ParseError('backreferences are not supported (they can make matching exponential)');
        }
        return { t: 'char', mask: maskOf(ch.charCodeAt(0), this.ignoreCase), lit: ch };
    }
  }
}
