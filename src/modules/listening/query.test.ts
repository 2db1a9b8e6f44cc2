import { describe, expect, it } from 'vitest';
import { matchesQuery, parseQuery, positiveClauses, QueryError, type QueryErrorCode } from './query.ts';

const post = (text: string, authorHandle = 'kundin') => ({ text, authorHandle });

function errorOf(q: string): { code: QueryErrorCode; position: number } {
  try {
    parseQuery(q);
  } catch (err) {
    if (err instanceof QueryError) return { code: err.code, position: err.position };
    throw err;
  }
  throw new Error(`"${q}" parsed`);
}

describe('listening query language', () => {
  it.each([
    // query, text, matches
    ['Beispiel', 'Die Beispiel GmbH hat neue Preise', true],
    ['beispiel', 'BEISPIEL!', true],
    ['Beispiel', 'Beispielhaft erklärt', false],
    ['Beispiel GmbH', 'GmbH von Beispiel', true],
    ['"Beispiel GmbH"', 'GmbH von Beispiel', false],
    ['"Beispiel GmbH"', 'Ärger mit der beispiel gmbh…', true],
    ['„Beispiel GmbH“', 'Ärger mit der Beispiel GmbH', true],
    ['Streik OR Ausfall', 'Heute Ausfall in Köln', true],
    ['Streik ODER Ausfall', 'Alles gut', false],
    ['Beispiel -Werbung', 'Beispiel Werbung', false],
    ['Beispiel NOT Werbung', 'Beispiel sagt hallo', true],
    ['Beispiel NICHT (Werbung OR Anzeige)', 'Beispiel Anzeige', false],
    ['(Bank OR Versicherung) AND Störung', 'Störung bei meiner Bank', true],
    ['(Bank OR Versicherung) UND Störung', 'Störung im Netz', false],
    ['#Chorus', 'Neu: #chorus ist da', true],
    ['#chorus', 'chorus ohne Raute', false],
    ['chorus', 'mit #Chorus', true],
    ['@presse', 'irgendwas', true],
    ['from:presse@social.example', 'irgendwas', true],
    ['@vertrieb', 'Frage an @vertrieb@social.example', true],
    ['@vertrieb', 'Frage an niemanden', false],
    ['Straße', 'STRASSE gesperrt', false],
    ['Straße', 'Straße gesperrt', true],
    ['and', 'you and me', true],
  ])('%s on "%s" → %s', (q, text, expected) => {
    const author = q.includes('presse') ? 'presse@social.example' : 'kundin';
    expect(matchesQuery(parseQuery(q), post(text, author))).toBe(expected);
  });

  it.each([
    ['', 'query_empty', 0],
    ['   ', 'query_empty', 0],
    ['"Beispiel GmbH', 'query_unclosed_quote', 0],
    ['Beispiel AND "', 'query_unclosed_quote', 13],
    ['""', 'query_empty_phrase', 0],
    ['(Bank OR Versicherung', 'query_unclosed_paren', 0],
    ['Bank)', 'query_unexpected_paren', 4],
    ['()', 'query_missing_operand', 1],
    ['Bank OR', 'query_missing_operand', 7],
    ['AND Bank', 'query_missing_operand', 0],
    ['Bank AND OR Kasse', 'query_missing_operand', 9],
    ['# Bank', 'query_empty_tag', 0],
    ['@ Bank', 'query_bad_account', 0],
    ['NOT Werbung', 'query_only_negative', 0],
    ['Bank OR -Werbung', 'query_only_negative', 0],
    ['(a OR b) (c OR d) (e OR f) (g OR h)', 'query_too_broad', 0],
  ])('"%s" is refused with %s at %d', (q, code, position) => {
    expect(errorOf(q)).toEqual({ code, position });
  });

  it('refuses overlong queries and too many terms', () => {
    expect(errorOf('a'.repeat(501)).code).toBe('query_too_long');
    expect(errorOf(Array.from({ length: 41 }, (_, i) => `w${i}`).join(' ')).code).toBe(
      'query_too_many_terms',
    );
  });

  it('asks networks one conjunction of positive terms per OR-branch, exclusions left out', () => {
    expect(positiveClauses(parseQuery('(Bank OR "Beispiel GmbH") Störung -Werbung #news'))).toEqual([
      { words: ['bank', 'störung'], phrases: [], hashtags: ['news'], accounts: [] },
      { words: ['störung'], phrases: ['beispiel gmbh'], hashtags: ['news'], accounts: [] },
    ]);
    expect(positiveClauses(parseQuery('a OR a'))).toEqual([
      { words: ['a'], phrases: [], hashtags: [], accounts: [] },
    ]);
  });
});
