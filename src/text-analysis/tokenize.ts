import { foldText } from './fold.ts';

/**
 * word: letters and digits; hashtag: a hashtag's text without "#" (counts for sentiment, not as evidence of a
 * language); emoji: an emoji or emoticon; break: clause punctuation, which ends a negator's or intensifier's reach.
 */
export type TokenKind = 'word' | 'hashtag' | 'emoji' | 'break';

export interface Token {
  kind: TokenKind;
  text: string;
}

export interface Tokens {
  tokens: Token[];
  /** Umlauts and ß in the text, before folding. */
  umlauts: number;
}

// One regular expression, one pass over the folded text. Alternatives in order: URLs and mentions (matched so
// that they are skipped, not split into words), hashtags, words (letters and digits, joined by an inner
// apostrophe or hyphen), emoticons, emoji, clause punctuation. Everything else (markup, symbols) is skipped.
const TOKEN =
  /(?:https?:\/\/|www\.)\S+|@[\p{L}\p{N}_.]+|#([\p{L}\p{N}_]+)|([\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*)|([:;]-?[()dp])(?![\p{L}\p{N}])|(\p{Extended_Pictographic})|([.!?;:,\n]+)/gu;

export function tokenize(text: string): Tokens {
  const folded = foldText(text);
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded.text); m !== null; m = TOKEN.exec(folded.text)) {
    if (m[2] !== undefined) tokens.push({ kind: 'word', text: m[2] });
    else if (m[1] !== undefined) tokens.push({ kind: 'hashtag', text: m[1] });
    else if (m[3] !== undefined || m[4] !== undefined) tokens.push({ kind: 'emoji', text: m[0] });
    else if (m[5] !== undefined) tokens.push({ kind: 'break', text: '' });
    // URLs and mentions: nothing
  }
  return { tokens, umlauts: folded.umlauts };
}
