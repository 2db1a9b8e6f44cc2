// evaluate(text, policy, context) → Decision: pure, synchronous, no I/O. One scan of the text finds terms,
// pattern triggers and the positions the detectors start from; the detectors validate what they find; rules
// about the text as a whole (disclosures, hashtags, networks) come last. Work that a post does not need (no
// digits, no hits) costs nothing: on the hot path this runs on every keystroke and every inbound message.
import { C_IGNORABLE, charClass, digitValue, letterUpper, separatorKind } from './chars.ts';
import { Collector, inScope } from './collector.ts';
import { type CompiledPolicy, compilePolicy } from './compile.ts';
import { detectCard } from './detectors/card.ts';
import { detectIban } from './detectors/iban.ts';
import { prevCode } from './detectors/number-token.ts';
import { detectPhone, isNanp } from './detectors/phone.ts';
import { detectTaxId } from './detectors/tax-id.ts';
import { type ScanResult, scan } from './matcher.ts';
import type { DetectorName, Policy } from './policy-schema.ts';
import { runPatterns } from './run-patterns.ts';
import { ruleDefault } from './sections.ts';
import { detectMarks, type Tags, wholeTextRules } from './text-rules.ts';
import type { Decision, EvalContext, Severity } from './types.ts';

export { inScope };

export interface EvalOptions {
  /** Time budget for the policy's patterns; past it the decision carries a blocking 'engine' finding. */
  patternBudgetMs?: number;
  /** Clock for that budget (injected in tests). */
  now?: () => number;
}

const SEVERITY_RANK: Record<Severity, number> = { block: 0, warn: 1, info: 2 };
const NONE: ReadonlySet<number> = new Set();

export function evaluate(
  text: string,
  policy: Policy,
  context: EvalContext,
  options: EvalOptions = {},
): Decision {
  const cp = compilePolicy(policy);
  const out = new Collector(text);
  const res = scan(cp.automaton, text);
  let disclosureSeen = NONE;
  let employerSeen = NONE;
  let triggered: Set<number> | null = null;
  if (res.hitCount > 0) {
    const seen = collectHits(res, cp, context, out);
    disclosureSeen = seen.disclosure;
    employerSeen = seen.employer;
    triggered = seen.triggered;
  }
  if (res.runCount > 0) detectNumbers(text, cp, context, res, out);
  const tags: Tags = { hashtags: [], mentions: [] };
  const emailOn = detectorOn(policy, 'email', context);
  if (res.markCount > 0) detectMarks(text, cp, context, emailOn, res.marks, res.markCount, out, tags);
  if (cp.patterns.length > 0 && (triggered !== null || res.runCount > 0 || cp.hasWholePatterns)) {
    runPatterns(text, cp, context, res, triggered, out, options);
  }
  if (cp.hasTextRules) wholeTextRules(text, cp, context, tags, disclosureSeen, employerSeen, out);

  const findings = out.findings;
  if (findings.length > 1) {
    findings.sort(
      (a, b) => a.start - b.start || a.end - b.end || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
    );
  }
  const counts: Record<Severity, number> = { block: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { policyId: policy.id, policyVersion: policy.version, blocked: counts.block > 0, findings, counts };
}

/** Terms become findings (the longest per list and start); the other hits are remembered for later rules. */
function collectHits(res: ScanResult, cp: CompiledPolicy, ctx: EvalContext, out: Collector) {
  const { hits, hitCount } = res;
  const { policy, owners } = cp;
  const disclosure = new Set<number>();
  const employer = new Set<number>();
  let triggered: Set<number> | null = null;
  const terms: number[] = [];
  let active: Map<number, boolean> | null = null;
  for (let h = 0; h < hitCount; h++) {
    const owner = owners[hits[h * 3]!]!;
    if (owner.type === 'trigger') {
      triggered ??= new Set();
      triggered.add(owner.pattern);
    } else if (owner.type === 'disclosure') disclosure.add(owner.rule);
    else if (owner.type === 'employer') employer.add(owner.rule);
    else {
      active ??= new Map();
      let on = active.get(owner.list);
      if (on === undefined) {
        on = inScope(policy.terms[owner.list]!.scope, ctx);
        active.set(owner.list, on);
      }
      if (on) terms.push(h);
    }
  }
  if (terms.length > 0) {
    // one finding per list and start: the longest term ("Projekt Nordlicht" over "Projekt")
    const listOf = (h: number): number => (owners[hits[h * 3]!] as { list: number }).list;
    terms.sort(
      (x, y) =>
        listOf(x) - listOf(y) || hits[x * 3 + 1]! - hits[y * 3 + 1]! || hits[y * 3 + 2]! - hits[x * 3 + 2]!,
    );
    let prevList = -1;
    let prevStart = -1;
    for (const h of terms) {
      const owner = owners[hits[h * 3]!]!;
      if (owner.type !== 'term') continue;
      const start = hits[h * 3 + 1]!;
      if (owner.list === prevList && start === prevStart) continue;
      prevList = owner.list;
      prevStart = start;
      const list = policy.terms[owner.list]!;
      const end = hits[h * 3 + 2]!;
      out.add(
        'term',
        start,
        end,
        list.severity,
        `terms.${list.id}`,
        `terms.${list.category}`,
        list,
        owner.term,
      );
    }
  }
  return { disclosure, employer, triggered };
}

function detectorOn(policy: Policy, name: DetectorName, ctx: EvalContext): boolean {
  const d = policy.detectors[name];
  return d === undefined || (d.enabled !== false && inScope(d.scope, ctx));
}

function report(
  cp: CompiledPolicy,
  out: Collector,
  name: DetectorName,
  start: number,
  end: number,
  key: string,
  detail: string,
): void {
  if (cp.allow[name].has(key)) return;
  const d = cp.policy.detectors[name];
  const rule = `detector.${name}`;
  out.add(name, start, end, d?.severity ?? ruleDefault(rule).severity, rule, rule, d ?? {}, detail);
}

function detectNumbers(
  text: string,
  cp: CompiledPolicy,
  ctx: EvalContext,
  res: ScanResult,
  out: Collector,
): void {
  const { runs, runEnds, runCount } = res;
  const { policy } = cp;
  const iban = detectorOn(policy, 'iban', ctx);
  const card = detectorOn(policy, 'card', ctx);
  const tax = detectorOn(policy, 'tax_id', ctx);
  const phone = detectorOn(policy, 'phone', ctx);
  if (!iban && !card && !tax && !phone) return;
  const region = ctx.region ?? policy.defaultRegion;
  const nanp = phone && isNanp(region);
  const n = text.length;
  // a number belongs to the first detector that recognises it (an IBAN's digits are not also a card)
  let claimed = -1;
  for (let k = 0; k < runCount; k++) {
    const r = runs[k]!;
    if (r < claimed) continue;
    // Most digit runs are years, prices and dates: a run not followed by a separator and another digit is
    // a whole number, and its length alone rules most detectors out before any of them parses it.
    const end = runEnds[k]!;
    const e = end < 0 ? ~end : end;
    const len = e - r;
    const after = e < n ? text.charCodeAt(e) : -1;
    const simple =
      after < 0 ||
      (charClass(after) !== C_IGNORABLE &&
        !(separatorKind(after) !== 0 && e + 1 < n && digitValue(text.charCodeAt(e + 1)) >= 0));
    if (
      iban &&
      r >= 2 &&
      letterUpper(text.charCodeAt(r - 1)) >= 0 &&
      letterUpper(text.charCodeAt(r - 2)) >= 0
    ) {
      const m = detectIban(text, r);
      if (m) {
        report(cp, out, 'iban', m.start, m.end, m.compact, m.country);
        claimed = m.end;
        continue;
      }
    }
    if (card && (!simple || (len >= 13 && len <= 19))) {
      const m = detectCard(text, r);
      if (m) {
        report(cp, out, 'card', m.start, m.end, text.slice(m.start, m.end).replace(/\D/g, ''), m.issuer);
        claimed = m.end;
        continue;
      }
    }
    if (tax && (!simple || len === 11)) {
      const m = detectTaxId(text, r);
      if (m) {
        report(cp, out, 'tax_id', m.start, m.end, text.slice(m.start, m.end).replace(/\D/g, ''), 'DE');
        claimed = m.end;
        continue;
      }
    }
    if (phone) {
      // a phone number starts with its trunk 0, or follows '+' or '(' (NANP numbers start anywhere)
      const lead = digitValue(text.charCodeAt(r)) === 0 || nanp;
      const prev = lead ? 0 : prevCode(text, r).code;
      if (lead || prev === 43 || prev === 40 || (prev === 32 && prevCode(text, r - 1).code === 43)) {
        const m = detectPhone(text, r, region);
        if (m) {
          report(cp, out, 'phone', m.start, m.end, m.e164, m.e164);
          claimed = m.end;
        }
      }
    }
  }
}
