// Running a policy's own patterns. A pattern never runs over the whole post when it need not: it runs on short
// windows around what every one of its matches must contain (a literal, or a run of digits long enough), which
// the single scan has already located. A window reaches as far as a match and its lookarounds can, and only
// matches whose every read lies inside their window are kept, so the result is what a run over the whole
// text would give.
import { germanTaxId, gtin, ibanChecksum, luhn, mod11_10, mod97 } from './checksums.ts';
import { type Collector, inScope } from './collector.ts';
import { type CompiledPattern, type CompiledPolicy, MAX_RUN_INDEX } from './compile.ts';
import type { EvalOptions } from './evaluate.ts';
import type { ScanResult } from './matcher.ts';
import type { ValidatorName } from './policy-schema.ts';
import { ANY_CHAR_MASK, charMask } from './regex-analysis.ts';
import type { EvalContext } from './types.ts';

export interface PatternMatch {
  start: number;
  end: number;
}

/**
 * Checks the digits of the match (the letters and digits for 'iban'); a pattern with a named group "value"
 * has that group checked instead, so a prefix such as "KD-" can stay outside.
 */
export function validates(validator: ValidatorName | undefined, value: string): boolean {
  if (!validator) return true;
  const alnum = value.replace(/[^0-9a-z]/gi, '');
  const digits = value.replace(/\D/g, '');
  switch (validator) {
    case 'luhn':
      return luhn(digits);
    case 'mod97':
      return mod97(digits);
    case 'iban':
      return ibanChecksum(alnum.toUpperCase());
    case 'mod11-10':
      return mod11_10(digits);
    case 'tax_id':
      return germanTaxId(digits);
    case 'gtin':
      return gtin(digits);
  }
}

/**
 * anchors: [start, end) pairs in ascending order of start, each a span every match overlaps or contains.
 * Returns the matches, and how many regex executions it took (for the time budget).
 */
export function runPattern(
  p: CompiledPattern,
  text: string,
  anchors: readonly number[],
  out: PatternMatch[],
): number {
  const n = text.length;
  const { maxLen, reachBefore, reachAfter } = p.analysis;
  const re = p.regex;
  let work = 0;
  let lastEnd = -1;
  const runWindow = (ws: number, we: number): void => {
    work += we - ws;
    const slice = ws === 0 && we === n ? text : text.slice(ws, we);
    re.lastIndex = 0;
    for (;;) {
      const m = re.exec(slice);
      if (!m) break;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = ws + m.index;
      const end = start + m[0].length;
      const inside =
        (ws === 0 || start - reachBefore >= ws) && (we === n || start + maxLen + reachAfter <= we);
      if (inside && start >= lastEnd && validates(p.validator, m.groups?.value ?? m[0])) {
        out.push({ start, end });
        lastEnd = end;
      }
    }
  };
  if (p.anchor === 'whole') {
    runWindow(0, n);
    return work;
  }
  let ws = -1;
  let we = -1;
  for (let i = 0; i < anchors.length; i += 2) {
    const s = Math.max(0, anchors[i]! - maxLen - reachBefore);
    const e = Math.min(n, anchors[i + 1]! + maxLen + reachAfter);
    if (ws >= 0 && s <= we) we = Math.max(we, e);
    else {
      if (ws >= 0) runWindow(ws, we);
      ws = s;
      we = e;
    }
  }
  if (ws >= 0) runWindow(ws, we);
  return work;
}

// Windows of a few dozen characters cannot take long with patterns that passed the safety analysis; the clock
// is read only after this much text has gone through patterns, so a short post costs no clock reads at all.
const CLOCK_EVERY_CHARS = 8192;

/**
 * Sorts the scan's digit runs to the patterns that can start from them (by run length, then by what follows
 * the run), filling each such pattern's anchor list; returns the patterns that got any, in policy order.
 */
function digitAnchors(cp: CompiledPolicy, text: string, res: ScanResult): CompiledPattern[] {
  const touched: CompiledPattern[] = [];
  for (let k = 0; k < res.runCount; k++) {
    const rs = res.runs[k]!;
    const raw = res.runEnds[k]!;
    // a run with fullwidth digits (negated end) says nothing about what \\d can match in it
    const len = (raw < 0 ? ~raw : raw) - rs;
    const list = raw < 0 ? cp.digitPatterns : cp.digitByLen[Math.min(len, MAX_RUN_INDEX)]!;
    for (const p of list) {
      const sig = p.analysis.digitRun;
      if (raw >= 0 && sig && sig.closedRight && sig.nextMask !== ANY_CHAR_MASK) {
        // the pattern's run ends where the text's run ends, so the character after it must fit
        const next = rs + len < text.length ? charMask(text.charCodeAt(rs + len)) : 0;
        if ((next & sig.nextMask) === 0) continue;
      }
      if (raw < 0 && len < p.analysis.minDigitRun) continue;
      const anchors = cp.anchorScratch[p.index]!;
      if (anchors.length === 0) touched.push(p);
      anchors.push(rs, rs + len);
    }
  }
  return touched.sort((a, b) => a.index - b.index);
}

function literalAnchors(p: CompiledPattern, cp: CompiledPolicy, res: ScanResult, anchors: number[]): void {
  for (let h = 0; h < res.hitCount; h++) {
    const owner = cp.owners[res.hits[h * 3]!]!;
    if (owner.type === 'trigger' && owner.pattern === p.index)
      anchors.push(res.hits[h * 3 + 1]!, res.hits[h * 3 + 2]!);
  }
}

export function runPatterns(
  text: string,
  cp: CompiledPolicy,
  ctx: EvalContext,
  res: ScanResult,
  triggered: ReadonlySet<number> | null,
  out: Collector,
  options: EvalOptions,
): void {
  const now = options.now ?? (() => performance.now());
  const budget = options.patternBudgetMs ?? 250;
  let t0 = -1;
  let work = 0;
  let sinceClock = 0;
  const matches: PatternMatch[] = [];
  // only the patterns that can match: those whose literal the scan met, those whose digit runs it met, and
  // those that have to read the whole text
  const candidates: CompiledPattern[] = [];
  if (triggered) for (const i of triggered) candidates.push(cp.patterns[i]!);
  if (res.runCount > 0 && cp.digitPatterns.length > 0) candidates.push(...digitAnchors(cp, text, res));
  for (const p of cp.wholePatterns) candidates.push(p);
  for (const p of candidates) {
    const anchors = cp.anchorScratch[p.index]!;
    const rule = cp.policy.patterns[p.index]!;
    if (rule.scope && !inScope(rule.scope, ctx)) {
      anchors.length = 0;
      continue;
    }
    if (p.anchor === 'literal') literalAnchors(p, cp, res, anchors);
    matches.length = 0;
    const w = runPattern(p, text, anchors, matches);
    anchors.length = 0;
    for (const m of matches) {
      out.add('pattern', m.start, m.end, rule.severity, `patterns.${rule.id}`, 'patterns', rule, rule.name);
    }
    work += w;
    sinceClock += w;
    if (sinceClock >= CLOCK_EVERY_CHARS) {
      sinceClock = 0;
      if (t0 < 0) t0 = now();
      else if (now() - t0 > budget) {
        // never a silent pass: a check that could not finish blocks until it can
        out.add('engine', 0, 0, 'block', 'engine.pattern-budget', 'engine.pattern-budget', {});
        for (const c of candidates) cp.anchorScratch[c.index]!.length = 0;
        return;
      }
    }
  }
  if (t0 >= 0 && work > 0 && now() - t0 > budget) {
    out.add('engine', 0, 0, 'block', 'engine.pattern-budget', 'engine.pattern-budget', {});
  }
}
