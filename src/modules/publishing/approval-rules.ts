import type { WorkflowStep } from '../../platform/db/schema/publishing.ts';

/** The approval rules are pure: which workflows a post needs, and how far its approvals have got. */
export interface WorkflowRule {
  id: string;
  name: string;
  departmentId: string | null;
  channelId: string | null;
  steps: WorkflowStep[];
  ordered: boolean;
  allowSelfApproval: boolean;
}

export interface ApprovalRecord {
  approverId: string;
  approverName: string;
  approverRole: string;
  decision: 'approved' | 'changes_requested';
  at: Date;
}

/**
 * For each channel the most specific workflow: department and channel, then channel alone, then department
 * alone, then the organisation-wide one. The post needs all of them (deduplicated).
 */
export function requiredWorkflows(
  all: readonly WorkflowRule[],
  departmentId: string | null,
  channelIds: readonly string[],
): WorkflowRule[] {
  const picked = new Map<string, WorkflowRule>();
  for (const channelId of channelIds) {
    const candidates = [
      all.find(
        (w) => w.channelId === channelId && w.departmentId !== null && w.departmentId === departmentId,
      ),
      all.find((w) => w.channelId === channelId && w.departmentId === null),
      all.find((w) => w.channelId === null && w.departmentId !== null && w.departmentId === departmentId),
      all.find((w) => w.channelId === null && w.departmentId === null),
    ];
    const w = candidates.find((c) => c !== undefined);
    if (w) picked.set(w.id, w);
  }
  return [...picked.values()];
}

export interface StepProgress {
  roles: string[];
  count: number;
  approvedBy: string[];
  done: boolean;
}

export interface WorkflowProgress {
  workflow: WorkflowRule;
  steps: StepProgress[];
  done: boolean;
}

/**
 * Walks a workflow's steps with the approvals of the current version, oldest first. A person counts once
 * per workflow; in an ordered workflow an approval counts only for the step that is open when it is given.
 * The author's own approval counts only where the workflow allows it.
 */
export function progressOf(
  w: WorkflowRule,
  approvals: readonly ApprovalRecord[],
  authorId: string,
): WorkflowProgress {
  const steps: StepProgress[] = w.steps.map((s) => ({
    roles: s.roles,
    count: s.count,
    approvedBy: [],
    done: false,
  }));
  const used = new Set<string>();
  const sorted = [...approvals]
    .filter((a) => a.decision === 'approved')
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const a of sorted) {
    if (used.has(a.approverId)) continue;
    if (a.approverId === authorId && !w.allowSelfApproval) continue;
    const open = w.ordered ? steps.filter((s) => !s.done).slice(0, 1) : steps.filter((s) => !s.done);
    const step = open.find((s) => s.roles.includes(a.approverRole));
    if (!step) continue;
    step.approvedBy.push(a.approverName);
    used.add(a.approverId);
    if (step.approvedBy.length >= step.count) step.done = true;
  }
  return { workflow: w, steps, done: steps.every((s) => s.done) };
}

export type ApprovalRefusal =
  | 'self_approval_forbidden'
  | 'already_approved'
  | 'not_an_approver'
  | 'nothing_to_approve';

/** Whether this person's approval would count now; null when it would, otherwise why not. */
export function approvalRefusal(
  progress: readonly WorkflowProgress[],
  approvals: readonly ApprovalRecord[],
  person: { id: string; role: string },
  authorId: string,
): ApprovalRefusal | null {
  const pending = progress.filter((p) => !p.done);
  if (pending.length === 0) return 'nothing_to_approve';
  if (approvals.some((a) => a.approverId === person.id && a.decision === 'approved'))
    return 'already_approved';
  let roleFits = false;
  for (const p of pending) {
    const open = p.workflow.ordered
      ? p.steps.filter((s) => !s.done).slice(0, 1)
      : p.steps.filter((s) => !s.done);
    if (!open.some((s) => s.roles.includes(person.role))) continue;
    roleFits = true;
    if (person.id !== authorId || p.workflow.allowSelfApproval) return null;
  }
  return roleFits ? 'self_approval_forbidden' : 'not_an_approver';
}

/** The roles whose members should be asked now: the open steps (the first open one where ordered). */
export function rolesToAsk(progress: readonly WorkflowProgress[]): Set<string> {
  const roles = new Set<string>();
  for (const p of progress) {
    if (p.done) continue;
    const open = p.workflow.ordered
      ? p.steps.filter((s) => !s.done).slice(0, 1)
      : p.steps.filter((s) => !s.done);
    for (const s of open) for (const r of s.roles) roles.add(r);
  }
  return roles;
}
