// The policy format, as a zod schema: the API validates a policy with it before saving, so a bad policy is
// rejected with a clear message instead of failing (or silently passing) at send time.
import { z } from 'zod';
import { analysePattern } from './regex-analysis.ts';

export const VALIDATORS = ['luhn', 'mod97', 'iban', 'mod11-10', 'tax_id', 'gtin'] as const;
export type ValidatorName = (typeof VALIDATORS)[number];

export const DETECTORS = ['iban', 'card', 'tax_id', 'email', 'phone'] as const;
export type DetectorName = (typeof DETECTORS)[number];

export const TERM_CATEGORIES = ['code-name', 'customer', 'banned', 'risky', 'competitor', 'other'] as const;

const severity = z.enum(['block', 'warn', 'info']);
const postKind = z.enum(['company', 'personal', 'reply', 'share']);
const localized = z.strictObject({ de: z.string().min(1), en: z.string().min(1) });
const ruleId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/i,
    'use letters, digits, "-" and "_" (at most 64), starting with a letter or digit',
  );
const sectionId = z
  .string()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'a section id looks like "confidentiality.bank-data"');
const name = z.string().min(1).max(200);

/** Where a rule applies; every listed dimension must match, a missing one matches everything. */
export const scopeSchema = z.strictObject({
  networks: z.array(z.string().min(1)).optional(),
  channels: z.array(z.string().min(1)).optional(),
  departments: z.array(z.string().min(1)).optional(),
  roles: z.array(z.string().min(1)).optional(),
  kinds: z.array(postKind).optional(),
});

const common = {
  id: ruleId,
  name: name.optional(),
  scope: scopeSchema.optional(),
  section: sectionId.optional(),
  explanation: localized.optional(),
};

const detectorSchema = z.strictObject({
  enabled: z.boolean().optional(),
  severity: severity.optional(),
  scope: scopeSchema.optional(),
  section: sectionId.optional(),
  explanation: localized.optional(),
  /**
   * Values that may be published (the press office's address, the public hotline, the donation account),
   * compared without separators and case; for email an entry "@example.com" allows a whole domain.
   */
  allow: z.array(z.string().min(1)).optional(),
});

const termListSchema = z.strictObject({
  ...common,
  severity,
  category: z.enum(TERM_CATEGORIES).default('other'),
  terms: z.array(z.string().trim().min(1).max(200)).min(1).max(100_000),
});

const patternSchema = z
  .strictObject({
    ...common,
    severity,
    pattern: z.string(),
    flags: z
      .string()
      .regex(/^(?!.*(.).*\1)[imsu]*$/, 'flags may be i, m, s and u, each once')
      .default(''),
    validator: z.enum(VALIDATORS).optional(),
  })
  .superRefine((p, ctx) => {
    const r = analysePattern(p.pattern, p.flags);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['pattern'], message: r.error });
  });

const domain = z
  .string()
  .transform((s) => s.trim().toLowerCase().replace(/^\*\./, ''))
  .pipe(z.string().regex(/^([a-z0-9-]+\.)+[a-z0-9-]{2,}$|^xn--/, 'a domain looks like "example.com"'));

const linksSchema = z.strictObject({
  scope: scopeSchema.optional(),
  section: sectionId.optional(),
  blockedDomains: z
    .strictObject({ domains: z.array(domain).min(1), severity: severity.default('block') })
    .optional(),
  allowedDomains: z
    .strictObject({ domains: z.array(domain).min(1), severity: severity.default('warn') })
    .optional(),
  shorteners: z
    .strictObject({ domains: z.array(domain).optional(), severity: severity.default('warn') })
    .optional(),
  tracking: z
    .strictObject({
      parameters: z
        .array(z.string().regex(/^[a-z0-9_.-]+\*?$/i, 'a parameter name, optionally ending in *'))
        .optional(),
      severity: severity.default('info'),
    })
    .optional(),
});

const disclosureSchema = z.strictObject({
  ...common,
  severity,
  /** Any one of these (hashtags like "#Mitarbeiter" or phrases like "Ich arbeite bei") satisfies the rule. */
  anyOf: z.array(z.string().trim().min(1)).min(1),
  when: z.enum(['about-employer', 'always']).default('about-employer'),
  /** Names of the employer and its products: their presence makes a post "about the employer". */
  employerTerms: z.array(z.string().trim().min(1)).default([]),
});

const tagRuleSchema = z.strictObject({
  ...common,
  severity,
  mode: z.enum(['required', 'forbidden']),
  values: z.array(z.string().trim().min(2)).min(1),
});

const networkRuleSchema = z
  .strictObject({
    ...common,
    severity,
    networks: z.array(z.string().min(1)).min(1),
    maxLength: z.int().positive().optional(),
    forbidden: z.boolean().optional(),
  })
  .refine((r) => r.maxLength !== undefined || r.forbidden === true, {
    message: 'a network rule needs maxLength or forbidden: true',
  });

export const policySchema = z
  .strictObject({
    id: z.string().min(1).max(100),
    version: z.int().positive(),
    name: name.optional(),
    orgId: z.string().optional(),
    defaultRegion: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166 region code such as "DE"')
      .default('DE'),
    detectors: z
      .strictObject({
        iban: detectorSchema.optional(),
        card: detectorSchema.optional(),
        tax_id: detectorSchema.optional(),
        email: detectorSchema.optional(),
        phone: detectorSchema.optional(),
      })
      .default({}),
    terms: z.array(termListSchema).default([]),
    patterns: z.array(patternSchema).max(500).default([]),
    links: linksSchema.optional(),
    disclosures: z.array(disclosureSchema).default([]),
    hashtags: z.array(tagRuleSchema).default([]),
    mentions: z.array(tagRuleSchema).default([]),
    networks: z.array(networkRuleSchema).default([]),
  })
  .superRefine((p, ctx) => {
    for (const key of ['terms', 'patterns', 'disclosures', 'hashtags', 'mentions', 'networks'] as const) {
      const seen = new Set<string>();
      p[key].forEach((r, i) => {
        if (seen.has(r.id))
          ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${r.id}"` });
        seen.add(r.id);
      });
    }
    const total = p.terms.reduce((n, l) => n + l.terms.length, 0);
    if (total > 200_000)
      ctx.addIssue({ code: 'custom', path: ['terms'], message: 'more than 200,000 terms in all' });
  });

export type Policy = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
export type Scope = z.output<typeof scopeSchema>;

export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(policy)';
}

/** Validates untrusted input (an API body, a file) into a Policy, or says clearly what is wrong with it. */
export function parsePolicy(input: unknown): ParsePolicyResult {
  const r = policySchema.safeParse(input);
  if (r.success) return { ok: true, policy: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
}

/** The policy with nothing but the built-in detectors, as `chorus check` uses without --policy. */
export const BUILTIN_POLICY: Policy = policySchema.parse({ id: 'builtin', version: 1 });
