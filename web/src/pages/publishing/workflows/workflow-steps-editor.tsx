import { ActionIcon, Button, Group, MultiSelect, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkflowStep } from '../../../api/workflows.ts';
import { roleLabel } from '../../../components/roles.ts';

export const MAX_STEPS = 10;
export const MAX_COUNT = 10;

interface WorkflowStepsEditorProps {
  steps: WorkflowStep[];
  onChange: (steps: WorkflowStep[]) => void;
  /** Roles that hold the approval permission: others could never approve. */
  approverRoles: readonly string[];
  error?: string;
}

/** The steps of a workflow: who approves and how many of them, one row per step. */
export function WorkflowStepsEditor({ steps, onChange, approverRoles, error }: WorkflowStepsEditorProps) {
  const { t } = useTranslation();
  const replace = (index: number, step: WorkflowStep) =>
    onChange(steps.map((s, i) => (i === index ? step : s)));
  const roleOptions = approverRoles.map((r) => ({ value: r, label: roleLabel(t, r) }));

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('workflows.fields.steps')}
      </Text>
      {steps.map((step, index) => {
        const n = index + 1;
        return (
          // Steps have no identity of their own; their position is what the server keeps.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Paper key={index} withBorder p="sm" role="group" aria-label={t('workflows.stepLabel', { n })}>
            <Group align="flex-end" wrap="wrap">
              <MultiSelect
                label={t('workflows.fields.roles', { n })}
                data={roleOptions}
                value={step.roles}
                onChange={(roles) => replace(index, { ...step, roles })}
                searchable
                w={320}
                required
              />
              <NumberInput
                label={t('workflows.fields.count', { n })}
                min={1}
                max={MAX_COUNT}
                clampBehavior="strict"
                allowDecimal={false}
                value={step.count}
                onChange={(v) => replace(index, { ...step, count: typeof v === 'number' ? v : 1 })}
                w={140}
              />
              {steps.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  onClick={() => onChange(steps.filter((_, i) => i !== index))}
                  aria-label={t('workflows.removeStep', { n })}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          </Paper>
        );
      })}
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          disabled={steps.length >= MAX_STEPS}
          onClick={() => onChange([...steps, { roles: [], count: 1 }])}
        >
          {t('workflows.addStep')}
        </Button>
      </Group>
    </Stack>
  );
}
