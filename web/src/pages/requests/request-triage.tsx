import { Button, Card, Select, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.ts';
import {
  fetchAssignees,
  NEXT_STATUSES,
  REQUEST_PRIORITIES,
  type RequestDetail,
  type RequestPriority,
  type RequestStatus,
  triageRequest,
} from '../../api/requests.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { notifySuccess } from '../../components/notify.ts';
import { useSession } from '../../session/session-context.ts';

/** The team's panel: status, priority and assignee, saved together (one history entry per change). */
export function RequestTriage({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RequestStatus>(request.status);
  const [priority, setPriority] = useState<RequestPriority>(request.priority);
  const [assigneeId, setAssigneeId] = useState<string>(request.assignee?.id ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'status' | 'priority' | 'assigneeId' | 'declineReason'>>(
    {},
  );
  const assignees = useQuery({ queryKey: queryKeys.requestAssignees, queryFn: fetchAssignees });
  const mutation = useMutation({
    mutationFn: () =>
      triageRequest(request.id, {
        ...(status !== request.status ? { status } : {}),
        ...(priority !== request.priority ? { priority } : {}),
        ...(assigneeId !== (request.assignee?.id ?? '') ? { assigneeId: assigneeId || null } : {}),
        ...(status === 'declined' && status !== request.status ? { declineReason: reason.trim() } : {}),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.request(request.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests });
      setReason('');
      notifySuccess(t('requests.triage.saved'));
    },
    onError: (error) =>
      setErrors(formErrors(error, ['status', 'priority', 'assigneeId', 'declineReason'] as const)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (status === 'declined' && status !== request.status && !reason.trim()) {
      setErrors({ declineReason: t('validation.required') });
      return;
    }
    setErrors({});
    mutation.mutate();
  };
  const statusChoices: RequestStatus[] = [request.status, ...NEXT_STATUSES[request.status]];
  const people = assignees.data?.items ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="triage-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="triage-heading">
            {t('requests.triage.title')}
          </Title>
          <Select
            label={t('requests.columns.status')}
            value={status}
            onChange={(x) => x && setStatus(x as RequestStatus)}
            data={statusChoices.map((s) => ({ value: s, label: t(`requests.status.${s}`) }))}
            allowDeselect={false}
            error={errors.status}
          />
          {status === 'declined' && status !== request.status && (
            <Textarea
              label={t('requests.triage.declineReason')}
              description={t('requests.triage.declineHint')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.declineReason}
            />
          )}
          <Select
            label={t('requests.columns.priority')}
            value={priority}
            onChange={(x) => x && setPriority(x as RequestPriority)}
            data={REQUEST_PRIORITIES.map((p) => ({ value: p, label: t(`requests.priority.${p}`) }))}
            allowDeselect={false}
            error={errors.priority}
          />
          <Select
            label={t('requests.columns.assignee')}
            value={assigneeId}
            onChange={(x) => setAssigneeId(x ?? '')}
            data={[
              { value: '', label: t('requests.unassigned') },
              ...people.map((p) => ({
                value: p.id,
                label: p.id === me.user.id ? t('requests.triage.me', { name: p.name }) : p.name,
              })),
            ]}
            allowDeselect={false}
            error={errors.assigneeId}
          />
          <Button type="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
