// E-mail addresses, found from their '@': a plausible local part before it, a domain with a top-level domain
// of letters after it. "@alice@example.social" is a fediverse handle, not an address.
import { C_WORD, charClass } from '../chars.ts';

export interface EmailMatch {
  start: number;
  end: number;
  address: string;
}

function isLocalChar(c: number): boolean {
  if (c < 128) {
    return (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 46 ||
      c === 95 ||
      c === 37 ||
      c === 43 ||
      c === 45
    );
  }
  return charClass(c) === C_WORD;
}

function isDomainChar(c: number): boolean {
  if (c < 128)
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 45;
  return charClass(c) === C_WORD;
}

const LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
const TLD = /^(\p{L}{2,63}|xn--[a-z0-9-]+)$/iu;

export function detectEmail(text: string, at: number): EmailMatch | null {
  let s = at;
  while (s > 0 && isLocalChar(text.charCodeAt(s - 1))) s--;
  while (s < at && text.charCodeAt(s) === 46) s++;
  if (s === at || at - s > 64) return null;
  if (s > 0 && text.charCodeAt(s - 1) === 64) return null;
  const local = text.slice(s, at);
  if (local.endsWith('.') || local.includes('..')) return null;
  let e = at + 1;
  while (e < text.length && isDomainChar(text.charCodeAt(e))) e++;
  while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
  const domain = text.slice(at + 1, e);
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels[labels.length - 1]!))
    return null;
  return { start: s, end: e, address: `${local}@${domain}`.toLowerCase() };
}
