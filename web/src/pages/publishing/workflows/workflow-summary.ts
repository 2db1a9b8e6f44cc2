import type { TFunction } from 'i18next';
import type { Workflow, WorkflowStep } from '../../../api/workflows.ts';
import { intlLocale } from '../../../components/date-format.ts';
import { roleLabel } from '../../../components/roles.ts';

/** "Social media manager or Administrator, 1 approval": who may approve a step, and how many must. */
export function stepSummary(t: TFunction, language: string, step: WorkflowStep): string {
  const roles = new Intl.ListFormat(intlLocale(language), { type: 'disjunction' }).format(
    step.roles.map((r) => roleLabel(t, r)),
  );
  return t('workflows.summary.step', { roles, count: step.count });
}

/**
 * The whole rule in one sentence a reader can check at a glance, e.g.
 * "Social media manager or Administrator, 1 approval, not the author".
 */
export function workflowSummary(
  t: TFunction,
  language: string,
  w: Pick<Workflow, 'steps' | 'ordered' | 'allowSelfApproval'>,
): string {
  const steps = w.steps.map((s) => stepSummary(t, language, s));
  const joined =
    steps.length <= 1
      ? (steps[0] ?? '')
      : w.ordered
        ? steps.join(t('workflows.summary.then'))
        : t('workflows.summary.anyOrder', { steps: steps.join(t('workflows.summary.and')) });
  const author = w.allowSelfApproval ? t('workflows.summary.authorMay') : t('workflows.summary.notAuthor');
  return t('workflows.summary.sentence', { steps: joined, author });
}

/** Where a workflow applies: its department and/or channel, or everywhere. */
export function scopeSummary(t: TFunction, w: Pick<Workflow, 'department' | 'channel'>): string {
  if (w.department && w.channel)
    return t('workflows.scope.both', { department: w.department.name, channel: w.channel.name });
  if (w.department) return t('workflows.scope.department', { department: w.department.name });
  if (w.channel) return t('workflows.scope.channel', { channel: w.channel.name });
  return t('workflows.scope.everywhere');
}
