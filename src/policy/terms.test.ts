import { describe, expect, it } from 'vitest';
import { foldString } from './chars.ts';
import { evaluate } from './evaluate.ts';
import { buildAutomaton, scan } from './matcher.ts';
import { parsePolicy } from './policy-schema.ts';

function policyWith(terms: string[]) {
  const r = parsePolicy({
    id: 't',
    version: 1,
    terms: [{ id: 'list', severity: 'block', category: 'code-name', terms }],
  });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.policy;
}

function termHits(text: string, terms: string[]): string[] {
  return evaluate(text, policyWith(terms), { kind: 'company' })
    .findings.filter((f) => f.kind === 'term')
    .map((f) => {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      return f.text;
    });
}

describe('folding', () => {
  it.each([
    ['Müller', 'mueller'],
    ['MUELLER', 'mueller'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Öl  und\tÜbel', 'oel und uebel'],
    ['Café', 'cafe'],
    ['Ｆａｌｃｏｎ', 'falcon'],
    ['Fa\u200Blcon', 'falcon'],
    ['Мüller', 'mueller'],
    ['Mu\u0308ller', 'mueller'],
  ])('%s → %s', (input, folded) => {
    expect(foldString(input)).toBe(folded);
  });
});

describe('term matching', () => {
  it.each([
    ['case', 'Das PROJEKT NORDLICHT startet', ['Projekt Nordlicht'], ['PROJEKT NORDLICHT']],
    ['umlaut in the term, spelt out in the text', 'Herr Mueller kommt', ['Müller'], ['Mueller']],
    ['spelt out in the term, umlaut in the text', 'Herr Müller kommt', ['Mueller'], ['Müller']],
    ['ß and ss', 'in der Strasse und der Straße', ['Straße'], ['Strasse', 'Straße']],
    [
      'several spaces and a line break',
      'Projekt  \n Nordlicht',
      ['Projekt Nordlicht'],
      ['Projekt  \n Nordlicht'],
    ],
    ['word boundary at the start', 'Superfalke fliegt', ['Falke'], []],
    ['word boundary at the end', 'Falken fliegen', ['Falke'], []],
    ['digits are part of a word', 'Falke2 und Falke', ['Falke'], ['Falke']],
    ['hyphen and punctuation are boundaries', 'Falke-Team, (Falke).', ['Falke'], ['Falke', 'Falke']],
    ['umlaut right after the term', 'Falkeä', ['Falke'], []],
    ['term ending inside a spelt-out umlaut', 'Fä', ['Fa'], []],
    ['zero-width space inside', 'Fal\u200Bke', ['Falke'], ['Fal\u200Bke']],
    ['soft hyphen inside', 'Fal\u00ADke', ['Falke'], ['Fal\u00ADke']],
    ['Cyrillic homoglyphs', 'Fаlkе', ['Falke'], ['Fаlkе']],
    ['fullwidth letters', 'Ｆａｌｋｅ', ['Falke'], ['Ｆａｌｋｅ']],
    ['decomposed umlaut', 'Mu\u0308ller', ['Müller'], ['Mu\u0308ller']],
    ['longest term per start', 'Projekt Nordlicht', ['Projekt', 'Projekt Nordlicht'], ['Projekt Nordlicht']],
    [
      'overlapping terms at different starts',
      'Atlas 2030 Plan',
      ['Atlas 2030', '2030 Plan'],
      ['Atlas 2030', '2030 Plan'],
    ],
    ['terms with punctuation', 'Wir nutzen C++ und AT&T.', ['C++', 'AT&T'], ['C++', 'AT&T']],
    ['astral characters before', '😀Falke', ['Falke'], ['Falke']],
    ['lone surrogate before', '\uD800Falke', ['Falke'], ['Falke']],
  ])('%s', (_label, text, terms, expected) => {
    expect(termHits(text, terms)).toEqual(expected);
  });

  it('finds thousands of terms in one pass, each where it is', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => `Kunde${i.toString(36)}x`);
    const policy = policyWith(terms);
    const picks = [0, 17, 999, 2500, 4999];
    const text = picks.map((i) => `Hallo ${terms[i]}!`).join(' ');
    const d = evaluate(text, policy, { kind: 'company' });
    expect(d.findings.map((f) => f.text)).toEqual(picks.map((i) => terms[i]));
  });

  it('reports the term as written in the policy', () => {
    const d = evaluate('herr mueller', policyWith(['Müller']), { kind: 'company' });
    expect(d.findings[0]!.detail).toBe('Müller');
  });

  it('finds needles anywhere when whole words are not required (pattern triggers)', () => {
    const a = buildAutomaton([{ folded: 'kd-', wholeWord: false }]);
    const r = scan(a, 'xKD-1 und kd-2');
    expect(Array.from(r.hits.slice(0, r.hitCount * 3))).toEqual([0, 1, 4, 0, 10, 13]);
  });
});
