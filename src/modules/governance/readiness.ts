// Saving and reading the readiness self-check of an organisation: the latest result and its history.
import { desc, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { readinessAssessments } from '../../platform/db/schema/governance.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AREA_TITLES, READINESS_QUESTIONS, SCALE } from './readiness-questions.ts';
import { type ReadinessResult, scoreReadiness, unanswered } from './readiness-scoring.ts';

type Lang = 'de' | 'en';
type AssessmentRow = typeof readinessAssessments.$inferSelect;

/** The questionnaire in one language, grouped by area, as the web page shows it. */
export function questionnaire(lang: Lang) {
  return {
    scale: SCALE.map((s, value) => ({ value, label: s[lang] })),
    areas: Object.entries(AREA_TITLES).map(([id, title]) => ({
      id,
      title: title[lang],
      questions: READINESS_QUESTIONS.filter((q) => q.area === id).map((q) => ({
        id: q.id,
        text: q.text[lang],
        blocker: q.blocker === true,
      })),
    })),
  };
}

const QUESTIONS = new Map(READINESS_QUESTIONS.map((q) => [q.id, q]));

/** A stored result with its texts; steps of questions that no longer exist are left out. */
export function assessmentView(row: AssessmentRow, lang: Lang) {
  const result = row.result as unknown as ReadinessResult;
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    createdByLabel: row.createdByLabel,
    overall: result.overall,
    level: result.level,
    answers: row.answers,
    areas: result.areas.map((a) => ({ ...a, title: AREA_TITLES[a.id]?.[lang] ?? a.id })),
    nextSteps: result.nextSteps.flatMap((s) => {
      const q = QUESTIONS.get(s.questionId);
      return q
        ? [{ ...s, areaTitle: AREA_TITLES[s.area][lang], question: q.text[lang], text: q.nextStep[lang] }]
        : [];
    }),
  };
}

export async function listAssessments(db: Executor, orgId: string, limit = 50): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(readinessAssessments)
    .where(eq(readinessAssessments.orgId, orgId))
    .orderBy(desc(readinessAssessments.createdAt), desc(readinessAssessments.id))
    .limit(limit);
}

export async function saveAssessment(
  ctx: Context,
  actor: Actor,
  answers: Record<string, number>,
): Promise<AssessmentRow> {
  const unknown = Object.keys(answers).filter((id) => !QUESTIONS.has(id));
  if (unknown.length > 0) {
    throw new DomainError(
      400,
      'validation_failed',
      { fields: unknown.map((id) => `answers.${id}`).join(', ') },
      { fieldErrors: unknown.map((id) => ({ path: `answers.${id}`, message: 'unknown question' })) },
    );
  }
  const open = unanswered(answers);
  if (open.length > 0) {
    throw new DomainError(
      422,
      'readiness_incomplete',
      { count: open.length },
      { fieldErrors: open.map((id) => ({ path: `answers.${id}`, message: 'unanswered' })) },
    );
  }
  const result = scoreReadiness(answers);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(readinessAssessments)
      .values({
        orgId: actor.orgId,
        answers,
        result: result as unknown as Record<string, unknown>,
        overall: result.overall,
        createdBy: actor.userId,
        createdByLabel: actor.label,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'readiness.assessed',
      targetType: 'readiness_assessment',
      targetId: row!.id,
      summary: {
        overall: result.overall,
        areas: Object.fromEntries(result.areas.map((a) => [a.id, a.score])),
      },
    });
    return row!;
  });
}
