// Training modules: content and a short quiz; attempts graded on the server and kept with their score.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import {
  type QuizQuestion,
  trainingCompletions,
  trainingModules,
} from '../../platform/db/schema/governance.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type Answers, type Graded, gradeQuiz, quizProblem } from './grade-quiz.ts';

export type TrainingRow = typeof trainingModules.$inferSelect;

export interface TrainingInput {
  title: { de: string; en: string };
  summary: { de: string; en: string };
  content: { de: string; en: string };
  questions: QuizQuestion[];
  passMark: number;
  requiredFor: { company: boolean; personal: boolean };
  archived?: boolean;
}

function columns(input: TrainingInput) {
  return {
    titleDe: input.title.de.trim(),
    titleEn: input.title.en.trim(),
    summaryDe: input.summary.de.trim(),
    summaryEn: input.summary.en.trim(),
    contentDe: input.content.de,
    contentEn: input.content.en,
    questions: input.questions,
    passMark: input.passMark,
    requiredForCompany: input.requiredFor.company,
    requiredForPersonal: input.requiredFor.personal,
    archived: input.archived ?? false,
  };
}

function assertQuiz(input: TrainingInput, lang: Locale): void {
  const problem = quizProblem(input.questions);
  if (problem) {
    throw new DomainError(
      422,
      'training_invalid',
      { problem: problem[lang] },
      { fieldErrors: [{ path: 'questions', message: problem[lang] }] },
    );
  }
}

/** What the audit log keeps of a module: enough to see what changed, not the whole content. */
function auditView(row: TrainingRow) {
  return {
    title: row.titleDe,
    questions: row.questions.length,
    passMark: row.passMark,
    requiredForCompany: row.requiredForCompany,
    requiredForPersonal: row.requiredForPersonal,
    archived: row.archived,
    revision: row.revision,
  };
}

export async function createTraining(
  tx: Executor,
  actor: Actor,
  input: TrainingInput,
  lang: Locale,
): Promise<TrainingRow> {
  assertQuiz(input, lang);
  const [row] = await tx
    .insert(trainingModules)
    .values({ orgId: actor.orgId, ...columns(input) })
    .returning();
  await recordAudit(tx, actor, {
    action: 'training.created',
    targetType: 'training',
    targetId: row!.id,
    targetLabel: row!.titleDe,
    summary: { after: auditView(row!) },
  });
  return row!;
}

export async function findTraining(
  db: Executor,
  orgId: string,
  id: string,
): Promise<TrainingRow | undefined> {
  const [row] = await db
    .select()
    .from(trainingModules)
    .where(and(eq(trainingModules.orgId, orgId), eq(trainingModules.id, id)));
  return row;
}

/** A change is a new revision; passed attempts on earlier revisions still count (docs/policy.md). */
export async function updateTraining(
  ctx: Context,
  actor: Actor,
  id: string,
  input: TrainingInput,
  lang: Locale,
): Promise<TrainingRow> {
  assertQuiz(input, lang);
  return ctx.db.transaction(async (tx) => {
    const before = await findTraining(tx, actor.orgId, id);
    if (!before) throw new DomainError(404, 'training_not_found');
    const [row] = await tx
      .update(trainingModules)
      .set({ ...columns(input), revision: sql`${trainingModules.revision} + 1`, updatedAt: new Date() })
      .where(and(eq(trainingModules.orgId, actor.orgId), eq(trainingModules.id, id)))
      .returning();
    await recordAudit(tx, actor, {
      action:
        before.archived === row!.archived
          ? 'training.updated'
          : row!.archived
            ? 'training.archived'
            : 'training.restored',
      targetType: 'training',
      targetId: id,
      targetLabel: row!.titleDe,
      summary: { before: auditView(before), after: auditView(row!) },
    });
    return row!;
  });
}

export async function listTrainings(
  db: Executor,
  orgId: string,
  withArchived: boolean,
): Promise<TrainingRow[]> {
  const c = [eq(trainingModules.orgId, orgId)];
  if (!withArchived) c.push(eq(trainingModules.archived, false));
  return (
    db
      .select()
      .from(trainingModules)
      .where(and(...c))
      // Modules required for more kinds of channel first; modules seeded in one transaction share created_at.
      .orderBy(
        asc(trainingModules.archived),
        desc(sql`${trainingModules.requiredForCompany}::int + ${trainingModules.requiredForPersonal}::int`),
        asc(trainingModules.createdAt),
        asc(trainingModules.titleDe),
        asc(trainingModules.id),
      )
  );
}

export interface TrainingStatus {
  passed: boolean;
  bestScore: number | null;
  attempts: number;
  lastAttemptAt: Date | null;
  passedAt: Date | null;
}

/** Per module: whether the person passed, their best score and when they last tried. */
export async function trainingStatuses(
  db: Executor,
  orgId: string,
  userId?: string,
): Promise<Map<string, Map<string, TrainingStatus>>> {
  const c = [eq(trainingCompletions.orgId, orgId)];
  if (userId) c.push(eq(trainingCompletions.userId, userId));
  const rows = await db
    .select({
      userId: trainingCompletions.userId,
      moduleId: trainingCompletions.moduleId,
      passed: sql<boolean>`bool_or(${trainingCompletions.passed})`,
      bestScore: sql<number>`max(${trainingCompletions.score})::int`,
      attempts: sql<number>`count(*)::int`,
      lastAttemptAt: sql<string>`max(${trainingCompletions.completedAt})`,
      passedAt: sql<
        string | null
      >`min(${trainingCompletions.completedAt}) filter (where ${trainingCompletions.passed})`,
    })
    .from(trainingCompletions)
    .where(and(...c))
    .groupBy(trainingCompletions.userId, trainingCompletions.moduleId);
  const out = new Map<string, Map<string, TrainingStatus>>();
  for (const r of rows) {
    let perUser = out.get(r.userId);
    if (!perUser) {
      perUser = new Map();
      out.set(r.userId, perUser);
    }
    perUser.set(r.moduleId, {
      passed: r.passed,
      bestScore: r.bestScore,
      attempts: r.attempts,
      lastAttemptAt: new Date(r.lastAttemptAt),
      passedAt: r.passedAt ? new Date(r.passedAt) : null,
    });
  }
  return out;
}

export async function submitAttempt(
  ctx: Context,
  actor: Actor & { userId: string },
  moduleId: string,
  answers: Answers,
): Promise<Graded & { passMark: number }> {
  return ctx.db.transaction(async (tx) => {
    const module = await findTraining(tx, actor.orgId, moduleId);
    if (!module || module.archived) throw new DomainError(404, 'training_not_found');
    const outcome = gradeQuiz(module.questions, module.passMark, answers);
    if (!outcome.ok) {
      throw new DomainError(
        422,
        'training_answers_invalid',
        { problem: outcome.problem },
        { fieldErrors: [{ path: 'answers', message: outcome.problem }] },
      );
    }
    const { graded } = outcome;
    await tx.insert(trainingCompletions).values({
      orgId: actor.orgId,
      userId: actor.userId,
      moduleId,
      revision: module.revision,
      score: graded.score,
      passed: graded.passed,
      answers,
    });
    await recordAudit(tx, actor, {
      action: graded.passed ? 'training.passed' : 'training.failed',
      targetType: 'training',
      targetId: moduleId,
      targetLabel: module.titleDe,
      summary: { score: graded.score, passMark: module.passMark, revision: module.revision },
    });
    return { ...graded, passMark: module.passMark };
  });
}
