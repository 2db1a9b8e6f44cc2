import { Alert, Button, Grid, Group, JsonInput, List, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import {
  fetchGuidelineTemplates,
  fetchPolicy,
  fetchPolicyVersion,
  savePolicy,
} from '../../api/guidelines.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useDateTime } from '../../components/date-format.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { PolicyTryBox } from './policy-try-box.tsx';
import { PolicyVersions } from './policy-versions.tsx';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Half-typed JSON is the normal state while editing; the field itself says it is not valid.
    return { ok: false };
  }
}

function PolicyEditor({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initial);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const parsed = parseJson(text);

  const save = useMutation({
    mutationFn: () => savePolicy(parsed.ok ? parsed.value : null, note),
    onSuccess: (saved) => {
      notifySuccess(t('policy.saved', { version: saved.version }));
      setProblem(null);
      setNote('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.guidelines });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) setProblem(error);
      else notifyError(error);
    },
  });
  const template = useMutation({
    mutationFn: fetchGuidelineTemplates,
    onSuccess: (tpl) => setText(pretty(tpl.policy)),
    onError: notifyError,
  });
  const load = useMutation({
    mutationFn: fetchPolicyVersion,
    onSuccess: (v) => setText(pretty(v.policy)),
    onError: notifyError,
  });

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack>
          <JsonInput
            label={t('policy.json')}
            description={t('policy.jsonHint')}
            value={text}
            onChange={setText}
            validationError={t('policy.invalidJson')}
            formatOnBlur
            autosize
            minRows={16}
            maxRows={40}
          />
          {problem && (
            <Alert color="red" title={problem.problem.title} role="alert">
              <Text size="sm" mb="xs">
                {problem.detail}
              </Text>
              {problem.fieldErrors.length > 1 && (
                <List size="sm">
                  {problem.fieldErrors.map((e) => (
                    <List.Item key={`${e.path}-${e.message}`}>
                      <Text span ff="monospace" size="xs">
                        {e.path}
                      </Text>{' '}
                      {e.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <TextInput label={t('policy.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => template.mutate()} loading={template.isPending}>
              {t('policy.fromTemplate')}
            </Button>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!parsed.ok}>
              {t('policy.save')}
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <PolicyTryBox draft={parsed.ok ? { key: text, policy: parsed.value } : null} />
      </Grid.Col>
      <Grid.Col span={12}>
        <PolicyVersions onLoad={(version) => load.mutate(version)} />
      </Grid.Col>
    </Grid>
  );
}

/** The rules the guideline check applies, as JSON (docs/policy.md describes the format). */
export function PolicyPage() {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const policy = useQuery({ queryKey: queryKeys.policy, queryFn: fetchPolicy });
  const current = policy.data?.current ?? null;
  return (
    <Stack>
      <PageHeader title={t('governance.policy.title')} description={t('governance.policy.summary')} />
      {policy.isError ? (
        <QueryError error={policy.error} onRetry={() => void policy.refetch()} />
      ) : policy.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          <Alert color={current ? 'blue' : 'gray'}>
            {current
              ? t('policy.current', {
                  version: current.version,
                  at: formatDateTime(current.createdAt),
                  by: current.createdByLabel,
                })
              : t('policy.none')}
          </Alert>
          {/* Re-created when a new version is saved, so the editor starts from what the server holds. */}
          <PolicyEditor
            key={current?.version ?? 0}
            initial={current ? pretty(current.policy) : pretty({ id: 'guideline', version: 1 })}
          />
        </>
      )}
    </Stack>
  );
}
