import {
  EMOJI,
  EMPHATIC_FOLLOWERS,
  EMPHATIC_NEGATORS,
  INTENSIFIERS,
  type Lexicon,
  NEGATION_SCOPE,
  NEGATORS,
} from './lexicons.ts';
import type { Token } from './tokenize.ts';

/** A negated word keeps three quarters of its strength, reversed: "not bad" is mildly good, not great (VADER). */
const NEGATION_FACTOR = -0.75;
/** How many tokens an intensifier reaches ("sehr, sehr gut" and "very very good" still count). */
const INTENSIFIER_SCOPE = 2;
/** VADER's normalisation constant: sum / sqrt(sum² + ALPHA) maps a single "good" (3) to 0.61. */
const ALPHA = 15;
/** Sentence adverbs a trailing "nicht" does not negate ("leider nicht erreichbar" is not good news). */
const NOT_NEGATED_BACKWARDS: ReadonlySet<string> = new Set(['leider', 'schade', 'danke', 'bitte', 'sorry']);

function isWord(t: Token | undefined): t is Token {
  return t !== undefined && (t.kind === 'word' || t.kind === 'hashtag');
}

function emphaticAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return isWord(t) && EMPHATIC_FOLLOWERS.has(t.text);
}

/** Value of a word, or undefined; hyphenated compounds not in the lexicon count as the sum of their parts. */
function valenceOf(lex: Lexicon, word: string): number | undefined {
  const v = lex.words.get(word);
  if (v !== undefined || !word.includes('-')) return v;
  let sum = 0;
  let found = false;
  for (const part of word.split('-')) {
    const p = lex.words.get(part);
    if (p !== undefined) {
      sum += p;
      found = true;
    }
  }
  return found ? sum : undefined;
}

/** The value of the phrase starting at tokens[i] and its length in tokens, if there is one. */
function phraseAt(lex: Lexicon, tokens: Token[], i: number): [number, number] | undefined {
  const first = tokens[i]!;
  if (!lex.phraseStarts.has(first.text)) return undefined;
  let key = first.text;
  let best: [number, number] | undefined;
  for (let n = 2; n <= lex.longestPhrase; n++) {
    const next = tokens[i + n - 1];
    if (!isWord(next)) break;
    key = `${key} ${next.text}`;
    const v = lex.phrases.get(key);
    if (v !== undefined) best = [v, n];
  }
  return best;
}

/**
 * The raw sentiment sum of a token list on the lexicon's -5 … 5 scale per word. One walk over the tokens; each
 * word costs one Map lookup (two or three when it may start a phrase or modify the next word).
 */
export function sentimentSum(tokens: Token[], lex: Lexicon): number {
  let sum = 0;
  let negateLeft = 0; // tokens a pending negator still reaches
  let negatorAt = -1;
  let boost = 1;
  let boostLeft = 0;
  // the last sentiment word, for German's negation after the verb ("das gefällt mir nicht")
  let lastAt = -10;
  let lastValue = 0;

  const expireNegation = (): void => {
    // A negator that found no word after it flips the word just before it, in German only.
    if (lex.negatesBackwards && negatorAt >= 0 && negatorAt - lastAt <= NEGATION_SCOPE && lastValue !== 0) {
      sum += lastValue * NEGATION_FACTOR - lastValue;
      lastValue = 0;
    }
    negateLeft = 0;
    negatorAt = -1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'break') {
      if (negatorAt >= 0) expireNegation();
      boostLeft = 0;
      boost = 1;
      lastAt = -10;
      continue;
    }
    if (t.kind === 'emoji') {
      sum += EMOJI.get(t.text) ?? 0;
      continue;
    }
    let value: number | undefined;
    const phrase = phraseAt(lex, tokens, i);
    if (phrase !== undefined) {
      value = phrase[0];
      i += phrase[1] - 1;
    } else if (NEGATORS.has(t.text)) {
      if (EMPHATIC_NEGATORS.has(t.text) && (emphaticAt(tokens, i + 1) || emphaticAt(tokens, i + 2))) {
        // "never (been) so happy": emphasis, not negation; the "so" is an intensifier on its own
        continue;
      }
      if (negatorAt >= 0) expireNegation();
      negateLeft = NEGATION_SCOPE;
      negatorAt = i;
      continue;
    } else {
      const factor = INTENSIFIERS.get(t.text);
      const next = tokens[i + 1];
      // "super" and "mega" are words of their own, and intensifiers only before another sentiment word
      if (factor !== undefined && (!lex.words.has(t.text) || (isWord(next) && lex.words.has(next.text)))) {
        boost *= factor;
        boostLeft = INTENSIFIER_SCOPE;
        continue;
      }
      value = valenceOf(lex, t.text);
    }

    if (value === undefined || value === 0) {
      if (negateLeft > 0 && --negateLeft === 0) expireNegation();
      if (boostLeft > 0 && --boostLeft === 0) boost = 1;
      continue;
    }
    let v = value * boost;
    boost = 1;
    boostLeft = 0;
    if (negateLeft > 0) {
      v *= NEGATION_FACTOR;
      negateLeft = 0;
      negatorAt = -1;
      lastValue = 0; // already negated: a later "nicht" must not flip it back
    } else {
      lastValue = NOT_NEGATED_BACKWARDS.has(t.text) ? 0 : v;
    }
    lastAt = i;
    sum += v;
  }
  if (negatorAt >= 0) expireNegation();
  return sum;
}

/** Maps a raw sum to -1 … 1, rounded to two decimals (and never -0). */
export function normalise(sum: number): number {
  if (sum === 0) return 0;
  const x = Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 100) / 100;
  return x === 0 ? 0 : x;
}
