// Case and umlaut folding, applied once to the whole text and to every lexicon key, so that "Enttäuscht",
// "enttaeuscht" and "ENTTÄUSCHT" meet in one spelling. The typographic apostrophe becomes the ASCII one so that
// "don’t" finds "don't".
const FOLDS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', '’': "'" };
const FOLDABLE = /[äöüß’]/g;

export interface Folded {
  text: string;
  /** How many umlauts and ß the text had: evidence for German. */
  umlauts: number;
}

export function foldText(text: string): Folded {
  let umlauts = 0;
  const folded = text.toLowerCase().replace(FOLDABLE, (c) => {
    if (c !== '’') umlauts++;
    return FOLDS[c] ?? c;
  });
  return { text: folded, umlauts };
}

export function fold(word: string): string {
  return foldText(word).text;
}
