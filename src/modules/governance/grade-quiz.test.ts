import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../platform/db/schema/governance.ts';
import { DEMO_TRAININGS, rightAnswers } from './demo-training.ts';
import { gradeQuiz, quizProblem } from './grade-quiz.ts';

const opt = (id: string, correct = false) => ({ id, text: { de: id, en: id }, correct });
const QUIZ: QuizQuestion[] = [
  { id: 'one', kind: 'single', prompt: { de: '1', en: '1' }, options: [opt('a', true), opt('b'), opt('c')] },
  {
    id: 'many',
    kind: 'multiple',
    prompt: { de: '2', en: '2' },
    options: [opt('x', true), opt('y', true), opt('z')],
  },
  { id: 'three', kind: 'single', prompt: { de: '3', en: '3' }, options: [opt('p'), opt('q', true)] },
];

const grade = (answers: Record<string, string[]>, passMark = 67) => {
  const r = gradeQuiz(QUIZ, passMark, answers);
  if (!r.ok) throw new Error(r.problem);
  return r.graded;
};

describe('gradeQuiz', () => {
  it.each([
    ['all right', { one: ['a'], many: ['x', 'y'], three: ['q'] }, 100, true],
    ['multiple choice needs exactly the right set', { one: ['a'], many: ['x'], three: ['q'] }, 67, false],
    [
      'a wrong extra option makes a multiple-choice answer wrong',
      { one: ['a'], many: ['x', 'y', 'z'], three: ['q'] },
      67,
      false,
    ],
    [
      'order and repetition do not matter',
      { one: ['a', 'a'], many: ['y', 'x', 'y'], three: ['q'] },
      100,
      true,
    ],
    ['unanswered questions count as wrong', { one: ['a'] }, 33, false],
    ['nothing answered', {}, 0, false],
  ])('%s', (_name, answers, score, passed) => {
    const g = grade(answers);
    expect(g.score).toBe(score);
    // 2 of 3 is 66.7 %: rounded to 67 for display, but it does not reach a pass mark of 67.
    expect(g.passed).toBe(passed);
    expect(g.total).toBe(3);
  });

  it('passes at the mark, compared exactly', () => {
    const twoOfThree = { one: ['a'], many: ['x', 'y'], three: ['p'] };
    expect(grade(twoOfThree, 66).passed).toBe(true);
    expect(grade(twoOfThree, 67).passed).toBe(false);
    expect(grade(twoOfThree, 67).questions).toEqual([
      { id: 'one', correct: true },
      { id: 'many', correct: true },
      { id: 'three', correct: false },
    ]);
  });

  it.each([
    ['an unknown question', { nope: ['a'] }, /unknown question "nope"/],
    ['an unknown option', { one: ['zz'] }, /unknown option "zz" in "one"/],
    ['two answers to a single-choice question', { one: ['a', 'b'] }, /"one" takes one answer/],
  ])('refuses %s', (_name, answers, problem) => {
    const r = gradeQuiz(QUIZ, 50, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });

  it('the demo modules are valid and their right answers pass', () => {
    for (const m of DEMO_TRAININGS) {
      expect(quizProblem(m.questions)).toBeNull();
      const r = gradeQuiz(m.questions, m.passMark, rightAnswers(m.questions));
      expect(r.ok && r.graded.passed && r.graded.score === 100).toBe(true);
    }
  });
});

describe('quizProblem', () => {
  it.each([
    ['no questions', [], /at least one question/],
    ['a duplicate question id', [QUIZ[0]!, QUIZ[0]!], /“one” is used twice/],
    ['one option only', [{ ...QUIZ[0]!, options: [opt('a', true)] }], /at least two options/],
    ['duplicate option ids', [{ ...QUIZ[0]!, options: [opt('a', true), opt('a')] }], /id of its own/],
    [
      'single choice with two right options',
      [{ ...QUIZ[0]!, options: [opt('a', true), opt('b', true)] }],
      /exactly one/,
    ],
    ['single choice with none right', [{ ...QUIZ[0]!, options: [opt('a'), opt('b')] }], /exactly one/],
    [
      'multiple choice with none right',
      [{ ...QUIZ[1]!, options: [opt('a'), opt('b')] }],
      /at least one right/,
    ],
  ])('names %s', (_name, questions, problem) => {
    expect(quizProblem(questions as QuizQuestion[])?.en).toMatch(problem);
    expect(quizProblem(questions as QuizQuestion[])?.de).toMatch(/Frage|Quiz/);
  });
});
