// Running a policy's own patterns. A pattern never runs over the whole post when it need not: it runs on short
// windows around what every one of its matches must contain (a literal, or a run of digits long enough), which
// the single scan has already located. A window reaches as far as a match and its lookarounds can, and only
// matches whose every read lies inside their window are kept, so the result is what a run over the whole
// text would give.
import { germanTaxId, gtin, ibanChecksum, luhn, mod11_10, mod97 } from './checksums.ts';
import type { CompiledPattern } from './compile.ts';
import type { ValidatorName } from './policy-schema.ts';

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
  let execs = 0;
  let lastEnd = -1;
  const runWindow = (ws: number, we: number): void => {
    const slice = ws === 0 && we === n ? text : text.slice(ws, we);
    re.lastIndex = 0;
    for (;;) {
      const m = re.exec(slice);
      execs++;
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
    return execs;
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
  return execs;
}
