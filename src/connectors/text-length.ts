import type { Capabilities } from './connector.ts';

/**
 * How long a text is in a network's own terms, for the composer's live counter and for the connectors'
 * checks before sending. Pure and free of Node APIs: the web app bundles this file.
 */

export interface TextMeasure {
  /** Characters as the network counts them. */
  used: number;
  max: number;
  /** UTF-8 bytes, where the network limits them (Bluesky). */
  bytes?: number;
  maxBytes?: number;
  over: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/** Unicode grapheme clusters: what a reader sees as one character (👩‍👩‍👧, 🇩🇪, e + combining acute). */
export function countGraphemes(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export function countUtf8Bytes(text: string): number {
  return utf8.encode(text).byteLength;
}

// Mastodon (StatusLengthValidator) replaces every http(s) URL by a 23-character placeholder, whatever its
// length, and counts a mention of a remote account (@user@domain) as its local part only.
const URL_RE = /https?:\/\/[^\s<>"'`]+/giu;
const REMOTE_MENTION_RE =
  /(^|[^\p{L}\p{N}_/=@])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)@[\p{L}\p{N}_.-]*[\p{L}\p{N}_]/giu;
/** Punctuation that ends a sentence rather than the URL (as twitter-text, which Mastodon uses, decides). */
const URL_TRAILING = /[.,:;!?'"»”’)\]]+$/u;

function trimUrl(url: string): string {
  let end = url.replace(URL_TRAILING, '');
  // A closing bracket belongs to the URL when it balances one inside it (Wikipedia links).
  const rest = url.slice(end.length);
  for (const ch of rest) {
    const open = ch === ')' ? '(' : ch === ']' ? '[' : null;
    if (!open) break;
    const opens = end.split(open).length - 1;
    const closes = end.split(ch).length - 1;
    if (opens > closes) end += ch;
    else break;
  }
  return end;
}

/**
 * The text as Mastodon counts it: every URL replaced by `urlLength` placeholder characters (when set),
 * and, with `localMentions`, every remote mention shortened to its local part.
 */
export function countableText(text: string, urlLength: number | undefined, localMentions: boolean): string {
  let out = text;
  if (urlLength !== undefined) {
    const placeholder = 'x'.repeat(urlLength);
    out = out.replace(URL_RE, (match) => {
      const url = trimUrl(match);
      return placeholder + match.slice(url.length);
    });
  }
  if (localMentions)
    out = out.replace(REMOTE_MENTION_RE, (_m, before: string, user: string) => `${before}@${user}`);
  return out;
}

export function measureText(
  text: string,
  capabilities: Pick<Capabilities, 'maxChars' | 'counting'>,
): TextMeasure {
  const { counting, maxChars } = capabilities;
  if (counting.kind === 'graphemes-and-bytes') {
    const used = countGraphemes(text);
    const bytes = countUtf8Bytes(text);
    return {
      used,
      max: maxChars,
      bytes,
      maxBytes: counting.maxBytes,
      over: used > maxChars || bytes > counting.maxBytes,
    };
  }
  const used = countGraphemes(countableText(text, counting.urlLength, counting.localMentions ?? false));
  return { used, max: maxChars, over: used > maxChars };
}
