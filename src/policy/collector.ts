// Building findings with their section and explanation, and deciding whether a rule's scope covers a context.
import type { Scope } from './policy-schema.ts';
import { ruleDefault } from './sections.ts';
import type { EvalContext, Finding, FindingKind, Localized, Severity } from './types.ts';

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

export interface RuleMeta {
  section?: string | undefined;
  explanation?: Localized | undefined;
}

export class Collector {
  readonly findings: Finding[] = [];
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  /** `defaults` names the RULE_DEFAULTS entry that supplies section and explanation where `meta` has none. */
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
