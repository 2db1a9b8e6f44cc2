// Why a policy cannot be saved, in the reader's language and naming the rule: "patterns[3].pattern" tells a
// compliance officer little, "rule patterns.customer-number" tells them which of their rules to fix.
import { z } from 'zod';
import { DomainError, type FieldError } from '../../platform/http/problem.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { policySchema } from '../../policy/index.ts';

const LIST_KEYS = new Set(['terms', 'patterns', 'disclosures', 'hashtags', 'mentions', 'networks']);

/**
 * The engine's own messages are English; these are the German ones for the messages it gives (and the
 * prefixes of those with a variable part). A message not listed stays English rather than disappear.
 */
const GERMAN: [RegExp, string][] = [
  [/^the pattern can backtrack catastrophically: /, 'das Muster kann katastrophal zurückspringen: '],
  [
    /a repeated group contains another variable repetition \(e\.g\. \(a\+\)\+\)/,
    'eine wiederholte Gruppe enthält eine weitere variable Wiederholung (z. B. (a+)+)',
  ],
  [
    /a repeated alternation whose branches can start with the same character \(e\.g\. \(a\|ab\)\*\)/,
    'eine wiederholte Alternative hat Zweige, die mit demselben Zeichen beginnen können (z. B. (a|ab)*)',
  ],
  [
    /two adjacent unbounded repetitions can match the same characters \(e\.g\. \\d\+\\d\+\)/,
    'zwei benachbarte unbegrenzte Wiederholungen können dieselben Zeichen treffen (z. B. \\d+\\d+)',
  ],
  [/^the pattern is empty$/, 'das Muster ist leer'],
  [/^the pattern is longer than (\d+) characters$/, 'das Muster ist länger als $1 Zeichen'],
  [/^the pattern can match empty text$/, 'das Muster kann leeren Text treffen'],
  [/^not a valid regular expression: /, 'kein gültiger regulärer Ausdruck: '],
  [
    /^backreferences are not supported \(they can make matching exponential\)$/,
    'Rückverweise sind nicht erlaubt (sie können die Suche exponentiell verlangsamen)',
  ],
  [/^duplicate id "(.*)"$/, 'die ID „$1“ kommt doppelt vor'],
  [/^more than 200,000 terms in all$/, 'mehr als 200.000 Begriffe insgesamt'],
  [
    /^a network rule needs maxLength or forbidden: true$/,
    'eine Netzwerkregel braucht maxLength oder forbidden: true',
  ],
  [/^flags may be i, m, s and u, each once$/, 'erlaubte Flags sind i, m, s und u, jedes einmal'],
  [
    /^use letters, digits, "-" and "_" \(at most 64\), starting with a letter or digit$/,
    'nur Buchstaben, Ziffern, „-“ und „_“ (höchstens 64), beginnend mit Buchstabe oder Ziffer',
  ],
  [/^a section id looks like (.*)$/, 'eine Abschnitts-ID sieht so aus: $1'],
  [/^a domain looks like (.*)$/, 'eine Domain sieht so aus: $1'],
  [/^an ISO 3166 region code such as (.*)$/, 'ein Ländercode nach ISO 3166 wie $1'],
  [/^a parameter name, optionally ending in \*$/, 'ein Parametername, optional mit * am Ende'],
];

function translate(message: string, lang: Locale): string {
  if (lang === 'en') return message;
  let out = message;
  for (const [from, to] of GERMAN) out = out.replace(from, to);
  return out;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = 'policy';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

/** The rule an issue belongs to, as findings name rules: "patterns.customer-number", "detector.iban". */
function ruleOf(input: unknown, path: readonly PropertyKey[], message: string): string | null {
  const [key, index] = path;
  if (typeof key !== 'string') {
    // An unknown key at the top is an unknown rule kind.
    const unknown = /"([^"]+)"/.exec(message)?.[1];
    return unknown ?? null;
  }
  if (key === 'detectors' && typeof path[1] === 'string') return `detector.${path[1]}`;
  if (LIST_KEYS.has(key) && typeof index === 'number') {
    const list = (input as Record<string, unknown>)[key];
    const rule = Array.isArray(list) ? (list[index] as { id?: unknown } | undefined) : undefined;
    return typeof rule?.id === 'string' && rule.id ? `${key}.${rule.id}` : `${key}[${index}]`;
  }
  return key;
}

/** 422 policy_invalid: the first problem in the detail, every problem as a field error. */
export function policyInvalid(input: unknown, lang: Locale): DomainError {
  const parsed = policySchema.safeParse(input, { error: z.locales[lang]().localeError });
  const issues = parsed.success ? [] : parsed.error.issues;
  const fieldErrors: FieldError[] = issues.map((issue) => {
    const rule = ruleOf(input, issue.path, issue.message);
    const text = translate(issue.message, lang);
    const named = rule ? (lang === 'de' ? `Regel „${rule}“: ${text}` : `Rule “${rule}”: ${text}`) : text;
    return { path: formatPath(issue.path), message: named };
  });
  const first = fieldErrors[0];
  const problem = first ? `${first.message} (${first.path}).` : '';
  const rest = fieldErrors.length - 1;
  const more =
    rest <= 0
      ? ''
      : lang === 'de'
        ? ` Dazu ${rest === 1 ? 'ein weiteres Problem' : `${rest} weitere Probleme`}.`
        : ` And ${rest === 1 ? 'one more problem' : `${rest} more problems`}.`;
  return new DomainError(422, 'policy_invalid', { problem, more }, { fieldErrors });
}
