// Hashtags and mentions as the networks read them: "#Mitarbeiter", "@chorus", "@alice@example.social",
// "@alice.bsky.social". The folded value (case and umlauts) is what rules compare.
import { C_WORD, charClass, classBefore, foldString } from '../chars.ts';

export interface TagMatch {
  start: number;
  end: number;
  /** Folded, without the leading '#' or '@'. */
  value: string;
}

export function detectHashtag(text: string, h: number): TagMatch | null {
  if (classBefore(text, h) === C_WORD || (h > 0 && text.charCodeAt(h - 1) === 38)) return null;
  let e = h + 1;
  let letters = 0;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (charClass(c) !== C_WORD) break;
    if (c < 48 || c > 57) letters++;
    e++;
  }
  if (letters === 0) return null;
  return { start: h, end: e, value: foldString(text.slice(h + 1, e)) };
}

function isHandleChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45
  );
}

export function detectMention(text: string, at: number): TagMatch | null {
  if (at > 0) {
    const p = text.charCodeAt(at - 1);
    if (isHandleChar(p) || p === 43 || p === 37 || charClass(p) === C_WORD) return null;
  }
  let e = at + 1;
  while (e < text.length && isHandleChar(text.charCodeAt(e))) e++;
  if (e < text.length && text.charCodeAt(e) === 64) {
    let d = e + 1;
    while (d < text.length && isHandleChar(text.charCodeAt(d))) d++;
    if (d > e + 1) e = d;
  }
  while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
  if (e === at + 1) return null;
  return { start: at, end: e, value: foldString(text.slice(at + 1, e)) };
}

/** The folded form a rule's value is compared in: without its leading '#' or '@'. */
export function tagKey(value: string): string {
  return foldString(value.replace(/^[#@]/, ''));
}
