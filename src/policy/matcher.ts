// The one pass over a post's text: an Aho–Corasick automaton (a full DFA over the folded alphabet) that finds
// every term and pattern trigger, and records digit runs and a few marks ('@', '#', '.') for the detectors on
// the way. Case and umlauts are folded inside the loop, one code unit at a time, so the text is never copied
// or normalised as a whole and every hit maps back to offsets in the original string.
import { C_WORD, charClass, classAfter, classBefore, foldUnit } from './chars.ts';

export interface Needle {
  /** Already folded with foldString. */
  folded: string;
  /** Whole-word match: a word character at either end of the needle must meet a non-word character. */
  wholeWord: boolean;
}

export interface Automaton {
  readonly needles: readonly Needle[];
  readonly alphabet: number;
  readonly delta: Int32Array;
  readonly asciiSym: Int32Array;
  readonly unitSym: Map<number, number>;
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
  runCount: number;
  /** Offsets of '@', '#' and '.'. */
  marks: Int32Array;
  markCount: number;
}

const F_SPACE = 1;
const F_DIGIT = 2;
const F_MARK = 3;
const ASCII_FLAGS = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32]) ASCII_FLAGS[c] = F_SPACE;
for (let c = 48; c <= 57; c++) ASCII_FLAGS[c] = F_DIGIT;
for (const ch of '@#.') ASCII_FLAGS[ch.charCodeAt(0)] = F_MARK;

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
  const asciiSym = new Int32Array(128);
  for (let c = 0; c < 128; c++) asciiSym[c] = unitSym.get(foldUnit(c).charCodeAt(0)) ?? 0;

  // Trie with per-state child maps; states are renumbered breadth-first afterwards so that the shallow
  // states, where the scan spends most of its time, sit together in memory.
  const children: Map<number, number>[] = [new Map()];
  const terminal: number[][] = [[]];
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

  const delta = new Int32Array(states * A);
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
        fail[c] = s === 0 ? 0 : delta[fail[s]! * A + a]!;
        delta[s * A + a] = c;
      } else {
        delta[s * A + a] = s === 0 ? 0 : delta[fail[s]! * A + a]!;
      }
    }
  }
  return {
    needles,
    alphabet: A,
    delta,
    asciiSym,
    unitSym,
    outHead,
    outNeedle: Int32Array.from(outNeedle),
    outNext: Int32Array.from(outNext),
    needleLen,
    states,
  };
}

let hitsBuf: Int32Array<ArrayBuffer> = new Int32Array(3 * 256);
let runsBuf: Int32Array<ArrayBuffer> = new Int32Array(256);
let marksBuf: Int32Array<ArrayBuffer> = new Int32Array(256);

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

export function scan(a: Automaton, text: string): ScanResult {
  const { delta, alphabet: A, asciiSym, outHead, outNeedle, outNext, needleLen, needles, unitSym } = a;
  const n = text.length;
  let hits = hitsBuf;
  let hitCount = 0;
  let runs = runsBuf;
  let runCount = 0;
  let marks = marksBuf;
  let markCount = 0;
  let s = 0;
  let prevSpace = true;
  let lastDigit = -2;

  // Called only when the DFA reaches a state with output: works out where each needle started (walking back
  // over the original text, which is how offsets survive folding) and applies whole-word boundaries.
  const emit = (head: number, i: number, used: number, of: number): void => {
    for (let e = head; e !== -1; e = outNext[e]!) {
      const idx = outNeedle[e]!;
      let need = needleLen[idx]! - used;
      let j = i - 1;
      while (need > 0 && j >= 0) {
        need -= symbolsAt(text, j);
        j--;
      }
      const start = j + 1;
      if (needles[idx]!.wholeWord) {
        // a needle that starts or ends inside a spelt-out character (the "a" of "ä") is inside a word
        if (need < 0 || used < of) continue;
        const first = needles[idx]!.folded.charCodeAt(0);
        const last = needles[idx]!.folded.charCodeAt(needleLen[idx]! - 1);
        if (isWordUnit(first) && classBefore(text, start) === C_WORD) continue;
        if (isWordUnit(last) && classAfter(text, i + 1) === C_WORD) continue;
      }
      if (hitCount * 3 + 3 > hits.length) hits = grow(hits);
      hits[hitCount * 3] = idx;
      hits[hitCount * 3 + 1] = start;
      hits[hitCount * 3 + 2] = i + 1;
      hitCount++;
    }
  };

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const f = ASCII_FLAGS[c]!;
      if (f !== 0) {
        if (f === F_SPACE) {
          if (prevSpace) continue;
          prevSpace = true;
          s = delta[s * A + asciiSym[c]!]!;
          if (outHead[s] !== -1) emit(outHead[s]!, i, 1, 1);
          continue;
        }
        if (f === F_DIGIT) {
          if (i !== lastDigit + 1) {
            if (runCount === runs.length) runs = grow(runs);
            runs[runCount++] = i;
          }
          lastDigit = i;
        } else {
          if (markCount === marks.length) marks = grow(marks);
          marks[markCount++] = i;
        }
      }
      prevSpace = false;
      s = delta[s * A + asciiSym[c]!]!;
      if (outHead[s] !== -1) emit(outHead[s]!, i, 1, 1);
    } else {
      if (c >= 0xff10 && c <= 0xff19) {
        if (i !== lastDigit + 1) {
          if (runCount === runs.length) runs = grow(runs);
          runs[runCount++] = i;
        }
        lastDigit = i;
      }
      const f = foldAt(text, i);
      if (f.length === 0) continue;
      if (f === ' ') {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      for (let j = 0; j < f.length; j++) {
        const u = f.charCodeAt(j);
        const sym = u < 128 ? asciiSym[u]! : (unitSym.get(u) ?? 0);
        s = delta[s * A + sym]!;
        if (outHead[s] !== -1) emit(outHead[s]!, i, j + 1, f.length);
      }
    }
  }
  hitsBuf = hits;
  runsBuf = runs;
  marksBuf = marks;
  return { hits, hitCount, runs, runCount, marks, markCount };
}

function isWordUnit(u: number): boolean {
  return (u >= 97 && u <= 122) || (u >= 48 && u <= 57) || u === 95 || (u >= 128 && charClass(u) === C_WORD);
}
