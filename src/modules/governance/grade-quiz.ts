// Grading a quiz: pure, on the server only. The client sends which options were chosen, never a score.
import type { QuizQuestion } from '../../platform/db/schema/governance.ts';

export type Answers = Record<string, string[]>;

export interface Graded {
  /** Percentage of questions answered correctly, rounded. */
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  /** Per question whether it was right; which option would have been right is not given away. */
  questions: { id: string; correct: boolean }[];
}

export type GradeOutcome = { ok: true; graded: Graded } | { ok: false; problem: string };

/**
 * A question counts as right when exactly its correct options were chosen. An unanswered question counts
 * as wrong; an answer naming a question or option the quiz does not have is refused, because it means the
 * person answered another version of the quiz (or someone is probing).
 */
export function gradeQuiz(
  questions: readonly QuizQuestion[],
  passMark: number,
  answers: Answers,
): GradeOutcome {
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [questionId, chosen] of Object.entries(answers)) {
    const q = byId.get(questionId);
    if (!q) return { ok: false, problem: `unknown question "${questionId}"` };
    const options = new Set(q.options.map((o) => o.id));
    for (const option of chosen) {
      if (!options.has(option))
        return { ok: false, problem: `unknown option "${option}" in "${questionId}"` };
    }
    if (q.kind === 'single' && new Set(chosen).size > 1) {
      return { ok: false, problem: `"${questionId}" takes one answer` };
    }
  }
  let correctCount = 0;
  const results = questions.map((q) => {
    const chosen = new Set(answers[q.id] ?? []);
    const right = q.options.filter((o) => o.correct).map((o) => o.id);
    const correct = chosen.size === right.length && right.every((id) => chosen.has(id));
    if (correct) correctCount++;
    return { id: q.id, correct };
  });
  const total = questions.length;
  // Compared exactly, not on the rounded score: 2 of 3 (66.7 %) does not pass a mark of 67.
  const passed = total > 0 && correctCount * 100 >= passMark * total;
  const score = total === 0 ? 0 : Math.round((correctCount * 100) / total);
  return { ok: true, graded: { score, passed, correctCount, total, questions: results } };
}

/** Why a quiz cannot be saved (German and English), or null: each question needs right answers that fit its kind. */
export function quizProblem(questions: readonly QuizQuestion[]): { de: string; en: string } | null {
  if (questions.length === 0)
    return { de: 'Ein Quiz braucht mindestens eine Frage.', en: 'A quiz needs at least one question.' };
  const ids = new Set<string>();
  for (const [i, q] of questions.entries()) {
    const n = i + 1;
    if (ids.has(q.id))
      return {
        de: `Frage ${n}: Die ID „${q.id}“ kommt doppelt vor.`,
        en: `Question ${n}: the id “${q.id}” is used twice.`,
      };
    ids.add(q.id);
    if (q.options.length < 2)
      return { de: `Frage ${n}: mindestens zwei Antworten.`, en: `Question ${n}: at least two options.` };
    if (new Set(q.options.map((o) => o.id)).size !== q.options.length) {
      return {
        de: `Frage ${n}: Jede Antwort braucht eine eigene ID.`,
        en: `Question ${n}: every option needs an id of its own.`,
      };
    }
    const right = q.options.filter((o) => o.correct).length;
    if (q.kind === 'single' && right !== 1) {
      return {
        de: `Frage ${n}: Bei einer Einfachauswahl ist genau eine Antwort richtig.`,
        en: `Question ${n}: a single-choice question has exactly one right option.`,
      };
    }
    if (q.kind === 'multiple' && right < 1) {
      return {
        de: `Frage ${n}: Markieren Sie mindestens eine richtige Antwort.`,
        en: `Question ${n}: mark at least one right option.`,
      };
    }
  }
  return null;
}
