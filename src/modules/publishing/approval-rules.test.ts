import { describe, expect, it } from 'vitest';
import {
  type ApprovalRecord,
  approvalRefusal,
  progressOf,
  requiredWorkflows,
  rolesToAsk,
  type WorkflowRule,
} from './approval-rules.ts';

const wf = (over: Partial<WorkflowRule>): WorkflowRule => ({
  id: over.id ?? 'w',
  name: 'W',
  departmentId: null,
  channelId: null,
  steps: [{ roles: ['manager'], count: 1 }],
  ordered: true,
  allowSelfApproval: false,
  ...over,
});

let clock = 0;
const approval = (
  id: string,
  role: string,
  decision: ApprovalRecord['decision'] = 'approved',
): ApprovalRecord => ({
  approverId: id,
  approverName: id,
  approverRole: role,
  decision,
  at: new Date(++clock * 1000),
});

describe('requiredWorkflows', () => {
  const orgWide = wf({ id: 'org' });
  const marketing = wf({ id: 'mkt', departmentId: 'D' });
  const channelA = wf({ id: 'chA', channelId: 'A' });
  const marketingOnA = wf({ id: 'mktA', channelId: 'A', departmentId: 'D' });
  const all = [orgWide, marketing, channelA, marketingOnA];

  it('takes the most specific workflow per channel', () => {
    expect(requiredWorkflows(all, 'D', ['A']).map((w) => w.id)).toEqual(['mktA']);
    expect(requiredWorkflows(all, 'X', ['A']).map((w) => w.id)).toEqual(['chA']);
    expect(requiredWorkflows(all, 'D', ['B']).map((w) => w.id)).toEqual(['mkt']);
    expect(requiredWorkflows(all, null, ['B']).map((w) => w.id)).toEqual(['org']);
  });

  it('needs every channel’s workflow, each once', () => {
    expect(
      requiredWorkflows(all, 'D', ['A', 'B', 'C'])
        .map((w) => w.id)
        .sort(),
    ).toEqual(['mkt', 'mktA']);
  });

  it('needs nothing where no workflow is configured', () => {
    expect(requiredWorkflows([channelA], null, ['B'])).toEqual([]);
  });
});

describe('progressOf', () => {
  it('needs the given number of distinct approvers per step', () => {
    const w = wf({ steps: [{ roles: ['manager', 'admin'], count: 2 }] });
    expect(progressOf(w, [approval('m1', 'manager')], 'author').done).toBe(false);
    expect(progressOf(w, [approval('m1', 'manager'), approval('m1', 'manager')], 'author').done).toBe(false);
    expect(progressOf(w, [approval('m1', 'manager'), approval('a1', 'admin')], 'author').done).toBe(true);
  });

  it('in order: an approval counts only for the step that is open', () => {
    const w = wf({
      steps: [
        { roles: ['editor'], count: 1 },
        { roles: ['compliance'], count: 1 },
      ],
    });
    // Compliance approved first: it does not count for step 2 before step 1 is done.
    const early = progressOf(w, [approval('c1', 'compliance'), approval('e1', 'editor')], 'author');
    expect(early.steps.map((s) => s.done)).toEqual([true, false]);
    const inOrder = progressOf(w, [approval('e1', 'editor'), approval('c1', 'compliance')], 'author');
    expect(inOrder.done).toBe(true);
  });

  it('in any order: approvals count for whichever step they fit', () => {
    const w = wf({
      ordered: false,
      steps: [
        { roles: ['editor'], count: 1 },
        { roles: ['compliance'], count: 1 },
      ],
    });
    expect(progressOf(w, [approval('c1', 'compliance'), approval('e1', 'editor')], 'author').done).toBe(true);
  });

  it('does not count the author unless allowed', () => {
    expect(progressOf(wf({}), [approval('author', 'manager')], 'author').done).toBe(false);
    expect(progressOf(wf({ allowSelfApproval: true }), [approval('author', 'manager')], 'author').done).toBe(
      true,
    );
  });

  it('ignores requests for changes', () => {
    expect(progressOf(wf({}), [approval('m', 'manager', 'changes_requested')], 'author').done).toBe(false);
  });
});

describe('approvalRefusal and rolesToAsk', () => {
  const w = wf({
    steps: [
      { roles: ['editor'], count: 1 },
      { roles: ['manager'], count: 1 },
    ],
  });

  it('explains why an approval would not count', () => {
    const none: ApprovalRecord[] = [];
    const p = [progressOf(w, none, 'author')];
    expect(approvalRefusal(p, none, { id: 'e1', role: 'editor' }, 'author')).toBeNull();
    expect(approvalRefusal(p, none, { id: 'm1', role: 'manager' }, 'author')).toBe('not_an_approver');
    expect(approvalRefusal(p, none, { id: 'author', role: 'editor' }, 'author')).toBe(
      'self_approval_forbidden',
    );
    const given = [approval('e1', 'editor')];
    const p2 = [progressOf(w, given, 'author')];
    expect(approvalRefusal(p2, given, { id: 'e1', role: 'editor' }, 'author')).toBe('already_approved');
    expect(approvalRefusal(p2, given, { id: 'm1', role: 'manager' }, 'author')).toBeNull();
  });

  it('asks the open step’s roles', () => {
    expect([...rolesToAsk([progressOf(w, [], 'author')])]).toEqual(['editor']);
    expect([...rolesToAsk([progressOf(w, [approval('e1', 'editor')], 'author')])]).toEqual(['manager']);
  });
});
