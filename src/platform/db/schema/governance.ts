import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './identity.ts';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();
/** Who did it, kept as id and label: the label stays readable after the user row changes. */
const byId = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });
const byLabel = (name: string) => text(name).notNull();

/**
 * The guideline engine's policy per organisation. Every save is a new row with the next version, never an
 * update: a decision names the version it used, so the version it names must stay readable.
 */
export const guidelinePolicies = pgTable(
  'guideline_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    version: integer('version').notNull(),
    /**
     * The policy as it was saved (validated by parsePolicy, defaults not expanded), with this version. json,
     * not jsonb: people edit it, and jsonb would reorder their keys.
     */
    policy: json('policy').$type<Record<string, unknown>>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: byId('created_by'),
    createdByLabel: byLabel('created_by_label'),
    createdAt: at('created_at'),
  },
  (t) => [uniqueIndex('guideline_policies_org_version_uq').on(t.orgId, t.version)],
);

/** The guideline document people read and acknowledge: one row per published version, German and English. */
export const guidelineDocuments = pgTable(
  'guideline_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    version: integer('version').notNull(),
    titleDe: text('title_de').notNull(),
    titleEn: text('title_en').notNull(),
    /** Markdown; rendered without raw HTML. */
    bodyDe: text('body_de').notNull(),
    bodyEn: text('body_en').notNull(),
    note: text('note').notNull().default(''),
    publishedBy: byId('published_by'),
    publishedByLabel: byLabel('published_by_label'),
    publishedAt: at('published_at'),
  },
  (t) => [uniqueIndex('guideline_documents_org_version_uq').on(t.orgId, t.version)],
);

export const guidelineAcknowledgements = pgTable(
  'guideline_acknowledgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => guidelineDocuments.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    acknowledgedAt: at('acknowledged_at'),
  },
  (t) => [
    uniqueIndex('guideline_ack_org_user_version_uq').on(t.orgId, t.userId, t.version),
    index('guideline_ack_org_version_idx').on(t.orgId, t.version),
  ],
);

export interface QuizOption {
  id: string;
  text: { de: string; en: string };
  correct: boolean;
}

export interface QuizQuestion {
  id: string;
  kind: 'single' | 'multiple';
  prompt: { de: string; en: string };
  options: QuizOption[];
}

export const trainingModules = pgTable(
  'training_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    titleDe: text('title_de').notNull(),
    titleEn: text('title_en').notNull(),
    summaryDe: text('summary_de').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    contentDe: text('content_de').notNull(),
    contentEn: text('content_en').notNull(),
    questions: jsonb('questions').$type<QuizQuestion[]>().notNull(),
    /** Percentage of questions answered correctly that passes (1–100). */
    passMark: integer('pass_mark').notNull(),
    requiredForCompany: boolean('required_for_company').notNull().default(false),
    requiredForPersonal: boolean('required_for_personal').notNull().default(false),
    /** Increases with every change; a completion records the revision it was taken on. */
    revision: integer('revision').notNull().default(1),
    archived: boolean('archived').notNull().default(false),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('training_modules_org_idx').on(t.orgId),
    check('training_modules_pass_mark_ck', sql`${t.passMark} between 1 and 100`),
  ],
);

/** Every attempt at a module's quiz, graded on the server. */
export const trainingCompletions = pgTable(
  'training_completions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => trainingModules.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    /** Percentage of questions answered correctly. */
    score: integer('score').notNull(),
    passed: boolean('passed').notNull(),
    answers: jsonb('answers').$type<Record<string, string[]>>().notNull(),
    completedAt: at('completed_at'),
  },
  (t) => [
    index('training_completions_org_user_idx').on(t.orgId, t.userId),
    index('training_completions_org_module_idx').on(t.orgId, t.moduleId),
  ],
);

/**
 * The compliance review queue: texts published despite a blocking finding (override, with a reason) or with
 * warnings (flagged). Keeps the text and the findings as they were, and the policy version that found them.
 */
export const guidelineReviewItems = pgTable(
  'guideline_review_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    /** What the text belongs to, e.g. 'post' and its id, and its name at the time. */
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    subjectLabel: text('subject_label').notNull(),
    text: text('text').notNull(),
    findings: jsonb('findings').$type<unknown[]>().notNull(),
    policyVersion: integer('policy_version').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label').notNull(),
    createdAt: at('created_at'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedByLabel: text('reviewed_by_label'),
    reviewNote: text('review_note'),
  },
  (t) => [
    index('guideline_review_org_created_idx').on(t.orgId, t.createdAt),
    check('guideline_review_kind_ck', sql`${t.kind} in ('override', 'flagged')`),
  ],
);

/** Results of the readiness self-check: the latest is the organisation's current standing, the rest history. */
export const readinessAssessments = pgTable(
  'readiness_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    /** Scores per area and the next steps, as computed when it was taken (the questions may change later). */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    overall: integer('overall').notNull(),
    createdBy: byId('created_by'),
    createdByLabel: byLabel('created_by_label'),
    createdAt: at('created_at'),
  },
  (t) => [index('readiness_org_created_idx').on(t.orgId, t.createdAt)],
);
