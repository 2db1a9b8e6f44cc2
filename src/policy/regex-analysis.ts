// What the engine needs to know about a policy's regular expression before it lets it run: is it safe (no
// nested or overlapping unbounded quantifiers, the shapes that backtrack catastrophically), how far can a match
// and its lookarounds reach (so the pattern can run on short windows of the text instead of the whole post),
// and what must every match contain (a literal, or a run of digits), so the single scan can say where those
// windows are.
import {
  charMask,
  M_ALL,
  M_DIGIT,
  M_LOWER,
  M_UPPER,
  maskOf,
  type Node,
  ParseError,
  Parser,
} from './regex-parser.ts';

export { charMask };
export const ANY_CHAR_MASK = M_ALL;
export const DIGIT_MASK = M_DIGIT;

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

export type AnalysisResult = { ok: true; analysis: PatternAnalysis } | { ok: false; error: string };

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
