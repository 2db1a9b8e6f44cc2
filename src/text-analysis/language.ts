import type { Tokens } from './tokenize.ts';

export type TextLanguage = 'de' | 'en';

// Frequent function words of each language (folded: "für" is "fuer"). Words both languages use with
// another meaning ("die", "was", "also", "will", "war", "hat", "am", "in", "an", "so", "man") are left out of
// English; German keeps "die", which is far more often the article than the verb.
const GERMAN_WORDS: ReadonlySet<string> = new Set(
  (
    'der die das den dem des ein eine einen einem einer eines und oder aber nicht kein keine ist sind war waren ' +
    'bin bist hat haben habe hatte wird werden wurde ich du er sie wir ihr mich mir dich dir uns euch sich ' +
    'mein meine dein deine sein seine unser unsere ihre ihren mit fuer auf aus bei von vom zum zur nach ueber ' +
    'unter durch gegen ohne auch noch schon nur sehr doch mal jetzt hier heute immer wieder wenn dass weil ob ' +
    'wie was wer wo warum kann koennen muss muessen soll sollte wollen moechte gibt geht gerade leider bitte ' +
    'danke nicht nichts dieser diese dieses einfach eigentlich vielleicht ja nein nie bis seit'
  ).split(' '),
);
const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  (
    'the a of and or but not no is are was were be been being have has had do does did i you he she we they ' +
    'me him her us them my your his our their its it this that these those with for from at by about into ' +
    'over after before just very really can could would should will shall may might must what who where when ' +
    'why how which there here than then now today always again if because only also too some any all ' +
    "don't dont it's i'm you're can't cannot isn't doesn't didn't won't thanks thank please yes never to on"
  ).split(' '),
);

/** Fewer words than this and the text says too little to tell. */
const MIN_WORDS = 3;
/** At least this share of the words must be function words of either language (else: another language). */
const MIN_EVIDENCE_SHARE = 0.2;
/** The winner needs this many times the loser's evidence; closer than that, the text is mixed. */
const DOMINANCE = 3;

/**
 * German or English from function words and umlauts. Hashtags, mentions, URLs and emoji are not evidence.
 * Each word of either list counts one point; the text's umlauts and ß count one point each for German, capped at
 * half the number of words so that a name ("Müller") in an English sentence cannot outweigh it.
 */
export function languageOf({ tokens, umlauts }: Tokens): TextLanguage | null {
  let words = 0;
  let de = 0;
  let en = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if (GERMAN_WORDS.has(t.text)) de++;
    if (ENGLISH_WORDS.has(t.text)) en++;
  }
  if (words < MIN_WORDS) return null;
  de += Math.min(umlauts, Math.ceil(words / 2));
  if (de + en < Math.max(2, words * MIN_EVIDENCE_SHARE)) return null;
  if (de >= en * DOMINANCE && de > en) return 'de';
  if (en >= de * DOMINANCE && en > de) return 'en';
  return null;
}
