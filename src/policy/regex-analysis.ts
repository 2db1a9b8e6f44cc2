// A small parser for the JavaScript regular expressions a policy may contain. It answers three questions the
// engine needs before it lets a pattern run: is it safe (no nested or overlapping unbounded quantifiers, the
// shapes that backtrack catastrophically), how far can a match and its lookarounds reach (so the pattern can run
// on short windows of the text instead of the whole post), and what must every match contain (a literal, or a
// run of digits), so the single scan can say where those windows are.

const M_DIGIT = 1;
const M_LOWER = 2;
const M_UPPER = 4;
const M_SPACE = 8;
const M_PUNCT = 16;
const M_OTHER = 32;
const M_ALL = 63;
export const ANY_CHAR_MASK = M_ALL;
export const DIGIT_MASK = M_DIGIT;
const M_WORD = M_DIGIT | M_LOWER | M_UPPER | M_PUNCT;

type Node =
  | { t: 'char'; mask: number; lit: string | null }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'look'; body: Node; behind: boolean; neg: boolean }
  | { t: 'group'; body: Node }
  | { t: 'rep'; body: Node; min: number; max: number }
  | { t: 'assert'; reach: number; word: boolean };

export interface PatternAnalysis {
  minLen: number;
  /** Infinity when a quantifier is unbounded. */
  maxLen: number;
  /** How many characters before a match's start and after its end the regex may look at. */
  reachBefore: number;
  reachAfter: number;
  /** A literal every match contains (as written; case may differ when the pattern has the i flag), or ''. */
  literal: string;
  /** The literal's first character is a word character and \\b stands right before it. */
  literalAfterBoundary: boolean;
  /** What can follow the literal (a mask of charMask classes); the whole mask when anything can. */
  literalNext: number;
  /** Every match contains a run of at least this many consecutive digits. */
  minDigitRun: number;
  /**
   * A run of digits every match contains, as it must stand in the text: its length range (the upper bound
   * holds only when closed on both sides, i.e. no further digit can touch it) and what must follow it. Lets
   * the scan's digit runs rule a pattern out before its regex runs ("2024" is not a \\d{3}\\.\\d{3}).
   */
  digitRun: DigitRun | null;
}

export interface DigitRun {
  min: number;
  max: number;
  closedLeft: boolean;
  closedRight: boolean;
  /** charMask classes the character right after the run may have; ANY_CHAR_MASK when unknown. */
  nextMask: number;
}

/** The class of a character as the analysis sees it: digit, lower, upper, space, ASCII punctuation, other. */
export function charMask(c: number): number {
  return maskOf(c, false);
}

export type AnalysisResult = { ok: true; analysis: PatternAnalysis } | { ok: false; error: string };

class ParseError extends Error {}

function maskOf(c: number, ignoreCase: boolean): number {
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

class Parser {
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

function lengths(n: Node): [number, number] {
  switch (n.t) {
    case 'char':
      return [1, 1];
    case 'assert':
    case 'look':
      return [0, 0];
    case 'group':
      return lengths(n.body);
    case 'seq':
      return n.items.reduce<[number, number]>(
        (acc, it) => {
          const [a, b] = lengths(it);
          return [acc[0] + a, acc[1] + b];
        },
        [0, 0],
      );
    case 'alt': {
      const ls = n.alts.map(lengths);
      return [Math.min(...ls.map((l) => l[0])), Math.max(...ls.map((l) => l[1]))];
    }
    case 'rep': {
      const [a, b] = lengths(n.body);
      return [a * n.min, b === 0 ? 0 : b * n.max];
    }
  }
}

function reach(n: Node, out: { before: number; after: number }): void {
  switch (n.t) {
    case 'assert':
      out.before = Math.max(out.before, n.reach);
      out.after = Math.max(out.after, n.reach);
      return;
    case 'look': {
      const [, max] = lengths(n.body);
      if (n.behind) out.before = Math.max(out.before, max);
      else out.after = Math.max(out.after, max);
      reach(n.body, out);
      return;
    }
    case 'group':
    case 'rep':
      reach(n.body, out);
      return;
    case 'seq':
      for (const it of n.items) reach(it, out);
      return;
    case 'alt':
      for (const a of n.alts) reach(a, out);
      return;
    case 'char':
      return;
  }
}

interface Lit {
  /** The exact text the node always matches, when it is fixed. */
  whole: string | null;
  /** The longest literal every match contains. */
  best: string;
  /** \b stands right before `best`. */
  before: boolean;
  /** Mask of what must follow `best` (M_ALL when unknown). */
  next: number;
}

function lit(whole: string | null, best: string): Lit {
  return { whole, best, before: false, next: M_ALL };
}

function literal(n: Node): Lit {
  switch (n.t) {
    case 'char':
      return lit(n.lit, n.lit ?? '');
    case 'assert':
    case 'look':
      return lit('', '');
    case 'group':
      return literal(n.body);
    case 'alt': {
      const ls = n.alts.map(literal);
      const w = ls[0]!.whole;
      return w !== null && ls.every((l) => l.whole === w) ? lit(w, w) : lit(null, '');
    }
    case 'rep': {
      const l = literal(n.body);
      if (n.min === n.max && l.whole !== null && l.whole.length * n.min <= 64) {
        const w = l.whole.repeat(n.min);
        return lit(w, w);
      }
      return n.min >= 1 ? { ...l, whole: null } : lit(null, '');
    }
    case 'seq': {
      let best: Lit = lit(null, '');
      let bestEnd = -1;
      let run = '';
      let runBefore = false;
      let boundary = false;
      let whole: string | null = '';
      n.items.forEach((it, i) => {
        const l = literal(it);
        if (l.best.length > best.best.length) {
          best = l;
          bestEnd = -1;
        }
        if (l.whole === null) {
          run = '';
          whole = null;
          boundary = false;
          return;
        }
        if (whole !== null) whole += l.whole;
        if (l.whole === '') {
          if (run === '') boundary = it.t === 'assert' && it.word;
          return;
        }
        if (run === '') runBefore = boundary;
        run += l.whole;
        if (run.length > best.best.length) {
          best = { whole: null, best: run, before: runBefore, next: M_ALL };
          bestEnd = i;
        }
      });
      if (bestEnd >= 0) {
        const rest = first({ t: 'seq', items: n.items.slice(bestEnd + 1) });
        best = { ...best, next: rest.nullable ? M_ALL : rest.mask };
      }
      return { ...best, whole };
    }
  }
}

interface Digits {
  max: number;
  prefix: number;
  suffix: number;
  /** Number of digits when the node matches digits only (and at least this many), else -1. */
  all: number;
}

function digits(n: Node): Digits {
  switch (n.t) {
    case 'char':
      return n.mask === M_DIGIT
        ? { max: 1, prefix: 1, suffix: 1, all: 1 }
        : { max: 0, prefix: 0, suffix: 0, all: -1 };
    case 'assert':
    case 'look':
      return { max: 0, prefix: 0, suffix: 0, all: 0 };
    case 'group':
      return digits(n.body);
    case 'alt': {
      const ds = n.alts.map(digits);
      return {
        max: Math.min(...ds.map((d) => d.max)),
        prefix: Math.min(...ds.map((d) => d.prefix)),
        suffix: Math.min(...ds.map((d) => d.suffix)),
        all: ds.every((d) => d.all >= 0) ? Math.min(...ds.map((d) => d.all)) : -1,
      };
    }
    case 'rep': {
      const d = digits(n.body);
      if (d.all >= 0) {
        const all = d.all * n.min;
        return { max: all, prefix: all, suffix: all, all };
      }
      if (n.min === 0) return { max: 0, prefix: 0, suffix: 0, all: -1 };
      return { max: d.max, prefix: d.prefix, suffix: d.suffix, all: -1 };
    }
    case 'seq': {
      let cur: Digits = { max: 0, prefix: 0, suffix: 0, all: 0 };
      for (const it of n.items) {
        const d = digits(it);
        if (cur.all >= 0 && d.all >= 0) {
          const all = cur.all + d.all;
          cur = { max: all, prefix: all, suffix: all, all };
        } else {
          cur = {
            max: Math.max(cur.max, d.max, cur.suffix + d.prefix),
            prefix: cur.all >= 0 ? cur.all + d.prefix : cur.prefix,
            suffix: d.all >= 0 ? cur.suffix + d.all : d.suffix,
            all: -1,
          };
        }
      }
      return cur;
    }
  }
}

/** The characters a node can start with, and whether it can match the empty string. */
function first(n: Node): { mask: number; nullable: boolean } {
  switch (n.t) {
    case 'char':
      return { mask: n.mask, nullable: false };
    case 'assert':
    case 'look':
      return { mask: 0, nullable: true };
    case 'group':
      return first(n.body);
    case 'rep': {
      const f = first(n.body);
      return { mask: f.mask, nullable: n.min === 0 || f.nullable };
    }
    case 'alt': {
      const fs = n.alts.map(first);
      return { mask: fs.reduce((m, f) => m | f.mask, 0), nullable: fs.some((f) => f.nullable) };
    }
    case 'seq': {
      let mask = 0;
      for (const it of n.items) {
        const f = first(it);
        mask |= f.mask;
        if (!f.nullable) return { mask, nullable: false };
      }
      return { mask, nullable: true };
    }
  }
}

function bodyMask(n: Node): number {
  switch (n.t) {
    case 'char':
      return n.mask;
    case 'assert':
    case 'look':
      return 0;
    case 'group':
    case 'rep':
      return bodyMask(n.body);
    case 'seq':
      return n.items.reduce((m, it) => m | bodyMask(it), 0);
    case 'alt':
      return n.alts.reduce((m, a) => m | bodyMask(a), 0);
  }
}

function hasVariableRep(n: Node): boolean {
  switch (n.t) {
    case 'rep':
      return n.max > n.min || hasVariableRep(n.body);
    case 'group':
    case 'look':
      return hasVariableRep(n.body);
    case 'seq':
      return n.items.some(hasVariableRep);
    case 'alt':
      return n.alts.some(hasVariableRep);
    default:
      return false;
  }
}

function unwrap(n: Node): Node {
  return n.t === 'group' ? unwrap(n.body) : n;
}

/** Reasons a pattern could backtrack catastrophically (exponentially or with a high polynomial). */
function unsafe(n: Node): string | null {
  switch (n.t) {
    case 'rep': {
      if (n.max > 16) {
        if (hasVariableRep(n.body))
          return 'a repeated group contains another variable repetition (e.g. (a+)+)';
        const b = unwrap(n.body);
        if (b.t === 'alt') {
          let seen = 0;
          for (const a of b.alts) {
            const m = first(a).mask;
            if (m & seen)
              return 'a repeated alternation whose branches can start with the same character (e.g. (a|ab)*)';
            seen |= m;
          }
        }
      }
      return unsafe(n.body);
    }
    case 'group':
    case 'look':
      return unsafe(n.body);
    case 'alt':
      for (const a of n.alts) {
        const r = unsafe(a);
        if (r) return r;
      }
      return null;
    case 'seq': {
      for (let i = 0; i < n.items.length; i++) {
        const r = unsafe(n.items[i]!);
        if (r) return r;
        const a = n.items[i]!;
        const b = n.items[i + 1];
        if (b && a.t === 'rep' && b.t === 'rep' && a.max === Infinity && b.max === Infinity) {
          if (bodyMask(a.body) & bodyMask(b.body)) {
            return 'two adjacent unbounded repetitions can match the same characters (e.g. \\d+\\d+)';
          }
        }
      }
      return null;
    }
    default:
      return null;
  }
}

/** The top-level items of a match, with plain groups opened up. */
function flatten(n: Node): Node[] {
  if (n.t === 'seq') return n.items.flatMap(flatten);
  if (n.t === 'group') return flatten(n.body);
  return [n];
}

function digitAtom(n: Node): [number, number] | null {
  if (n.t === 'char' && n.mask === M_DIGIT) return [1, 1];
  if (n.t === 'rep' && n.min >= 1) {
    const b = n.body.t === 'group' ? n.body.body : n.body;
    if (b.t === 'char' && b.mask === M_DIGIT) return [n.min, n.max];
  }
  return null;
}

/** Whether this neighbour of a digit run guarantees that no digit touches the run on that side. */
function closes(n: Node | undefined, side: 'left' | 'right'): boolean {
  if (!n) return false;
  if (n.t === 'char') return (n.mask & M_DIGIT) === 0;
  if (n.t === 'assert') return n.word;
  if (n.t === 'look' && n.neg && n.behind === (side === 'left')) {
    const b = flatten(n.body);
    return (
      b.length === 1 && b[0]!.t === 'char' && (b[0]!.mask & M_DIGIT) !== 0 && (b[0]!.mask & ~M_DIGIT) === 0
    );
  }
  return false;
}

function digitRunOf(ast: Node): DigitRun | null {
  const items = flatten(ast);
  let best: DigitRun | null = null;
  for (let i = 0; i < items.length; i++) {
    if (!digitAtom(items[i]!)) continue;
    let min = 0;
    let max = 0;
    let j = i;
    for (; j < items.length; j++) {
      const d = digitAtom(items[j]!);
      if (!d) break;
      min += d[0];
      max += d[1];
    }
    const before = items[i - 1];
    const after = items[j];
    const run: DigitRun = {
      min,
      max,
      closedLeft: closes(before, 'left'),
      closedRight: closes(after, 'right'),
      nextMask: after?.t === 'char' ? after.mask : M_ALL,
    };
    const score = (r: DigitRun) =>
      r.min * 4 + (r.closedLeft && r.closedRight ? 2 : 0) + (r.nextMask !== M_ALL ? 1 : 0);
    if (!best || score(run) > score(best)) best = run;
    i = j;
  }
  return best;
}

export const MAX_PATTERN_SOURCE = 500;

export function analysePattern(source: string, flags: string): AnalysisResult {
  if (source.length === 0) return { ok: false, error: 'the pattern is empty' };
  if (source.length > MAX_PATTERN_SOURCE) {
    return { ok: false, error: `the pattern is longer than ${MAX_PATTERN_SOURCE} characters` };
  }
  try {
    new RegExp(source, `${flags}g`);
  } catch (err) {
    return { ok: false, error: `not a valid regular expression: ${(err as Error).message}` };
  }
  let ast: Node;
  try {
    ast = new Parser(source, flags).parse();
  } catch (err) {
    if (err instanceof ParseError) return { ok: false, error: err.message };
    throw err;
  }
  const reason = unsafe(ast);
  if (reason) return { ok: false, error: `the pattern can backtrack catastrophically: ${reason}` };
  const [minLen, maxLen] = lengths(ast);
  if (minLen === 0) return { ok: false, error: 'the pattern can match empty text' };
  const r = { before: 0, after: 0 };
  reach(ast, r);
  const l = literal(ast);
  const firstCode = l.best.charCodeAt(0);
  const wordFirst = (maskOf(firstCode, false) & (M_DIGIT | M_LOWER | M_UPPER)) !== 0 || firstCode === 95;
  return {
    ok: true,
    analysis: {
      minLen,
      maxLen,
      reachBefore: r.before,
      reachAfter: r.after,
      literal: l.best,
      literalAfterBoundary: l.before && wordFirst,
      literalNext: l.next,
      minDigitRun: digits(ast).max,
      digitRun: digitRunOf(ast),
    },
  };
}
