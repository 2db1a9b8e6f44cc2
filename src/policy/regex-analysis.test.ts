import { describe, expect, it } from 'vitest';
import { analysePattern } from './regex-analysis.ts';

describe('analysePattern', () => {
  it.each([
    [
      '\\bKD-\\d{8}\\b',
      '',
      { minLen: 11, maxLen: 11, reachBefore: 1, reachAfter: 1, literal: 'KD-', minDigitRun: 8 },
    ],
    ['\\d{3}-\\d{4}', '', { minLen: 8, maxLen: 8, literal: '-', minDigitRun: 4 }],
    ['(?<![\\d])V\\d{2,4}[A-Z]?', '', { minLen: 3, maxLen: 6, reachBefore: 1, literal: 'V', minDigitRun: 2 }],
    ['(?:ACME|ACNE)-\\d+', 'i', { maxLen: Number.POSITIVE_INFINITY, literal: '-', minDigitRun: 1 }],
    ['Vertrag (Nr\\.)? ?\\d{6}', '', { literal: 'Vertrag ', minDigitRun: 6 }],
    ['[A-Z]{2}\\d{6}(?=\\s)', '', { maxLen: 8, reachAfter: 1, literal: '', minDigitRun: 6 }],
    ['(ab){3}c', '', { literal: 'abababc', minLen: 7, maxLen: 7 }],
    [
      '\\b\\d{3}\\.\\d{3}\\.\\d{3}\\b',
      '',
      { digitRun: { min: 3, max: 3, closedLeft: true, closedRight: true, nextMask: 16 } },
    ],
    [
      '(?<!\\d)\\d{8,10}(?!\\d)',
      '',
      { digitRun: { min: 8, max: 10, closedLeft: true, closedRight: true, nextMask: 63 } },
    ],
    ['x\\d+\\w', '', { digitRun: { min: 1, closedLeft: true, closedRight: false } }],
  ])('%s', (source, flags, expected) => {
    const r = analysePattern(source, flags);
    if (!r.ok) throw new Error(r.error);
    expect(r.analysis).toMatchObject(expected);
  });

  it.each([
    ['(a+)+b', 'repeated group contains another variable repetition'],
    ['(\\w+\\s?)*$', 'repeated group contains another variable repetition'],
    ['(a|ab)*c', 'repeated alternation'],
    ['(x|x)+y', 'repeated alternation'],
    ['\\d+\\d+x', 'two adjacent unbounded repetitions'],
    ['(a)\\1', 'backreferences are not supported'],
    ['(?<n>a)\\k<n>', 'backreferences are not supported'],
    ['[', 'not a valid regular expression'],
    ['a{2,1}', 'not a valid regular expression'],
    ['x*', 'can match empty text'],
    ['', 'empty'],
    ['a'.repeat(501), 'longer than 500'],
  ])('rejects %s', (source, message) => {
    const r = analysePattern(source, '');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it.each([['(\\d{3}-)+\\d{4}'], ['[a-z]+@[a-z]+\\.de'], ['\\bDP\\d{9}\\b'], ['(?:Kd|Kunde)\\.? ?\\d{6}']])(
    'accepts %s',
    (source) => {
      expect(analysePattern(source, 'i').ok).toBe(true);
    },
  );
});
