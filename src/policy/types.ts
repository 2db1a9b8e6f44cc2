// The engine's public value types. The Policy type itself is inferred from its zod schema (policy-schema.ts).

export type Severity = 'block' | 'warn' | 'info';
export type PostKind = 'company' | 'personal' | 'reply' | 'share';

/** Both languages of every word a user reads (PRODUCT.md: German and English throughout). */
export interface Localized {
  de: string;
  en: string;
}

export type FindingKind =
  | 'iban'
  | 'card'
  | 'tax_id'
  | 'email'
  | 'phone'
  | 'term'
  | 'pattern'
  | 'link'
  | 'disclosure'
  | 'hashtag'
  | 'mention'
  | 'network'
  | 'engine';

export interface Finding {
  kind: FindingKind;
  /**
   * JavaScript string offsets into the evaluated text (UTF-16 code units, end exclusive). A finding about the
   * text as a whole (a missing disclosure, a network the post may not go to) has start === end: the point
   * where the fix belongs (the end of the text for something missing, 0 otherwise).
   */
  start: number;
  end: number;
  /** The matched text exactly as it stands in the post ('' for findings about the whole text). */
  text: string;
  severity: Severity;
  /** e.g. 'detector.iban', 'terms.code-names', 'patterns.customer-number', 'links.shortener'. */
  rule: string;
  /** Section id of the guideline document this rule comes from, e.g. 'confidentiality.bank-data'. */
  section: string;
  /** Why the rule exists and what follows from breaking it. */
  explanation: Localized;
  /** What the detector recognised, e.g. the card issuer, the IBAN country, the phone number in E.164. */
  detail?: string;
}

export interface Decision {
  policyId: string;
  policyVersion: number;
  /** True when any finding has severity 'block': publishing is disabled unless overridden. */
  blocked: boolean;
  /** Sorted by start, then end, then severity (block first). */
  findings: Finding[];
  counts: Record<Severity, number>;
}

export interface EvalContext {
  /** Network the text goes to: 'mastodon', 'bluesky', 'linkedin', 'xing', 'x', 'facebook', 'instagram', … */
  network?: string;
  channelId?: string;
  departmentId?: string;
  role?: string;
  kind: PostKind;
  /**
   * Whether the post is about the employer (its products, its business). When undefined, a disclosure rule
   * decides from its employer terms appearing in the text.
   */
  isAboutEmployer?: boolean;
  /** ISO 3166 region for national phone numbers; the policy's defaultRegion otherwise. */
  region?: string;
}
