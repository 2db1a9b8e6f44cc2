import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChannels } from '../../../api/channels.ts';
import { fetchDepartments } from '../../../api/departments.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import {
  createWorkflow,
  updateWorkflow,
  type Workflow,
  type WorkflowInput,
  type WorkflowStep,
} from '../../../api/workflows.ts';
import { DescribedSwitch } from '../../../components/described-switch.tsx';
import { type FieldErrors, formErrors } from '../../../components/form-errors.ts';
import { notifySuccess } from '../../../components/notify.ts';
import { useApproverRoles } from './use-approver-roles.ts';
import { WorkflowStepsEditor } from './workflow-steps-editor.tsx';
import { workflowSummary } from './workflow-summary.ts';

const FIELDS = ['name', 'departmentId', 'channelId', 'steps'] as const;

/** Creates a workflow, or edits the one given; mounted per use, so its fields start from that one. */
export function WorkflowModal({ workflow, onClose }: { workflow: Workflow | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const approverRoles = useApproverRoles();
  const departments = useQuery({ queryKey: queryKeys.departments, queryFn: fetchDepartments });
  const channels = useQuery({ queryKey: queryKeys.channels, queryFn: fetchChannels });
  const [name, setName] = useState(workflow?.name ?? '');
  const [departmentId, setDepartmentId] = useState<string | null>(workflow?.department?.id ?? null);
  const [channelId, setChannelId] = useState<string | null>(workflow?.channel?.id ?? null);
  const [steps, setSteps] = useState<WorkflowStep[]>(
    workflow?.steps ?? [{ roles: ['manager', 'admin'], count: 1 }],
  );
  const [ordered, setOrdered] = useState(workflow?.ordered ?? true);
  const [allowSelfApproval, setAllowSelfApproval] = useState(workflow?.allowSelfApproval ?? false);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});

  const mutation = useMutation({
    mutationFn: (input: WorkflowInput) =>
      workflow ? updateWorkflow(workflow.id, input) : createWorkflow(input),
    onSuccess: (_saved, input) => {
      notifySuccess(t('workflows.saved', { name: input.name }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.workflows });
      // Posts waiting for approval are judged by the new rules.
      void queryClient.invalidateQueries({ queryKey: queryKeys.posts });
      onClose();
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = t('validation.required');
    if (steps.some((s) => s.roles.length === 0)) next.steps = t('workflows.stepNeedsRole');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    mutation.mutate({ name: name.trim(), departmentId, channelId, steps, ordered, allowSelfApproval });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={workflow ? t('workflows.editTitle', { name: workflow.name }) : t('workflows.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('workflows.fields.name')}
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Group grow align="flex-start">
            <Select
              label={t('workflows.fields.department')}
              placeholder={t('workflows.allDepartments')}
              data={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={departmentId}
              onChange={setDepartmentId}
              clearable
              searchable
              error={errors.departmentId}
            />
            <Select
              label={t('workflows.fields.channel')}
              placeholder={t('workflows.allChannels')}
              data={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={channelId}
              onChange={setChannelId}
              clearable
              searchable
              error={errors.channelId}
            />
          </Group>
          <WorkflowStepsEditor
            steps={steps}
            onChange={setSteps}
            approverRoles={approverRoles}
            error={errors.steps}
          />
          <DescribedSwitch
            label={t('workflows.fields.ordered')}
            description={t('workflows.fields.orderedHint')}
            checked={ordered}
            disabled={steps.length < 2}
            onChange={(e) => setOrdered(e.currentTarget.checked)}
          />
          <DescribedSwitch
            label={t('workflows.fields.allowSelfApproval')}
            description={t('workflows.fields.allowSelfApprovalHint')}
            checked={allowSelfApproval}
            onChange={(e) => setAllowSelfApproval(e.currentTarget.checked)}
          />
          <Alert color="blue" title={t('workflows.preview')} role="status">
            {workflowSummary(t, i18n.language, { steps, ordered, allowSelfApproval })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {workflow ? t('common.save') : t('workflows.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
