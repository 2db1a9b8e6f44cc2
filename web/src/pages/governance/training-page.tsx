import { Alert, Button, Checkbox, Divider, Group, Loader, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AttemptResult, QuizQuestion, Training } from '../../api/governance-types.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { fetchTraining, submitAttempt } from '../../api/training.ts';
import { Markdown } from '../../components/markdown.tsx';
import { notifyError } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../../session/session-context.ts';

type Answers = Record<string, string[]>;

function Question({
  question,
  index,
  value,
  onChange,
  correct,
}: {
  question: QuizQuestion;
  index: number;
  value: string[];
  onChange: (v: string[]) => void;
  correct: boolean | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'de' ? 'de' : 'en';
  const label = `${index + 1}. ${question.prompt[lang]}`;
  const description = question.kind === 'multiple' ? t('training.quiz.multiple') : t('training.quiz.single');
  const error = correct === false ? t('training.quiz.wrong') : undefined;
  const options = question.options.map((o) => ({ value: o.id, label: o.text[lang] }));
  return question.kind === 'single' ? (
    <Radio.Group
      label={label}
      description={description}
      value={value[0] ?? null}
      onChange={(v) => onChange([v])}
      error={error}
    >
      <Stack gap="xs" mt="xs">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </Stack>
    </Radio.Group>
  ) : (
    <Checkbox.Group label={label} description={description} value={value} onChange={onChange} error={error}>
      <Stack gap="xs" mt="xs">
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} label={o.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function Quiz({ training }: { training: Training }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<AttemptResult | null>(null);
  const mutation = useMutation({
    mutationFn: () => submitAttempt(training.id, answers),
    onSuccess: (r) => {
      setResult(r);
      void queryClient.invalidateQueries({ queryKey: queryKeys.guidelines });
    },
    onError: notifyError,
  });
  const correctness = new Map(result?.questions.map((q) => [q.id, q.correct]));
  const open = training.questions.filter((q) => (answers[q.id] ?? []).length === 0).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="quiz-title">
      <Stack>
        <Title order={2} id="quiz-title">
          {t('training.quiz.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('training.quiz.intro', { count: training.questions.length, passMark: training.passMark })}
        </Text>
        {training.questions.map((q, i) => (
          <Question
            key={q.id}
            question={q}
            index={i}
            value={answers[q.id] ?? []}
            onChange={(v) => {
              setAnswers({ ...answers, [q.id]: v });
              setResult(null);
            }}
            correct={correctness.get(q.id)}
          />
        ))}
        {result && (
          <Alert
            color={result.passed ? 'green' : 'red'}
            title={result.passed ? t('training.result.passed') : t('training.result.failed')}
            role="status"
          >
            {t('training.result.score', {
              score: result.score,
              correct: result.correctCount,
              total: result.total,
              passMark: result.passMark,
            })}{' '}
            {result.passed ? (
              <Link to="/governance">{t('training.result.backToRights')}</Link>
            ) : (
              t('training.result.tryAgain')
            )}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('training.quiz.submit')}
          </Button>
          {open > 0 && (
            <Text size="sm" c="dimmed">
              {t('training.quiz.open', { count: open })}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

export function TrainingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const canManage = useCan('guidelines.manage');
  const training = useQuery({ queryKey: queryKeys.training(id, false), queryFn: () => fetchTraining(id) });
  const lang = i18n.language === 'de' ? 'de' : 'en';
  if (training.isError) return <QueryError error={training.error} onRetry={() => void training.refetch()} />;
  if (training.isPending) return <Loader aria-label={t('common.loading')} />;
  const m = training.data;
  return (
    <Stack>
      <PageHeader
        title={m.title[lang]}
        description={m.summary[lang]}
        actions={
          canManage && (
            <Button variant="default" component={Link} to={`/governance/training/${m.id}/edit`}>
              {t('common.edit')}
            </Button>
          )
        }
      />
      {m.myStatus.passed && (
        <Alert color="green">{t('training.alreadyPassed', { score: m.myStatus.bestScore })}</Alert>
      )}
      <article lang={lang}>
        <Markdown>{m.content[lang]}</Markdown>
      </article>
      <Divider />
      {/* A new attempt starts fresh when the module changes. */}
      <Quiz key={m.revision} training={m} />
    </Stack>
  );
}
