import { describe, expect, it } from 'vitest';
import { READINESS_AREAS, READINESS_QUESTIONS } from './readiness-questions.ts';
import { answerValue, levelOf, scoreReadiness, unanswered } from './readiness-scoring.ts';

const all = (value: (blocker: boolean) => number) =>
  Object.fromEntries(READINESS_QUESTIONS.map((q) => [q.id, value(q.blocker === true)]));

describe('readiness scoring', () => {
  it('covers five areas, each with questions, and the common blockers', () => {
    for (const area of READINESS_AREAS) expect(READINESS_QUESTIONS.some((q) => q.area === area)).toBe(true);
    const blockers = READINESS_QUESTIONS.filter((q) => q.blocker).map((q) => q.text.en);
    expect(blockers.join('\n')).toMatch(/Knowledge is power/);
    expect(blockers.join('\n')).toMatch(/The boss decides everything/);
    expect(blockers.join('\n')).toMatch(/goes through the press office/);
    expect(blockers.join('\n')).toMatch(/Trust is good, control is better/);
    expect(new Set(READINESS_QUESTIONS.map((q) => q.id)).size).toBe(READINESS_QUESTIONS.length);
  });

  it('scores 100 when everything is in place and no blocker holds, with nothing left to do', () => {
    const r = scoreReadiness(all((blocker) => (blocker ? 0 : 4)));
    expect(r.overall).toBe(100);
    expect(r.level).toBe('strong');
    expect(r.areas.every((a) => a.score === 100 && a.level === 'strong')).toBe(true);
    expect(r.nextSteps).toEqual([]);
  });

  it('scores 0 when nothing is in place and every blocker holds; every gap is a high-priority step', () => {
    const r = scoreReadiness(all((blocker) => (blocker ? 4 : 0)));
    expect(r.overall).toBe(0);
    expect(r.areas.map((a) => a.level)).toEqual(['weak', 'weak', 'weak', 'weak', 'weak']);
    expect(r.nextSteps).toHaveLength(READINESS_QUESTIONS.length);
    expect(r.nextSteps.every((s) => s.priority === 'high')).toBe(true);
  });

  it('counts blockers reversed and orders the widest gaps first', () => {
    const answers = all((blocker) => (blocker ? 0 : 4));
    answers['culture.knowledge-is-power'] = 3; // value 1: high
    answers['rollout.pilot'] = 2; // value 2: medium
    answers['structure.owner'] = 0; // value 0: high, first
    const r = scoreReadiness(answers);
    expect(r.nextSteps).toEqual([
      { questionId: 'structure.owner', area: 'structure', priority: 'high' },
      { questionId: 'culture.knowledge-is-power', area: 'culture', priority: 'high' },
      { questionId: 'rollout.pilot', area: 'rollout', priority: 'medium' },
    ]);
    // structure: 5 questions, one at 0 of 4 → 16/20
    expect(r.areas.find((a) => a.id === 'structure')).toEqual({
      id: 'structure',
      score: 80,
      level: 'strong',
    });
    // culture: one blocker at 3 → value 1 → 17/20
    expect(r.areas.find((a) => a.id === 'culture')!.score).toBe(85);
    // rollout: 4 questions, one at 2 → 14/16
    expect(r.areas.find((a) => a.id === 'rollout')!.score).toBe(88);
    expect(r.overall).toBe(Math.round((80 + 100 + 85 + 100 + 88) / 5));
  });

  it('draws the levels at 40 and 70', () => {
    expect([0, 39, 40, 69, 70, 100].map(levelOf)).toEqual([
      'weak',
      'weak',
      'developing',
      'developing',
      'strong',
      'strong',
    ]);
  });

  it('answerValue and unanswered', () => {
    const blocker = READINESS_QUESTIONS.find((q) => q.blocker)!;
    const plain = READINESS_QUESTIONS.find((q) => !q.blocker)!;
    expect(answerValue(blocker, 4)).toBe(0);
    expect(answerValue(plain, 4)).toBe(4);
    expect(unanswered({})).toHaveLength(READINESS_QUESTIONS.length);
    expect(unanswered(all(() => 2))).toEqual([]);
  });
});
