// The guideline engine's public surface: modules and the CLI import from here.
export { type CheckOptions, checkHelp, runCheck } from './check-cli.ts';
export { compilePolicy } from './compile.ts';
export { type EvalOptions, evaluate, inScope } from './evaluate.ts';
export {
  BUILTIN_POLICY,
  DETECTORS,
  type DetectorName,
  type ParsePolicyResult,
  type Policy,
  type PolicyInput,
  parsePolicy,
  policySchema,
  type Scope,
  scopeSchema,
  TERM_CATEGORIES,
  VALIDATORS,
  type ValidatorName,
} from './policy-schema.ts';
export { analysePattern } from './regex-analysis.ts';
export { type Highlight, type Lang, type Rendered, type RenderedMessage, render } from './render.ts';
export { GUIDELINE_SECTIONS, type GuidelineSection, RULE_DEFAULTS, type RuleDefault } from './sections.ts';
export type { Decision, EvalContext, Finding, FindingKind, Localized, PostKind, Severity } from './types.ts';
