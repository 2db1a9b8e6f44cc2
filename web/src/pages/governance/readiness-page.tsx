import {
  Alert,
  Badge,
  Button,
  Card,
  Fieldset,
  Group,
  List,
  Loader,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchReadiness, saveReadiness } from '../../api/compliance.ts';
import type { Readiness, ReadinessAssessment, ReadinessLevel } from '../../api/governance-types.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useDateTime } from '../../components/date-format.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../../session/session-context.ts';

const LEVEL_COLORS: Record<ReadinessLevel, string> = { weak: 'red', developing: 'yellow', strong: 'green' };

function Result({ result }: { result: ReadinessAssessment }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  return (
    <Stack component="section" aria-labelledby="readiness-result">
      <Title order={2} id="readiness-result">
        {t('readiness.result', { score: result.overall })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('readiness.takenBy', { by: result.createdByLabel, at: formatDateTime(result.createdAt) })}{' '}
        <Badge color={LEVEL_COLORS[result.level]} variant="light">
          {t(`readiness.levels.${result.level}`)}
        </Badge>
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {result.areas.map((a) => (
          <Card key={a.id} withBorder>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{a.title}</Text>
              <Text fw={600}>{a.score} %</Text>
            </Group>
            <Progress
              value={a.score}
              color={LEVEL_COLORS[a.level]}
              aria-label={t('readiness.areaScore', { area: a.title, score: a.score })}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {t(`readiness.levels.${a.level}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={3}>{t('readiness.nextSteps')}</Title>
      {result.nextSteps.length === 0 ? (
        <Text>{t('readiness.noSteps')}</Text>
      ) : (
        <List spacing="sm">
          {result.nextSteps.map((s) => (
            <List.Item key={s.questionId}>
              <Group gap="xs" mb={2}>
                <Badge color={s.priority === 'high' ? 'red' : 'yellow'} variant="light">
                  {t(`readiness.priority.${s.priority}`)}
                </Badge>
                <Text size="sm" c="dimmed">
                  {s.areaTitle}: {s.question}
                </Text>
              </Group>
              <Text>{s.text}</Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Questionnaire({ data }: { data: Readiness }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, number>>(data.latest?.answers ?? {});
  const mutation = useMutation({
    mutationFn: () => saveReadiness(answers),
    onSuccess: (r) => {
      notifySuccess(t('readiness.saved', { score: r.overall }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.guidelines });
      window.scrollTo({ top: 0 });
    },
    onError: notifyError,
  });
  const total = data.questionnaire.areas.reduce((n, a) => n + a.questions.length, 0);
  const open = total - Object.keys(answers).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="readiness-form">
      <Stack>
        <Title order={2} id="readiness-form">
          {t('readiness.questionnaire')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('readiness.intro')}
        </Text>
        {data.questionnaire.areas.map((area) => (
          <Fieldset key={area.id} legend={area.title}>
            <Stack gap="lg">
              {area.questions.map((q) => (
                <Radio.Group
                  key={q.id}
                  label={q.text}
                  value={answers[q.id] === undefined ? null : String(answers[q.id])}
                  onChange={(v) => setAnswers({ ...answers, [q.id]: Number(v) })}
                >
                  <Group gap="md" mt="xs">
                    {data.questionnaire.scale.map((s) => (
                      <Radio key={s.value} value={String(s.value)} label={s.label} />
                    ))}
                  </Group>
                </Radio.Group>
              ))}
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={open > 0}>
            {t('readiness.submit')}
          </Button>
          {open > 0 && (
            <Text size="sm" c="dimmed">
              {t('readiness.open', { count: open })}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function History({ history }: { history: ReadinessAssessment[] }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const areas = history[0]?.areas ?? [];
  return (
    <Stack component="section" aria-labelledby="readiness-history">
      <Title order={2} id="readiness-history">
        {t('readiness.history')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('readiness.taken')}</Table.Th>
              <Table.Th scope="col">{t('readiness.overall')}</Table.Th>
              {areas.map((a) => (
                <Table.Th scope="col" key={a.id}>
                  {a.title}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Th scope="row" fw={400}>
                  {formatDateTime(h.createdAt)}
                  <Text size="xs" c="dimmed">
                    {h.createdByLabel}
                  </Text>
                </Table.Th>
                <Table.Td>{h.overall} %</Table.Td>
                {areas.map((a) => (
                  <Table.Td key={a.id}>{h.areas.find((x) => x.id === a.id)?.score ?? '—'} %</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The readiness self-check: where the organisation stands per area, what to do next, and how it went. */
export function ReadinessPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('guidelines.manage');
  const readiness = useQuery({ queryKey: queryKeys.readiness(i18n.language), queryFn: fetchReadiness });
  return (
    <Stack gap="xl">
      <PageHeader title={t('governance.readiness.title')} description={t('governance.readiness.summary')} />
      {readiness.isError ? (
        <QueryError error={readiness.error} onRetry={() => void readiness.refetch()} />
      ) : readiness.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          {readiness.data.latest ? (
            <Result result={readiness.data.latest} />
          ) : (
            <Alert color="gray">{canManage ? t('readiness.noneManager') : t('readiness.none')}</Alert>
          )}
          {canManage && <Questionnaire key={readiness.data.latest?.id ?? 'new'} data={readiness.data} />}
          {readiness.data.history.length > 1 && <History history={readiness.data.history} />}
        </>
      )}
    </Stack>
  );
}
