/**
 * Stand-in for `src/text-analysis` (language and sentiment, written in parallel and merged into main
 * later), with the same signature. Deleted once that module is merged; nothing else imports this file
 * except ./analyse.ts.
 */
const DE = new Set([
  'der',
  'die',
  'das',
  'und',
  'ist',
  'nicht',
  'ich',
  'mit',
  'ein',
  'eine',
  'zu',
  'auf',
  'für',
  'sehr',
]);
const EN = new Set([
  'the',
  'and',
  'is',
  'not',
  'with',
  'a',
  'an',
  'to',
  'on',
  'for',
  'very',
  'this',
  'it',
  'of',
]);
const POSITIVE = new Set([
  'gut',
  'toll',
  'super',
  'danke',
  'great',
  'good',
  'love',
  'thanks',
  'excellent',
  'prima',
]);
const NEGATIVE = new Set([
  'schlecht',
  'ärger',
  'katastrophe',
  'störung',
  'wütend',
  'furchtbar',
  'bad',
  'terrible',
  'awful',
  'angry',
  'outage',
  'broken',
]);

export function analyseText(text: string): { language: 'de' | 'en' | null; sentiment: number } {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const de = words.filter((w) => DE.has(w)).length;
  const en = words.filter((w) => EN.has(w)).length;
  const score = words.reduce((s, w) => s + (POSITIVE.has(w) ? 1 : NEGATIVE.has(w) ? -1 : 0), 0);
  return {
    language: de === 0 && en === 0 ? null : de >= en ? 'de' : 'en',
    sentiment: Math.max(-1, Math.min(1, score / 3)),
  };
}
