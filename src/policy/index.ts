// The guideline engine's public surface: modules import from here. It runs in Node and in the browser; the
// `chorus check` command (the only part that reads a file) is imported from './check-cli.ts' directly.
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
