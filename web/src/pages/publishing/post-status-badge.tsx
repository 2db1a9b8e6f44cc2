import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TARGET_STATES, type TargetState } from '../../api/posts-types.ts';

const STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'sending',
  'published',
  'failed',
  'needs_decision',
  'cancelled',
] as const;
type Status = (typeof STATUSES)[number];

const COLORS: Record<Status, string> = {
  draft: 'gray',
  in_review: 'yellow',
  changes_requested: 'orange',
  approved: 'teal',
  scheduled: 'blue',
  sending: 'blue',
  published: 'green',
  failed: 'red',
  needs_decision: 'grape',
  cancelled: 'gray',
};

const isStatus = (v: string): v is Status => (STATUSES as readonly string[]).includes(v);

/** A post's one-word status (workflow state, or what its channels made of it). */
export function PostStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  // A status a newer server invents is shown as it is rather than hidden.
  const known = isStatus(status) ? status : null;
  return (
    <Badge color={known ? COLORS[known] : 'gray'} variant="light" data-status={status}>
      {known ? t(`posts.status.${known}`) : status}
    </Badge>
  );
}

/** One channel's state of a post. */
export function TargetStateBadge({ state }: { state: TargetState }) {
  const { t } = useTranslation();
  const known = (TARGET_STATES as readonly string[]).includes(state) ? state : 'draft';
  return (
    <Badge color={COLORS[known]} variant="dot" data-state={state}>
      {t(`posts.status.${known}`)}
    </Badge>
  );
}
