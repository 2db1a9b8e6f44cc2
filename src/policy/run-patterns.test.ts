import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { parsePolicy } from './policy-schema.ts';

// The windows a pattern runs on must give exactly what one run over the whole text gives. Random texts made
// of the pieces patterns care about (digits, letters, separators, the literals) check that claim.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'KD-',
  'kd-',
  'DP',
  ' ',
  '-',
  '.',
  'x',
  'Vertrag ',
  'Nr. ',
  '\n',
  'ä',
  'AB',
  'ab',
  'Äb',
  '_',
  '#',
  'é',
];

function randomText(r: () => number, len: number): string {
  let s = '';
  while (s.length < len) {
    const p = r();
    if (p < 0.45) s += String(Math.floor(r() * 10));
    else s += PIECES[Math.floor(r() * PIECES.length)];
    if (r() < 0.02) s += '\n';
  }
  return s;
}

const PATTERNS: [string, string][] = [
  ['\\bKD-\\d{8}\\b', 'i'],
  ['\\d{3}-\\d{4}', ''],
  ['(?<!\\d)\\d{6}(?!\\d)', ''],
  ['Vertrag (Nr\\. )?\\d{4,6}', ''],
  ['[A-Z]{2}\\d{3,5}', ''],
  ['DP\\d{2}(?=x)', ''],
  ['\\d+-x', ''],
  ['\\b\\d{2}\\.\\d{2}\\b', ''],
  ['\\bAB\\d{3}\\b', 'i'],
  ['AB \\d', ''],
  ['\\bab(?=\\d)', 'i'],
  ['\\b\\d{3}\\.\\d{3}\\b', ''],
  ['(?<!\\d)\\d{4}(?!\\d)', ''],
  ['\\d{2}-x', ''],
  ['\\b\\d{2}/\\d{2,3}\\b', ''],
  ['x\\d{1,2}\\.', ''],
  ['^\\d{2}', ''],
  ['\\d{2}$', ''],
  ['^\\d{2}', 'm'],
  ['\\d\\.$', 'm'],
];

describe('pattern windows', () => {
  it.each(PATTERNS)('%s finds what a whole-text run finds', (pattern, flags) => {
    const r = parsePolicy({ id: 'p', version: 1, patterns: [{ id: 'x', severity: 'warn', pattern, flags }] });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const random = rng(pattern.length * 7919);
    for (let i = 0; i < 300; i++) {
      const text = randomText(random, 20 + Math.floor(random() * 200));
      const expected = [...text.matchAll(new RegExp(pattern, `${flags}g`))].map((m) => `${m.index}:${m[0]}`);
      const got = evaluate(text, r.policy, { kind: 'company' })
        .findings.filter((f) => f.kind === 'pattern')
        .map((f) => `${f.start}:${f.text}`);
      expect(got, JSON.stringify(text)).toEqual(expected);
    }
  });

  it.each([
    ['luhn', '\\b\\d{4} \\d{4} \\d{2}\\b', 'Vertrag 4111 1111 11 und 4111 1111 10', ['4111 1111 10']],
    ['mod11-10', '\\bDP\\d{11}\\b', 'DP86095742719 DP86095742718', ['DP86095742719']],
    ['tax_id', '\\bST\\d{11}\\b', 'ST86095742719 ST11111111111', ['ST86095742719']],
    ['mod97', '\\bR\\d{8}\\b', 'R00000097 R00000099 R00000195', ['R00000195']],
    [
      'iban',
      '\\bIB(?<value>[A-Z]{2}\\d{20})\\b',
      'IBDE89370400440532013000 IBDE88370400440532013000',
      ['IBDE89370400440532013000'],
    ],
    ['gtin', '\\bEAN\\d{13}\\b', 'EAN4006381333931 EAN4006381333932', ['EAN4006381333931']],
  ])('validator %s keeps only valid matches', (validator, pattern, text, expected) => {
    const r = parsePolicy({
      id: 'p',
      version: 1,
      detectors: { card: { enabled: false } },
      patterns: [{ id: 'x', severity: 'block', pattern, validator }],
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(evaluate(text, r.policy, { kind: 'company' }).findings.map((f) => f.text)).toEqual(expected);
  });

  it('blocks, instead of passing silently, when the time budget runs out', () => {
    const r = parsePolicy({
      id: 'p',
      version: 1,
      patterns: [{ id: 'x', severity: 'warn', pattern: 'KD-\\d+' }],
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    let t = 0;
    // the clock is read only once enough text has gone through patterns: a long post
    const d = evaluate(
      'KD-1 '.repeat(3000),
      r.policy,
      { kind: 'company' },
      { patternBudgetMs: 5, now: () => (t += 10) },
    );
    expect(d.blocked).toBe(true);
    expect(d.findings.map((f) => f.rule)).toContain('engine.pattern-budget');
    const fast = evaluate(
      'KD-1 '.repeat(3000),
      r.policy,
      { kind: 'company' },
      { patternBudgetMs: 5, now: () => 0 },
    );
    expect(fast.findings.map((f) => f.rule)).not.toContain('engine.pattern-budget');
  });
});
