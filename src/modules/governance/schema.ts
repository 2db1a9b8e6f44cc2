import { z } from 'zod';

// The DTOs of the governance API, shared with the web client through the OpenAPI description.
export const idParams = z.strictObject({ id: z.uuid() });
export const versionParams = z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000) });

const localized = (max: number) =>
  z.strictObject({ de: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const localizedText = (max: number) => z.strictObject({ de: z.string().max(max), en: z.string().max(max) });
const severity = z.enum(['block', 'warn', 'info']);
const ownership = z.enum(['company', 'personal']);

/**
 * The zod limit is only a guard against absurd bodies (the body limit is 1 MiB anyway); the check itself
 * answers a too-long text with 413 text_too_long, which says how long it may be.
 */
export const checkBody = z.strictObject({
  text: z.string().max(1_048_576),
  network: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/i)
    .optional(),
  channelOwnership: ownership.optional(),
  departmentId: z.uuid().nullable().optional(),
});

export const renderedFindingSchema = z.object({
  kind: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  severity,
  rule: z.string(),
  section: z.string(),
  sectionTitle: z.string(),
  label: z.string(),
  explanation: z.string(),
  detail: z.string().optional(),
});

export const checkResultSchema = z.object({
  policyVersion: z.number().int(),
  blocked: z.boolean(),
  warned: z.boolean(),
  summary: z.string(),
  highlights: z.array(
    z.object({
      start: z.number().int(),
      end: z.number().int(),
      severity,
      findings: z.array(z.number().int()),
    }),
  ),
  findings: z.array(renderedFindingSchema),
});

export const policyBody = z.strictObject({
  /** Validated by the guideline engine's parsePolicy, which names every problem. */
  policy: z.unknown(),
  note: z.string().max(500).optional(),
});

export const tryPolicyBody = checkBody.extend({ policy: z.unknown() });

export const policyVersionSchema = z.object({
  version: z.number().int(),
  note: z.string(),
  createdAt: z.iso.datetime(),
  createdByLabel: z.string(),
});

export const policySchemaDto = policyVersionSchema.extend({ policy: z.record(z.string(), z.unknown()) });

export const overrideBody = z.strictObject({
  subjectType: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  subjectId: z.string().trim().min(1).max(200),
  subjectLabel: z.string().trim().min(1).max(200),
  text: z.string().max(1_048_576),
  network: checkBody.shape.network,
  channelOwnership: ownership.optional(),
  departmentId: z.uuid().nullable().optional(),
  reason: z.string().max(2000),
});

export const reviewItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['override', 'flagged']),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectLabel: z.string(),
  text: z.string(),
  policyVersion: z.number().int(),
  reason: z.string().nullable(),
  actorLabel: z.string(),
  createdAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewedByLabel: z.string().nullable(),
  reviewNote: z.string().nullable(),
  /** The findings as they were when the text went out, rendered in the reader's language. */
  check: checkResultSchema,
});

export const reviewQuery = z.strictObject({
  status: z.enum(['open', 'reviewed', 'all']).default('open'),
  kind: z.enum(['override', 'flagged']).optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const reviewBody = z.strictObject({ note: z.string().trim().min(1).max(2000) });

export const guidelineInputBody = z.strictObject({
  title: localized(200),
  body: z.strictObject({
    de: z.string().trim().min(1).max(200_000),
    en: z.string().trim().min(1).max(200_000),
  }),
  note: z.string().max(500).optional(),
});

export const guidelineSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  title: z.object({ de: z.string(), en: z.string() }),
  body: z.object({ de: z.string(), en: z.string() }),
  note: z.string(),
  publishedAt: z.iso.datetime(),
  publishedByLabel: z.string(),
});

export const acknowledgeBody = z.strictObject({ version: z.number().int().min(1) });

const quizOption = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i),
  text: localized(500),
  correct: z.boolean(),
});
const quizQuestion = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/i),
  kind: z.enum(['single', 'multiple']),
  prompt: localized(1000),
  options: z.array(quizOption).min(2).max(10),
});

export const trainingInputBody = z.strictObject({
  title: localized(200),
  summary: localizedText(1000),
  content: z.strictObject({
    de: z.string().trim().min(1).max(200_000),
    en: z.string().trim().min(1).max(200_000),
  }),
  questions: z.array(quizQuestion).min(1).max(50),
  passMark: z.number().int().min(1).max(100),
  requiredFor: z.strictObject({ company: z.boolean(), personal: z.boolean() }),
  archived: z.boolean().optional(),
});

const myStatus = z.object({
  passed: z.boolean(),
  bestScore: z.number().int().nullable(),
  attempts: z.number().int(),
  lastAttemptAt: z.iso.datetime().nullable(),
});

export const trainingSummarySchema = z.object({
  id: z.uuid(),
  title: z.object({ de: z.string(), en: z.string() }),
  summary: z.object({ de: z.string(), en: z.string() }),
  passMark: z.number().int(),
  questionCount: z.number().int(),
  requiredFor: z.object({ company: z.boolean(), personal: z.boolean() }),
  archived: z.boolean(),
  revision: z.number().int(),
  updatedAt: z.iso.datetime(),
  myStatus,
});

export const trainingSchema = trainingSummarySchema.extend({
  content: z.object({ de: z.string(), en: z.string() }),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['single', 'multiple']),
      prompt: z.object({ de: z.string(), en: z.string() }),
      options: z.array(
        z.object({
          id: z.string(),
          text: z.object({ de: z.string(), en: z.string() }),
          /** Only for people who may edit the module (?answers=true). */
          correct: z.boolean().optional(),
        }),
      ),
    }),
  ),
});

export const trainingQuery = z.strictObject({ answers: z.enum(['true', 'false']).default('false') });
export const trainingListQuery = z.strictObject({ archived: z.enum(['true', 'false']).default('false') });

export const attemptBody = z.strictObject({
  answers: z.record(z.string().max(40), z.array(z.string().max(40)).max(10)),
});

export const attemptResultSchema = z.object({
  score: z.number().int(),
  passed: z.boolean(),
  passMark: z.number().int(),
  correctCount: z.number().int(),
  total: z.number().int(),
  questions: z.array(z.object({ id: z.string(), correct: z.boolean() })),
});

const rightsSchema = z.object({
  allowed: z.boolean(),
  missing: z.array(
    z.object({
      kind: z.enum(['acknowledgement', 'training']),
      id: z.string(),
      title: z.string(),
      path: z.string(),
    }),
  ),
});

export const postingRightsSchema = z.object({ company: rightsSchema, personal: rightsSchema });

export const readinessBody = z.strictObject({
  answers: z.record(z.string().max(80), z.number().int().min(0).max(4)),
});
