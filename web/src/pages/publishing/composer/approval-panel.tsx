import { Badge, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvePost, requestChanges, submitPost } from '../../../api/posts.ts';
import type { Post } from '../../../api/posts-types.ts';
import { useDateTime } from '../../../components/date-format.ts';
import { notifySuccess } from '../../../components/notify.ts';
import { roleLabel } from '../../../components/roles.ts';
import { ActionError } from './action-error.tsx';

interface ApprovalPanelProps {
  post: Post;
  /** Why the post may not be sent for approval yet (over the limit, blocked by the guidelines). */
  submitBlockedBecause: string | null;
  /** Saves what is typed first, so the approvers see what the author sees. */
  flush: () => Promise<Post | null>;
  adopt: (post: Post) => void;
}

/** The workflow: who must approve, how far it got, and the author's and approvers' buttons. */
export function ApprovalPanel({ post, submitBlockedBecause, flush, adopt }: ApprovalPanelProps) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const roleName = (role: string) => roleLabel(t, role);

  const submit = useMutation({
    mutationFn: async () => {
      const saved = await flush();
      return submitPost(saved?.id ?? post.id);
    },
    onSuccess: (next) => {
      adopt(next);
      notifySuccess(t('composer.approval.submitted'));
    },
  });
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'changes') =>
      decision === 'approve'
        ? approvePost(post.id, comment.trim(), post.version)
        : requestChanges(post.id, comment.trim(), post.version),
    onSuccess: (next, decision) => {
      adopt(next);
      setComment('');
      notifySuccess(
        decision === 'approve' ? t('composer.approval.approved') : t('composer.approval.changesRequested'),
      );
    },
  });
  const requestChangesClick = () => {
    if (!comment.trim()) {
      setCommentError(t('composer.approval.commentRequired'));
      return;
    }
    setCommentError(undefined);
    decide.mutate('changes');
  };
  const current = post.approvals.filter((a) => a.version === post.version);
  const { workflow } = post;

  return (
    <Stack gap="sm" component="section" aria-labelledby="approval-heading">
      <Title order={2} size="h4" id="approval-heading">
        {t('composer.approval.title')}
      </Title>
      {!workflow.required ? (
        <Text size="sm" c="dimmed">
          {t('composer.approval.notRequired')}
        </Text>
      ) : (
        workflow.workflows.map((w) => (
          <Stack key={w.id} gap={4}>
            <Text fw={600} size="sm">
              {w.name}
            </Text>
            <List spacing={4} size="sm" aria-label={t('composer.approval.steps', { name: w.name })}>
              {w.steps
                .map((step, n) => ({ step, n: n + 1 }))
                .map(({ step, n }) => (
                  // Steps have no id of their own; their position in the workflow is what identifies them.
                  <List.Item key={`${w.id}-step-${n}`}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm">
                        {t('composer.approval.step', {
                          n,
                          roles: step.roles.map(roleName).join(', '),
                          done: step.approvedBy.length,
                          needed: step.count,
                        })}
                      </Text>
                      <Badge color={step.done ? 'green' : 'gray'} variant="light">
                        {step.done ? t('composer.approval.stepDone') : t('composer.approval.stepOpen')}
                      </Badge>
                      {step.approvedBy.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('composer.approval.by', { names: step.approvedBy.join(', ') })}
                        </Text>
                      )}
                    </Group>
                  </List.Item>
                ))}
            </List>
          </Stack>
        ))
      )}
      {current.length > 0 && (
        <List size="sm" spacing={4} aria-label={t('composer.approval.decisions')}>
          {current.map((a) => (
            <List.Item key={a.id}>
              {t(a.decision === 'approved' ? 'composer.approval.approvedBy' : 'composer.approval.changesBy', {
                name: a.approver.name,
                at: formatDateTime(a.createdAt),
              })}
              {a.comment && (
                <Text span fs="italic">
                  {' '}
                  „{a.comment}“
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {post.can.submit && (
        <Stack gap="xs">
          <Group>
            <Button
              onClick={() => submit.mutate()}
              loading={submit.isPending}
              disabled={submitBlockedBecause !== null}
            >
              {t('composer.approval.submit')}
            </Button>
          </Group>
          {submitBlockedBecause && (
            <Text size="sm" c="red">
              {submitBlockedBecause}
            </Text>
          )}
          <ActionError error={submit.error} />
        </Stack>
      )}
      {workflow.mayApprove && (
        <Stack gap="xs">
          <Textarea
            label={t('composer.approval.comment')}
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={commentError}
          />
          <Group>
            <Button
              color="green"
              onClick={() => decide.mutate('approve')}
              loading={decide.isPending && decide.variables === 'approve'}
            >
              {t('composer.approval.approve')}
            </Button>
            <Button
              variant="default"
              onClick={requestChangesClick}
              loading={decide.isPending && decide.variables === 'changes'}
            >
              {t('composer.approval.requestChanges')}
            </Button>
          </Group>
          <ActionError error={decide.error} />
        </Stack>
      )}
      {workflow.mayNotApproveBecause && post.state === 'in_review' && (
        <Text size="sm" c="dimmed">
          {t(`composer.approval.refusal.${refusalKey(workflow.mayNotApproveBecause)}`)}
        </Text>
      )}
    </Stack>
  );
}

const REFUSALS = ['self_approval_forbidden', 'already_approved', 'nothing_to_approve'] as const;
const refusalKey = (code: string) =>
  (REFUSALS as readonly string[]).includes(code) ? (code as (typeof REFUSALS)[number]) : 'other';
