/**
 * Mentions typed into a comment's text: `@Sophie Social` (the display name) or `@manager` (the part of the
 * e-mail address before the @). Recognised like the picker's mentions, so people who may not list the
 * organisation's users can still mention a colleague they know by name.
 */

export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

export interface TypedMention {
  userId: string;
  /** UTF-16 offsets of the mention in the text, the @ included — what the web highlights. */
  start: number;
  end: number;
}

/** A letter, digit, or one of the characters a name or an e-mail's local part may continue with. */
const WORD = /[\p{L}\p{N}_.+-]/u;

/** The ways a person can be written after the @, each lower-cased. */
function tokensOf(person: Mentionable): string[] {
  const local = person.email.slice(0, person.email.lastIndexOf('@')).trim();
  return [person.name.trim(), local].filter((t) => t.length > 0).map((t) => t.toLocaleLowerCase('de'));
}

/** A token ends where the next character cannot continue a word (a full stop ending a sentence may). */
function endsAt(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined) return true;
  if (next === '.' || next === '-') {
    const after = text[end + 1];
    return after === undefined || !WORD.test(after);
  }
  return !WORD.test(next);
}

/**
 * Finds every `@token` that names exactly one person. At each @ the longest token wins, so `@Anna Berg`
 * is Anna Berg and not also Anna. A token two people share (two "Anna"s) mentions nobody: guessing would
 * tell the wrong person. An @ inside a word (an e-mail address in the text) is not a mention.
 */
export function findTypedMentions(text: string, people: readonly Mentionable[]): TypedMention[] {
  const owners = new Map<string, Set<string>>();
  for (const person of people)
    for (const token of tokensOf(person)) {
      const ids = owners.get(token) ?? new Set<string>();
      ids.add(person.id);
      owners.set(token, ids);
    }
  const tokens = [...owners.keys()].sort((a, b) => b.length - a.length);
  const found: TypedMention[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const before = text[at - 1];
    if (before !== undefined && WORD.test(before)) continue;
    const start = at + 1;
    const token = tokens.find(
      (t) =>
        text.slice(start, start + t.length).toLocaleLowerCase('de') === t && endsAt(text, start + t.length),
    );
    if (!token) continue;
    const ids = owners.get(token)!;
    if (ids.size !== 1) continue;
    found.push({ userId: [...ids][0]!, start: at, end: start + token.length });
    at = start + token.length - 1;
  }
  return found;
}
