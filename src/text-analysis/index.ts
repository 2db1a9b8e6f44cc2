// Language and sentiment of short social media texts, German and English: pure functions, no I/O, usable in
// Node and the browser. How scores are computed and where they fail: docs/text-analysis.md.
import { languageOf, type TextLanguage } from './language.ts';
import { EITHER, ENGLISH, GERMAN, type Lexicon } from './lexicons.ts';
import { normalise, sentimentSum } from './sentiment.ts';
import { tokenize } from './tokenize.ts';

export type { TextLanguage } from './language.ts';

export interface TextAnalysis {
  /** null when the text is too short or neither language (or a mix of both). */
  language: TextLanguage | null;
  /** -1 (very negative) … 0 (neutral) … 1 (very positive), rounded to 2 decimals. */
  sentiment: number;
}

function lexiconFor(language: TextLanguage | null): Lexicon {
  if (language === 'de') return GERMAN;
  if (language === 'en') return ENGLISH;
  return EITHER;
}

export function detectLanguage(text: string): TextLanguage | null {
  return languageOf(tokenize(text));
}

/** With language null both lexicons are used (German wins where they disagree; false friends left out). */
export function sentimentScore(text: string, language: TextLanguage | null): number {
  return normalise(sentimentSum(tokenize(text).tokens, lexiconFor(language)));
}

/** Both at once, tokenising the text once. */
export function analyseText(text: string): TextAnalysis {
  const tokens = tokenize(text);
  const language = languageOf(tokens);
  return { language, sentiment: normalise(sentimentSum(tokens.tokens, lexiconFor(language))) };
}

/** PostgreSQL text-search configuration for a language. */
export function searchConfig(language: TextLanguage | null): 'german' | 'english' | 'simple' {
  if (language === 'de') return 'german';
  if (language === 'en') return 'english';
  return 'simple';
}
