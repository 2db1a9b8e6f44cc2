// The one pass over a post's text: an Aho–Corasick automaton (a full DFA over the folded alphabet) that finds
// every term and pattern trigger, and records digit runs and a few marks ('@', '#', '.') for the detectors on
// the way. Case and umlauts are folded inside the loop, one code unit at a time, so the text is never copied
// or normalised as a whole and every hit maps back to offsets in the original string.
import { C_WORD, charClass, classAfter, classBefore, foldUnit } from './chars.ts';
import { charMask } from './regex-analysis.ts';

export interface Needle {
  /** Already folded with foldString. */
  folded: string;
  /** Whole-word match: a word character at either end of the needle must meet a non-word character. */
  wholeWord: boolean;
  /**
   * For pattern triggers: what the pattern needs around its literal, checked before a hit is kept (a trigger
   * "AB" of /\bAB\d{6}/ fires in "AB123456" but not in "aber" or "Abend"): no ASCII word character before it
   * (the regex \b), and a next character of this class (charMask).
   */
  startBoundary?: boolean;
  nextMask?: number;
}

export interface Automaton {
  readonly needles: readonly Needle[];
  readonly alphabet: number;
  /**
   * delta[s + sym] for a state s (stored premultiplied by the alphabet size, so the loop needs no multiply) is
   * the next state, bitwise-negated when that state has output: one load and one sign test per character.
   */
  readonly delta: Int32Array;
  /** Per ASCII character: its symbol, plus RECORD_DIGIT or RECORD_MARK when the scan must note its offset. */
  readonly asciiInfo: Int32Array;
  readonly unitSym: Map<number, number>;
  /**
   * Per non-ASCII code unit, filled on first sight: how it folds in this alphabet, packed as
   * count (bits 0–1: 0 ignorable, 1 or 2 symbols, 3 = take the slow path) | first symbol << 2 | second << 12,
   * plus WIDE_DIGIT. -1 = not yet seen. Saves the string fold for the umlauts of every German post.
   */
  readonly wide: Int32Array;
  /** Per state (not premultiplied): first output entry, or -1. */
  readonly outHead: Int32Array;
  readonly outNeedle: Int32Array;
  readonly outNext: Int32Array;
  readonly needleLen: Int32Array;
  readonly states: number;
}

/** Hits and candidate positions of one scan; the arrays are reused between scans (the engine is synchronous). */
export interface ScanResult {
  /** Triples (needle index, start, end). */
  hits: Int32Array;
  hitCount: number;
  /** Start offsets of runs of digits (ASCII or fullwidth). */
  runs: Int32Array;
  /** Their ends; bitwise-negated when the run has fullwidth digits (which a regex \d does not match). */
  runEnds: Int32Array;
  runCount: number;
  /** Offsets of '@', '#' and '.'. */
  marks: Int32Array;
  markCount: number;
}

const RECORD_DIGIT = 1 << 20;
const RECORD_MARK = 1 << 21;
const SYM_MASK = RECORD_DIGIT - 1;
const WIDE_DIGIT = 1 << 22;

export function buildAutomaton(needles: readonly Needle[]): Automaton {
  // Alphabet: every code unit that occurs in a needle gets a symbol; everything else is symbol 0, which no
  // needle contains, so the DFA sends it back to the root.
  const unitSym = new Map<number, number>();
  for (const n of needles) {
    for (let i = 0; i < n.folded.length; i++) {
      const u = n.folded.charCodeAt(i);
      if (!unitSym.has(u)) unitSym.set(u, unitSym.size + 1);
    }
  }
  const A = unitSym.size + 1;
  const asciiInfo = new Int32Array(128);
  for (let c = 0; c < 128; c++) {
    let info = unitSym.get(foldUnit(c).charCodeAt(0)) ?? 0;
    if (c >= 48 && c <= 57) info |= RECORD_DIGIT;
    if (c === 64 || c === 35 || c === 46) info |= RECORD_MARK;
    asciiInfo[c] = info;
  }
  const spaceSym = unitSym.get(32) ?? -1;

  // Trie with per-state child maps; states are renumbered breadth-first afterwards so that the shallow
  // states, where the scan spends most of its time, sit together in memory.
  const children: Map<number, number>[] = [new Map()];
  const terminal: number[][] = [[]];
  const inSym: number[] = [0];
  const needleLen = new Int32Array(needles.length);
  needles.forEach((n, idx) => {
    let s = 0;
    for (let i = 0; i < n.folded.length; i++) {
      const a = unitSym.get(n.folded.charCodeAt(i))!;
      let next = children[s]!.get(a);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        terminal.push([]);
        inSym.push(a);
        children[s]!.set(a, next);
      }
      s = next;
    }
    needleLen[idx] = n.folded.length;
    if (n.folded.length > 0) terminal[s]!.push(idx);
  });

  const states = children.length;
  const order = [0];
  for (let q = 0; q < order.length; q++) for (const child of children[order[q]!]!.values()) order.push(child);
  const newId = new Int32Array(states);
  order.forEach((old, id) => {
    newId[old] = id;
  });

  const next = new Int32Array(states * A);
  const fail = new Int32Array(states);
  const outHead = new Int32Array(states).fill(-1);
  const outNeedle: number[] = [];
  const outNext: number[] = [];
  for (const old of order) {
    const s = newId[old]!;
    // own outputs first, then those of the failure state (suffixes that are needles too)
    let head = s === 0 ? -1 : outHead[fail[s]!]!;
    for (const idx of terminal[old]!) {
      outNeedle.push(idx);
      outNext.push(head);
      head = outNeedle.length - 1;
    }
    outHead[s] = head;
    const kids = children[old]!;
    for (let a = 0; a < A; a++) {
      const child = kids.get(a);
      if (child !== undefined) {
        const c = newId[child]!;
        fail[c] = s === 0 ? 0 : next[fail[s]! * A + a]!;
        next[s * A + a] = c;
      } else {
        next[s * A + a] = s === 0 ? 0 : next[fail[s]! * A + a]!;
      }
    }
    // a run of whitespace reads as one space: a state just entered by a space stays put on more of it
    if (spaceSym > 0 && inSym[old] === spaceSym) next[s * A + spaceSym] = s;
  }
  const delta = new Int32Array(states * A);
  for (let k = 0; k < delta.length; k++) {
    const t = next[k]!;
    delta[k] = outHead[t] === -1 ? t * A : ~(t * A);
  }
  return {
    needles,
    alphabet: A,
    delta,
    asciiInfo,
    unitSym,
    wide: new Int32Array(65536).fill(-1),
    outHead,
    outNeedle: Int32Array.from(outNeedle),
    outNext: Int32Array.from(outNext),
    needleLen,
    states,
  };
}

let hits: Int32Array<ArrayBuffer> = new Int32Array(3 * 256);
let hitCount = 0;
let runs: Int32Array<ArrayBuffer> = new Int32Array(256);
let runEnds: Int32Array<ArrayBuffer> = new Int32Array(256);
let marks: Int32Array<ArrayBuffer> = new Int32Array(256);

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function isAou(c: number): boolean {
  return c === 97 || c === 111 || c === 117 || c === 65 || c === 79 || c === 85;
}

/** The folded form of text[j] in context: U+0308 after a/o/u spells the umlaut's 'e'. */
function foldAt(text: string, j: number): string {
  const c = text.charCodeAt(j);
  if (c === 0x308) return j > 0 && isAou(text.charCodeAt(j - 1)) ? 'e' : '';
  return foldUnit(c);
}

/** How many folded symbols text[j] contributed to the scan (whitespace after whitespace contributes none). */
function symbolsAt(text: string, j: number): number {
  const f = foldAt(text, j);
  if (f !== ' ') return f.length;
  for (let k = j - 1; k >= 0; k--) {
    const p = foldAt(text, k);
    if (p !== '') return p === ' ' ? 0 : 1;
  }
  return 0;
}

function symOf(a: Automaton, u: number): number {
  return u < 128 ? a.asciiInfo[u]! & SYM_MASK : (a.unitSym.get(u) ?? 0);
}

function fillWide(a: Automaton, c: number): number {
  let e: number;
  const f = c === 0x308 ? null : foldUnit(c);
  if (f === null || f.length > 2) e = 3;
  else if (f.length === 0) e = 0;
  else {
    const s1 = symOf(a, f.charCodeAt(0));
    const s2 = f.length === 2 ? symOf(a, f.charCodeAt(1)) : 0;
    e = s1 < 1024 && s2 < 1024 ? f.length | (s1 << 2) | (s2 << 12) : 3;
  }
  if (c >= 0xff10 && c <= 0xff19) e |= WIDE_DIGIT;
  a.wide[c] = e;
  return e;
}

function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isWordUnit(u: number): boolean {
  return (u >= 97 && u <= 122) || (u >= 48 && u <= 57) || u === 95 || (u >= 128 && charClass(u) === C_WORD);
}

/**
 * Called only when the DFA enters a state with output: works out where each needle started (walking back over
 * the original text, which is how offsets survive folding) and applies whole-word boundaries. `used` of `of`
 * folded symbols of text[i] had been read (a needle may end inside the "ae" of an "ä").
 */
function emit(a: Automaton, text: string, state: number, i: number, used: number, of: number): void {
  const { outNeedle, outNext, needleLen, needles } = a;
  for (let e = a.outHead[state]!; e !== -1; e = outNext[e]!) {
    const idx = outNeedle[e]!;
    const needle = needles[idx]!;
    if (needle.nextMask !== undefined && used === of) {
      const nc = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
      if (nc < 0 || (charMask(nc) & needle.nextMask) === 0) continue;
    }
    let need = needleLen[idx]! - used;
    let j = i - 1;
    while (need > 0 && j >= 0) {
      need -= symbolsAt(text, j);
      j--;
    }
    const start = j + 1;
    if (needle.startBoundary && need === 0 && start > 0 && isAsciiWord(text.charCodeAt(start - 1))) continue;
    if (needle.wholeWord) {
      if (need < 0 || used < of) continue;
      if (isWordUnit(needle.folded.charCodeAt(0)) && classBefore(text, start) === C_WORD) continue;
      if (isWordUnit(needle.folded.charCodeAt(needleLen[idx]! - 1)) && classAfter(text, i + 1) === C_WORD)
        continue;
    }
    if (hitCount * 3 + 3 > hits.length) hits = grow(hits);
    hits[hitCount * 3] = idx;
    hits[hitCount * 3 + 1] = start;
    hits[hitCount * 3 + 2] = i + 1;
    hitCount++;
  }
}

export function scan(a: Automaton, text: string): ScanResult {
  const { delta, asciiInfo, wide } = a;
  const A = a.alphabet;
  const n = text.length;
  hitCount = 0;
  let runCount = 0;
  let markCount = 0;
  let s = 0;
  let lastDigit = -2;
  let wideRun = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const info = asciiInfo[c]!;
      if (info > SYM_MASK) {
        if (info & RECORD_DIGIT) {
          if (i !== lastDigit + 1) {
            if (runCount === runs.length) {
              runs = grow(runs);
              runEnds = grow(runEnds);
            }
            if (runCount > 0) runEnds[runCount - 1] = wideRun ? ~(lastDigit + 1) : lastDigit + 1;
            wideRun = false;
            runs[runCount++] = i;
          }
          lastDigit = i;
        } else {
          if (markCount === marks.length) marks = grow(marks);
          marks[markCount++] = i;
        }
      }
      const v = delta[s + (info & SYM_MASK)]!;
      if (v < 0) {
        s = ~v;
        emit(a, text, s / A, i, 1, 1);
      } else s = v;
      continue;
    }
    let e = wide[c]!;
    if (e < 0) e = fillWide(a, c);
    if (e & WIDE_DIGIT) {
      if (i !== lastDigit + 1) {
        if (runCount === runs.length) {
          runs = grow(runs);
          runEnds = grow(runEnds);
        }
        if (runCount > 0) runEnds[runCount - 1] = wideRun ? ~(lastDigit + 1) : lastDigit + 1;
        runs[runCount++] = i;
      }
      wideRun = true;
      lastDigit = i;
    }
    const count = e & 3;
    if (count === 0) continue;
    if (count !== 3) {
      let v = delta[s + ((e >> 2) & 1023)]!;
      if (v < 0) {
        s = ~v;
        emit(a, text, s / A, i, 1, count);
      } else s = v;
      if (count === 2) {
        v = delta[s + ((e >> 12) & 1023)]!;
        if (v < 0) {
          s = ~v;
          emit(a, text, s / A, i, 2, 2);
        } else s = v;
      }
      continue;
    }
    // combining marks that depend on their neighbour, long expansions, symbols beyond the packed range
    const f = foldAt(text, i);
    for (let j = 0; j < f.length; j++) {
      const v = delta[s + symOf(a, f.charCodeAt(j))]!;
      if (v < 0) {
        s = ~v;
        emit(a, text, s / A, i, j + 1, f.length);
      } else s = v;
    }
  }
  if (runCount > 0) runEnds[runCount - 1] = wideRun ? ~(lastDigit + 1) : lastDigit + 1;
  return { hits, hitCount, runs, runEnds, runCount, marks, markCount };
}
