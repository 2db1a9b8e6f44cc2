// Checking a text against the organisation's current policy: the use case behind POST /guidelines/check
// and the function the publishing module calls before anything goes out.
import type { Context } from '../../context.ts';
import { DomainError } from '../../platform/http/problem.ts';
import {
  type Decision,
  type EvalContext,
  evaluate,
  type Finding,
  type Lang,
  type Policy,
  render,
  type Severity,
} from '../../policy/index.ts';
import { currentPolicy } from './policy-store.ts';

/**
 * The longest text checked, in UTF-16 code units. A post is at most a few thousand characters and a long
 * blog article some tens of thousands; the limit keeps one request from holding a worker on a megabyte.
 */
export const MAX_CHECK_CHARS = 100_000;

export type ChannelOwnership = 'company' | 'personal';

export interface CheckInput {
  text: string;
  network?: string;
  channelOwnership?: ChannelOwnership;
  departmentId?: string | null;
  role?: string;
}

export interface CheckResult {
  /** The policy version the findings come from (0: no policy saved yet, built-in detectors only). */
  policyVersion: number;
  findings: Finding[];
  blocked: boolean;
  warned: boolean;
}

export function assertCheckable(text: string): void {
  if (text.length > MAX_CHECK_CHARS) {
    throw new DomainError(413, 'text_too_long', { length: text.length, limit: MAX_CHECK_CHARS });
  }
}

/** Runs the engine with one policy; pure apart from the size check. */
export function checkWith(policy: Policy, version: number, region: string, input: CheckInput): CheckResult {
  assertCheckable(input.text);
  const context: EvalContext = { kind: input.channelOwnership ?? 'company', region };
  if (input.network) context.network = input.network.toLowerCase();
  if (input.departmentId) context.departmentId = input.departmentId;
  if (input.role) context.role = input.role;
  const d = evaluate(input.text, policy, context);
  return { policyVersion: version, findings: d.findings, blocked: d.blocked, warned: d.counts.warn > 0 };
}

export async function checkText(ctx: Context, orgId: string, input: CheckInput): Promise<CheckResult> {
  assertCheckable(input.text);
  const loaded = await currentPolicy(ctx.db, orgId);
  return checkWith(loaded.policy, loaded.version, loaded.region, input);
}

/**
 * The organisation's current policy loaded once for many texts: a batch of due posts is checked with one
 * read of the policy instead of one per post.
 */
export async function textChecker(ctx: Context, orgId: string): Promise<(input: CheckInput) => CheckResult> {
  const loaded = await currentPolicy(ctx.db, orgId);
  return (input) => checkWith(loaded.policy, loaded.version, loaded.region, input);
}

export interface RenderedFinding {
  kind: Finding['kind'];
  start: number;
  end: number;
  text: string;
  severity: Severity;
  rule: string;
  section: string;
  sectionTitle: string;
  /** "IBAN", "Kartennummer", … */
  label: string;
  /** Why the rule exists and what follows from breaking it, in the reader's language. */
  explanation: string;
  detail?: string;
}

export interface RenderedCheck {
  policyVersion: number;
  blocked: boolean;
  warned: boolean;
  summary: string;
  /** Spans to colour, merged where findings overlap; indexes point into findings. */
  highlights: { start: number; end: number; severity: Severity; findings: number[] }[];
  /** In the order of the text. */
  findings: RenderedFinding[];
}

function decisionOf(policyVersion: number, findings: Finding[]): Decision {
  const counts: Record<Severity, number> = { block: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { policyId: '', policyVersion, blocked: counts.block > 0, findings, counts };
}

/** Findings as a reader sees them: label, explanation and guideline section in their language. */
export function renderFindings(policyVersion: number, findings: Finding[], lang: Lang): RenderedCheck {
  const decision = decisionOf(policyVersion, findings);
  const r = render(decision, { lang });
  const byIndex = new Map(r.messages.map((m) => [m.finding, m]));
  return {
    policyVersion,
    blocked: decision.blocked,
    warned: decision.counts.warn > 0,
    summary: r.summary,
    highlights: r.highlights,
    findings: findings.map((f, i) => {
      const m = byIndex.get(i)!;
      return {
        kind: f.kind,
        start: f.start,
        end: f.end,
        text: f.text,
        severity: f.severity,
        rule: f.rule,
        section: f.section,
        sectionTitle: m.sectionTitle,
        label: m.label,
        explanation: m.message,
        ...(f.detail !== undefined ? { detail: f.detail } : {}),
      };
    }),
  };
}
