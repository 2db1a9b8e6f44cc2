// evaluate(text, policy, context) → Decision: pure, synchronous, no I/O. One scan of the text finds terms,
// pattern triggers and the positions the detectors start from; the detectors validate what they find; rules
// about the text as a whole (disclosures, hashtags, networks) come last.

import { digitValue } from './chars.ts';
import { type CompiledPolicy, compilePolicy } from './compile.ts';
import { detectCard } from './detectors/card.ts';
import { detectEmail } from './detectors/email.ts';
import { detectIban } from './detectors/iban.ts';
import { detectLink, hostMatches, type LinkMatch } from './detectors/links.ts';
import { detectPhone } from './detectors/phone.ts';
import { detectHashtag, detectMention, type TagMatch } from './detectors/tags.ts';
import { detectTaxId } from './detectors/tax-id.ts';
import { scan } from './matcher.ts';
import type { DetectorName, Policy, Scope } from './policy-schema.ts';
import { type PatternMatch, runPattern } from './run-patterns.ts';
import { ruleDefault } from './sections.ts';
import type { Decision, EvalContext, Finding, FindingKind, Localized, Severity } from './types.ts';

export interface EvalOptions {
  /** Time budget for the policy's patterns; past it the decision carries a blocking 'engine' finding. */
  patternBudgetMs?: number;
  /** Clock for that budget (injected in tests). */
  now?: () => number;
}

const SEVERITY_RANK: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

export function inScope(scope: Scope | undefined, ctx: EvalContext): boolean {
  if (!scope) return true;
  const has = (list: string[] | undefined, v: string | undefined): boolean =>
    list === undefined || (v !== undefined && list.includes(v));
  return (
    has(scope.networks, ctx.network) &&
    has(scope.channels, ctx.channelId) &&
    has(scope.departments, ctx.departmentId) &&
    has(scope.roles, ctx.role) &&
    (scope.kinds === undefined || scope.kinds.includes(ctx.kind))
  );
}

interface RuleMeta {
  section?: string | undefined;
  explanation?: Localized | undefined;
}

class Collector {
  readonly findings: Finding[] = [];
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  add(
    kind: FindingKind,
    start: number,
    end: number,
    severity: Severity,
    rule: string,
    defaults: string,
    meta: RuleMeta,
    detail?: string,
  ): void {
    const d = ruleDefault(defaults);
    const f: Finding = {
      kind,
      start,
      end,
      text: this.text.slice(start, end),
      severity,
      rule,
      section: meta.section ?? d.section,
      explanation: meta.explanation ?? d.explanation,
    };
    if (detail !== undefined) f.detail = detail;
    this.findings.push(f);
  }
}

export function evaluate(
  text: string,
  policy: Policy,
  context: EvalContext,
  options: EvalOptions = {},
): Decision {
  const cp = compilePolicy(policy);
  const out = new Collector(text);
  const region = context.region ?? policy.defaultRegion;
  const res = scan(cp.automaton, text);

  // terms, disclosure phrases, employer terms and pattern triggers, as the scan found them
  const termActive = policy.terms.map((l) => inScope(l.scope, context));
  const disclosureSeen = new Set<number>();
  const employerSeen = new Set<number>();
  const triggers: number[][] = policy.patterns.map(() => []);
  const longest = new Map<string, number>();
  for (let h = 0; h < res.hitCount; h++) {
    const owner = cp.owners[res.hits[h * 3]!]!;
    const start = res.hits[h * 3 + 1]!;
    const end = res.hits[h * 3 + 2]!;
    if (owner.type === 'trigger') triggers[owner.pattern]!.push(start, end);
    else if (owner.type === 'disclosure') disclosureSeen.add(owner.rule);
    else if (owner.type === 'employer') employerSeen.add(owner.rule);
    else if (termActive[owner.list]) {
      // one finding per list and start: the longest term ("Project Falcon" over "Project")
      const key = `${owner.list}:${start}`;
      const prev = longest.get(key);
      if (prev === undefined || res.hits[prev * 3 + 2]! < end) longest.set(key, h);
    }
  }
  for (const h of longest.values()) {
    const owner = cp.owners[res.hits[h * 3]!]!;
    if (owner.type !== 'term') continue;
    const list = policy.terms[owner.list]!;
    out.add(
      'term',
      res.hits[h * 3 + 1]!,
      res.hits[h * 3 + 2]!,
      list.severity,
      `terms.${list.id}`,
      `terms.${list.category}`,
      list,
      owner.term,
    );
  }

  detectNumbers(text, cp, context, region, res.runs, res.runCount, out);
  const tags = detectMarks(text, cp, context, res.marks, res.markCount, out);
  runPatterns(text, cp, context, res.runs, res.runCount, triggers, out, options);
  wholeTextRules(text, cp, context, tags, disclosureSeen, employerSeen, out);

  const findings = out.findings.sort(
    (a, b) => a.start - b.start || a.end - b.end || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
  );
  const counts: Record<Severity, number> = { block: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { policyId: policy.id, policyVersion: policy.version, blocked: counts.block > 0, findings, counts };
}

function detectorOn(policy: Policy, name: DetectorName, ctx: EvalContext): boolean {
  const d = policy.detectors[name];
  return d?.enabled !== false && inScope(d?.scope, ctx);
}

function detectNumbers(
  text: string,
  cp: CompiledPolicy,
  ctx: EvalContext,
  region: string,
  runs: Int32Array,
  runCount: number,
  out: Collector,
): void {
  const { policy } = cp;
  const on = {
    iban: detectorOn(policy, 'iban', ctx),
    card: detectorOn(policy, 'card', ctx),
    tax_id: detectorOn(policy, 'tax_id', ctx),
    phone: detectorOn(policy, 'phone', ctx),
  };
  if (!on.iban && !on.card && !on.tax_id && !on.phone) return;
  const report = (name: DetectorName, start: number, end: number, key: string, detail: string): void => {
    if (cp.allow[name].has(key)) return;
    const d = policy.detectors[name];
    const rule = `detector.${name}`;
    out.add(name, start, end, d?.severity ?? ruleDefault(rule).severity, rule, rule, d ?? {}, detail);
  };
  // a number belongs to the first detector that recognises it (an IBAN's digits are not also a card)
  let claimed = -1;
  for (let k = 0; k < runCount; k++) {
    const r = runs[k]!;
    if (r < claimed) continue;
    if (on.iban) {
      const m = detectIban(text, r);
      if (m) {
        report('iban', m.start, m.end, m.compact, m.country);
        claimed = m.end;
        continue;
      }
    }
    if (on.card) {
      const m = detectCard(text, r);
      if (m) {
        report('card', m.start, m.end, text.slice(m.start, m.end).replace(/\D/g, ''), m.issuer);
        claimed = m.end;
        continue;
      }
    }
    if (on.tax_id) {
      const m = detectTaxId(text, r);
      if (m) {
        report('tax_id', m.start, m.end, text.slice(m.start, m.end).replace(/\D/g, ''), 'DE');
        claimed = m.end;
        continue;
      }
    }
    if (on.phone) {
      const m = detectPhone(text, r, region);
      if (m) {
        report('phone', m.start, m.end, m.e164, m.e164);
        claimed = m.end;
      }
    }
  }
}

interface Tags {
  hashtags: TagMatch[];
  mentions: TagMatch[];
}

function detectMarks(
  text: string,
  cp: CompiledPolicy,
  ctx: EvalContext,
  marks: Int32Array,
  markCount: number,
  out: Collector,
): Tags {
  const { policy } = cp;
  const emailOn = detectorOn(policy, 'email', ctx);
  const links = policy.links && inScope(policy.links.scope, ctx) ? policy.links : undefined;
  const tags: Tags = { hashtags: [], mentions: [] };
  let linkEnd = -1;
  let emailEnd = -1;
  for (let k = 0; k < markCount; k++) {
    const m = marks[k]!;
    const c = text.charCodeAt(m);
    if (c === 64) {
      if (emailOn && m >= emailEnd) {
        const e = detectEmail(text, m);
        if (e) {
          emailEnd = e.end;
          const d = policy.detectors.email;
          const domain = e.address.slice(e.address.indexOf('@'));
          if (!cp.allow.email.has(e.address) && !cp.allow.email.has(domain)) {
            out.add(
              'email',
              e.start,
              e.end,
              d?.severity ?? 'warn',
              'detector.email',
              'detector.email',
              d ?? {},
              e.address,
            );
          }
          continue;
        }
      }
      if (cp.needsMentions) {
        const t = detectMention(text, m);
        if (t) tags.mentions.push(t);
      }
    } else if (c === 35) {
      if (cp.needsHashtags) {
        const t = detectHashtag(text, m);
        if (t) tags.hashtags.push(t);
      }
    } else if (links && m >= linkEnd) {
      const l = detectLink(text, m);
      if (l) {
        linkEnd = l.end;
        checkLink(l, cp, out);
      }
    }
  }
  return tags;
}

function checkLink(l: LinkMatch, cp: CompiledPolicy, out: Collector): void {
  const links = cp.policy.links!;
  const meta = { section: links.section };
  const blocked = links.blockedDomains?.domains.find((d) => hostMatches(l.host, d));
  if (blocked && links.blockedDomains) {
    out.add(
      'link',
      l.start,
      l.end,
      links.blockedDomains.severity,
      'links.blocked-domain',
      'links.blocked-domain',
      meta,
      l.host,
    );
  } else if (links.allowedDomains && !links.allowedDomains.domains.some((d) => hostMatches(l.host, d))) {
    out.add(
      'link',
      l.start,
      l.end,
      links.allowedDomains.severity,
      'links.not-allowed',
      'links.not-allowed',
      meta,
      l.host,
    );
  }
  if (links.shorteners && cp.shorteners.some((d) => hostMatches(l.host, d))) {
    out.add(
      'link',
      l.start,
      l.end,
      links.shorteners.severity,
      'links.shortener',
      'links.shortener',
      meta,
      l.host,
    );
  }
  if (links.tracking) {
    for (const p of l.params) {
      if (cp.trackingExact.has(p.name) || cp.trackingPrefixes.some((x) => p.name.startsWith(x))) {
        const rule = 'links.tracking-parameter';
        out.add('link', p.start, p.end, links.tracking.severity, rule, rule, meta, p.name);
      }
    }
  }
}

function runPatterns(
  text: string,
  cp: CompiledPolicy,
  ctx: EvalContext,
  runs: Int32Array,
  runCount: number,
  triggers: number[][],
  out: Collector,
  options: EvalOptions,
): void {
  if (cp.patterns.length === 0) return;
  const now = options.now ?? (() => performance.now());
  const budget = options.patternBudgetMs ?? 250;
  const t0 = now();
  let runEnds: number[] | null = null;
  const matches: PatternMatch[] = [];
  for (const p of cp.patterns) {
    const rule = cp.policy.patterns[p.index]!;
    if (!inScope(rule.scope, ctx)) continue;
    let anchors: number[] = [];
    if (p.anchor === 'literal') anchors = triggers[p.index]!;
    else if (p.anchor === 'digits') {
      if (runEnds === null) {
        runEnds = [];
        for (let k = 0; k < runCount; k++) {
          let e = runs[k]!;
          while (e < text.length && digitValue(text.charCodeAt(e)) >= 0) e++;
          runEnds.push(e);
        }
      }
      for (let k = 0; k < runCount; k++) {
        if (runEnds[k]! - runs[k]! >= p.analysis.minDigitRun) anchors.push(runs[k]!, runEnds[k]!);
      }
    }
    if (p.anchor !== 'whole' && anchors.length === 0) continue;
    matches.length = 0;
    runPattern(p, text, anchors, matches);
    for (const m of matches)
      out.add('pattern', m.start, m.end, rule.severity, `patterns.${rule.id}`, 'patterns', rule, rule.name);
    if (now() - t0 > budget) {
      // never a silent pass: a check that could not finish blocks until it can
      out.add('engine', 0, 0, 'block', 'engine.pattern-budget', 'engine.pattern-budget', {});
      return;
    }
  }
}

function countCodePoints(text: string, upTo: number): number {
  let n = 0;
  for (let i = 0; i < upTo; i++) {
    const c = text.charCodeAt(i);
    if (
      c < 0xdc00 ||
      c > 0xdfff ||
      i === 0 ||
      text.charCodeAt(i - 1) < 0xd800 ||
      text.charCodeAt(i - 1) > 0xdbff
    )
      n++;
  }
  return n;
}

/** The UTF-16 offset after `count` code points. */
function offsetOfCodePoint(text: string, count: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const low =
      c >= 0xdc00 &&
      c <= 0xdfff &&
      i > 0 &&
      text.charCodeAt(i - 1) >= 0xd800 &&
      text.charCodeAt(i - 1) <= 0xdbff;
    if (!low) {
      if (seen === count) return i;
      seen++;
    }
  }
  return text.length;
}

function wholeTextRules(
  text: string,
  cp: CompiledPolicy,
  ctx: EvalContext,
  tags: Tags,
  disclosureSeen: Set<number>,
  employerSeen: Set<number>,
  out: Collector,
): void {
  const { policy } = cp;
  const n = text.length;
  policy.disclosures.forEach((d, i) => {
    if (!inScope(d.scope, ctx)) return;
    const required =
      d.when === 'always' ||
      ctx.isAboutEmployer === true ||
      (ctx.isAboutEmployer === undefined && employerSeen.has(i));
    if (!required || disclosureSeen.has(i)) return;
    if (tags.hashtags.some((t) => cp.disclosureTags[i]!.has(t.value))) return;
    if (tags.mentions.some((t) => cp.disclosureMentions[i]!.has(t.value))) return;
    out.add('disclosure', n, n, d.severity, `disclosures.${d.id}`, 'disclosures', d, d.anyOf.join(' / '));
  });
  const tagRules = (
    kind: 'hashtag' | 'mention',
    rules: Policy['hashtags'],
    sets: Set<string>[],
    found: TagMatch[],
  ): void => {
    const prefix = kind === 'hashtag' ? 'hashtags' : 'mentions';
    rules.forEach((r, i) => {
      if (!inScope(r.scope, ctx)) return;
      const set = sets[i]!;
      if (r.mode === 'forbidden') {
        for (const t of found)
          if (set.has(t.value))
            out.add(kind, t.start, t.end, r.severity, `${prefix}.${r.id}`, `${prefix}.forbidden`, r);
      } else if (!found.some((t) => set.has(t.value))) {
        out.add(kind, n, n, r.severity, `${prefix}.${r.id}`, `${prefix}.required`, r, r.values.join(' / '));
      }
    });
  };
  tagRules('hashtag', policy.hashtags, cp.hashtagRules, tags.hashtags);
  tagRules('mention', policy.mentions, cp.mentionRules, tags.mentions);
  for (const r of policy.networks) {
    if (!ctx.network || !r.networks.includes(ctx.network) || !inScope(r.scope, ctx)) continue;
    if (r.forbidden)
      out.add('network', 0, 0, r.severity, `networks.${r.id}`, 'networks.forbidden', r, ctx.network);
    if (r.maxLength !== undefined && text.length > r.maxLength && countCodePoints(text, n) > r.maxLength) {
      const from = offsetOfCodePoint(text, r.maxLength);
      out.add(
        'network',
        from,
        n,
        r.severity,
        `networks.${r.id}`,
        'networks.max-length',
        r,
        String(r.maxLength),
      );
    }
  }
}
