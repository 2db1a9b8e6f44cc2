// Scoring the readiness self-check: pure. Each answer is 0–4; a blocker counts reversed (agreeing with
// "knowledge is power" is a gap). An area's score is its share of the best possible answers, in percent.
import {
  READINESS_AREAS,
  READINESS_QUESTIONS,
  type ReadinessArea,
  type ReadinessQuestion,
} from './readiness-questions.ts';

export type Level = 'weak' | 'developing' | 'strong';

export interface ReadinessResult {
  overall: number;
  level: Level;
  areas: { id: ReadinessArea; score: number; level: Level }[];
  /** Gaps to close, the widest first; text from the questionnaire. */
  nextSteps: { questionId: string; area: ReadinessArea; priority: 'high' | 'medium' }[];
}

export const MAX_ANSWER = 4;

export function levelOf(score: number): Level {
  return score < 40 ? 'weak' : score < 70 ? 'developing' : 'strong';
}

/** How good the situation is on this question, 0–4, whichever way the statement is put. */
export function answerValue(question: ReadinessQuestion, answer: number): number {
  return question.blocker ? MAX_ANSWER - answer : answer;
}

export function unanswered(
  answers: Readonly<Record<string, number>>,
  questions: readonly ReadinessQuestion[] = READINESS_QUESTIONS,
): string[] {
  return questions.filter((q) => answers[q.id] === undefined).map((q) => q.id);
}

export function scoreReadiness(
  answers: Readonly<Record<string, number>>,
  questions: readonly ReadinessQuestion[] = READINESS_QUESTIONS,
): ReadinessResult {
  const areas = READINESS_AREAS.map((id) => {
    const mine = questions.filter((q) => q.area === id);
    const sum = mine.reduce((n, q) => n + answerValue(q, answers[q.id] ?? 0), 0);
    const score = mine.length === 0 ? 0 : Math.round((sum * 100) / (mine.length * MAX_ANSWER));
    return { id, score, level: levelOf(score) };
  });
  const overall = Math.round(areas.reduce((n, a) => n + a.score, 0) / areas.length);
  // "partly" or worse is a gap; "not at all" (or full agreement with a blocker) is the first to close.
  const gaps = questions
    .map((q, order) => ({ q, order, value: answerValue(q, answers[q.id] ?? 0) }))
    .filter((g) => g.value <= 2)
    .sort((a, b) => a.value - b.value || a.order - b.order);
  return {
    overall,
    level: levelOf(overall),
    areas,
    nextSteps: gaps.map((g) => ({
      questionId: g.q.id,
      area: g.q.area,
      priority: g.value <= 1 ? 'high' : 'medium',
    })),
  };
}
