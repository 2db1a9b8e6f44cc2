// Turning a validated Policy into what evaluate runs: one automaton for every term, disclosure phrase, employer
// term and pattern trigger; regexes with the windows they may run on; allow-lists in comparable form. Compiled
// once per policy object (policies are immutable values: a new version is a new object).
import { parsePhoneNumber } from 'awesome-phonenumber';
import { foldString } from './chars.ts';
import { DEFAULT_SHORTENERS, DEFAULT_TRACKING_PARAMETERS } from './detectors/links.ts';
import { tagKey } from './detectors/tags.ts';
import { type Automaton, buildAutomaton, type Needle } from './matcher.ts';
import type { DetectorName, Policy, ValidatorName } from './policy-schema.ts';
import { ANY_CHAR_MASK, analysePattern, DIGIT_MASK, type PatternAnalysis } from './regex-analysis.ts';

export type NeedleOwner =
  | { type: 'term'; list: number; term: string }
  | { type: 'trigger'; pattern: number }
  | { type: 'disclosure'; rule: number }
  | { type: 'employer'; rule: number };

export interface CompiledPattern {
  index: number;
  regex: RegExp;
  analysis: PatternAnalysis;
  /** Where its windows come from: occurrences of its literal, long enough digit runs, or the whole text. */
  anchor: 'literal' | 'digits' | 'whole';
  validator: ValidatorName | undefined;
}

export interface CompiledPolicy {
  policy: Policy;
  automaton: Automaton;
  owners: NeedleOwner[];
  patterns: CompiledPattern[];
  allow: Record<DetectorName, Set<string>>;
  shorteners: string[];
  trackingExact: Set<string>;
  trackingPrefixes: string[];
  hashtagRules: Set<string>[];
  mentionRules: Set<string>[];
  /** Disclosure phrases that are hashtags or mentions, per rule (folded, without '#'/'@'). */
  disclosureTags: Set<string>[];
  disclosureMentions: Set<string>[];
  needsHashtags: boolean;
  needsMentions: boolean;
  /** Patterns anchored on digit runs, and those that must read the whole text (no literal or digits). */
  digitPatterns: CompiledPattern[];
  /** Digit-anchored patterns by the length of a digit run they can start from (index min(length, 64)). */
  digitByLen: CompiledPattern[][];
  wholePatterns: CompiledPattern[];
  /** Per pattern, reused between evaluations: the anchors of the current one. */
  anchorScratch: number[][];
  hasWholePatterns: boolean;
  /** Some rule is about the text as a whole (disclosures, hashtags, mentions, networks). */
  hasTextRules: boolean;
}

const cache = new WeakMap<Policy, CompiledPolicy>();

export function compilePolicy(policy: Policy): CompiledPolicy {
  const hit = cache.get(policy);
  if (hit) return hit;
  const compiled = build(policy);
  cache.set(policy, compiled);
  return compiled;
}

function allowKey(detector: DetectorName, value: string, region: string): string[] {
  switch (detector) {
    case 'email':
      return [value.trim().toLowerCase()];
    case 'iban':
      return [value.replace(/[^0-9a-z]/gi, '').toUpperCase()];
    case 'phone': {
      const p = parsePhoneNumber(value.trim(), { regionCode: region });
      return p.valid ? [p.number.e164] : [value.replace(/[^0-9+]/g, '')];
    }
    default:
      return [value.replace(/\D/g, '')];
  }
}

/** Runs of this many digits or more share the last slot of digitByLen. */
export const MAX_RUN_INDEX = 64;

function acceptsRunLength(a: PatternAnalysis, len: number): boolean {
  if (len < a.minDigitRun) return false;
  const sig = a.digitRun;
  if (!sig) return true;
  if (len < sig.min) return false;
  return !(sig.closedLeft && sig.closedRight && len > sig.max && len < MAX_RUN_INDEX);
}

function build(policy: Policy): CompiledPolicy {
  const needles: Needle[] = [];
  const owners: NeedleOwner[] = [];
  const add = (folded: string, wholeWord: boolean, owner: NeedleOwner, extra: Partial<Needle> = {}): void => {
    if (folded.length === 0) return;
    needles.push({ folded, wholeWord, ...extra });
    owners.push(owner);
  };

  policy.terms.forEach((list, li) => {
    const seen = new Set<string>();
    for (const term of list.terms) {
      const f = foldString(term);
      if (seen.has(f)) continue;
      seen.add(f);
      add(f, true, { type: 'term', list: li, term });
    }
  });

  const disclosureTags: Set<string>[] = [];
  const disclosureMentions: Set<string>[] = [];
  policy.disclosures.forEach((d, di) => {
    const tags = new Set<string>();
    const mentions = new Set<string>();
    for (const phrase of d.anyOf) {
      if (phrase.startsWith('#')) tags.add(tagKey(phrase));
      else if (phrase.startsWith('@')) mentions.add(tagKey(phrase));
      else add(foldString(phrase), true, { type: 'disclosure', rule: di });
    }
    disclosureTags.push(tags);
    disclosureMentions.push(mentions);
    for (const t of d.employerTerms) add(foldString(t), true, { type: 'employer', rule: di });
  });

  const patterns: CompiledPattern[] = [];
  policy.patterns.forEach((p, pi) => {
    const r = analysePattern(p.pattern, p.flags);
    // the schema rejects unsafe patterns; a Policy built without it must not get one past here either
    if (!r.ok) throw new Error(`patterns[${pi}] (${p.id}): ${r.error}`);
    const a = r.analysis;
    const literal = foldString(a.literal, true);
    const bounded =
      Number.isFinite(a.maxLen) && Number.isFinite(a.reachBefore) && Number.isFinite(a.reachAfter);
    let anchor: CompiledPattern['anchor'] = 'whole';
    if (bounded && literal.length >= 2) anchor = 'literal';
    else if (bounded && a.minDigitRun >= 1) anchor = 'digits';
    else if (bounded && literal.length === 1) anchor = 'literal';
    if (anchor === 'literal') {
      // the checks around the literal hold only when the folded literal is the pattern's literal unchanged
      const exact = literal === a.literal.toLowerCase();
      const extra: Partial<Needle> = {};
      if (exact && a.literalAfterBoundary) extra.startBoundary = true;
      const owner: NeedleOwner = { type: 'trigger', pattern: pi };
      if (exact && a.literalNext === DIGIT_MASK) {
        // "KD-" before a digit: ten needles "kd-0" … "kd-9", so the automaton itself skips "KD-X" and
        // the scan does not stop at every "rs" in "Vers" for a pattern /\bRS\d{9}\b/
        for (let d = 0; d < 10; d++) add(literal + d, false, owner, extra);
      } else {
        if (exact && a.literalNext !== ANY_CHAR_MASK) extra.nextMask = a.literalNext;
        add(literal, false, owner, extra);
      }
    }
    patterns.push({
      index: pi,
      regex: new RegExp(p.pattern, `${p.flags}g`),
      analysis: a,
      anchor,
      validator: p.validator,
    });
  });

  const allow = {} as Record<DetectorName, Set<string>>;
  for (const d of ['iban', 'card', 'tax_id', 'email', 'phone'] as const) {
    allow[d] = new Set(
      (policy.detectors[d]?.allow ?? []).flatMap((v) => allowKey(d, v, policy.defaultRegion)),
    );
  }

  const tracking = policy.links?.tracking
    ? (policy.links.tracking.parameters ?? DEFAULT_TRACKING_PARAMETERS)
    : [];
  const hashtagRules = policy.hashtags.map((r) => new Set(r.values.map(tagKey)));
  const mentionRules = policy.mentions.map((r) => new Set(r.values.map(tagKey)));
  return {
    policy,
    automaton: buildAutomaton(needles),
    owners,
    patterns,
    allow,
    shorteners: policy.links?.shorteners ? (policy.links.shorteners.domains ?? DEFAULT_SHORTENERS) : [],
    trackingExact: new Set(tracking.filter((t) => !t.endsWith('*')).map((t) => t.toLowerCase())),
    trackingPrefixes: tracking.filter((t) => t.endsWith('*')).map((t) => t.slice(0, -1).toLowerCase()),
    hashtagRules,
    mentionRules,
    disclosureTags,
    disclosureMentions,
    needsHashtags: hashtagRules.length > 0 || disclosureTags.some((s) => s.size > 0),
    needsMentions: mentionRules.length > 0 || disclosureMentions.some((s) => s.size > 0),
    digitPatterns: patterns.filter((p) => p.anchor === 'digits'),
    digitByLen: Array.from({ length: MAX_RUN_INDEX + 1 }, (_, len) =>
      patterns.filter((p) => p.anchor === 'digits' && acceptsRunLength(p.analysis, len)),
    ),
    anchorScratch: patterns.map(() => []),
    wholePatterns: patterns.filter((p) => p.anchor === 'whole'),
    hasWholePatterns: patterns.some((p) => p.anchor === 'whole'),
    hasTextRules:
      policy.disclosures.length + policy.hashtags.length + policy.mentions.length + policy.networks.length >
      0,
  };
}
