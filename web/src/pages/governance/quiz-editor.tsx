import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrainingInput } from '../../api/governance-types.ts';

export type EditableQuestion = TrainingInput['questions'][number];

/** A fresh id no other question or option of the list has; ids only need to be unique within the quiz. */
export function freshId(prefix: string, taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((x) => x.id === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function newQuestion(taken: readonly { id: string }[]): EditableQuestion {
  return {
    id: freshId('q', taken),
    kind: 'single',
    prompt: { de: '', en: '' },
    options: [
      { id: 'a', text: { de: '', en: '' }, correct: true },
      { id: 'b', text: { de: '', en: '' }, correct: false },
    ],
  };
}

function QuestionEditor({
  question,
  index,
  onChange,
  onRemove,
}: {
  question: EditableQuestion;
  index: number;
  onChange: (q: EditableQuestion) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const setOption = (i: number, change: Partial<EditableQuestion['options'][number]>) =>
    onChange({
      ...question,
      options: question.options.map((o, j) => {
        if (j === i) return { ...o, ...change };
        // A single-choice question has one right answer: marking one unmarks the others.
        return change.correct && question.kind === 'single' ? { ...o, correct: false } : o;
      }),
    });
  return (
    <Card withBorder component="fieldset" aria-label={t('trainingEditor.question', { n })}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t('trainingEditor.question', { n })}
          </Title>
          <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
            {t('trainingEditor.removeQuestion', { n })}
          </Button>
        </Group>
        <Select
          label={t('trainingEditor.kind')}
          value={question.kind}
          onChange={(v) => onChange({ ...question, kind: v === 'multiple' ? 'multiple' : 'single' })}
          data={[
            { value: 'single', label: t('trainingEditor.single') },
            { value: 'multiple', label: t('trainingEditor.multiple') },
          ]}
          allowDeselect={false}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('trainingEditor.prompt', { language: t('language.de') })}
            value={question.prompt.de}
            onChange={(e) =>
              onChange({ ...question, prompt: { ...question.prompt, de: e.currentTarget.value } })
            }
          />
          <TextInput
            label={t('trainingEditor.prompt', { language: t('language.en') })}
            value={question.prompt.en}
            onChange={(e) =>
              onChange({ ...question, prompt: { ...question.prompt, en: e.currentTarget.value } })
            }
          />
        </Group>
        <Text size="sm" fw={500}>
          {t('trainingEditor.options')}
        </Text>
        {question.options.map((o, i) => (
          <Group key={o.id} align="flex-end" wrap="nowrap">
            <Checkbox
              label={t('trainingEditor.correct')}
              checked={o.correct}
              onChange={(e) => setOption(i, { correct: e.currentTarget.checked })}
              mb={8}
            />
            <TextInput
              style={{ flex: 1 }}
              label={t('trainingEditor.option', { n: i + 1, language: t('language.de') })}
              value={o.text.de}
              onChange={(e) => setOption(i, { text: { ...o.text, de: e.currentTarget.value } })}
            />
            <TextInput
              style={{ flex: 1 }}
              label={t('trainingEditor.option', { n: i + 1, language: t('language.en') })}
              value={o.text.en}
              onChange={(e) => setOption(i, { text: { ...o.text, en: e.currentTarget.value } })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              disabled={question.options.length <= 2}
              aria-label={t('trainingEditor.removeOption', { n: i + 1 })}
              onClick={() => onChange({ ...question, options: question.options.filter((_, j) => j !== i) })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            disabled={question.options.length >= 10}
            onClick={() =>
              onChange({
                ...question,
                options: [
                  ...question.options,
                  { id: freshId('o', question.options), text: { de: '', en: '' }, correct: false },
                ],
              })
            }
          >
            {t('trainingEditor.addOption')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function QuizEditor({
  questions,
  onChange,
  error,
}: {
  questions: EditableQuestion[];
  onChange: (q: EditableQuestion[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('trainingEditor.quiz')}
      </Title>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      {questions.map((q, i) => (
        <QuestionEditor
          key={q.id}
          question={q}
          index={i}
          onChange={(next) => onChange(questions.map((x, j) => (j === i ? next : x)))}
          onRemove={() => onChange(questions.filter((_, j) => j !== i))}
        />
      ))}
      <Group>
        <Button variant="default" onClick={() => onChange([...questions, newQuestion(questions)])}>
          {t('trainingEditor.addQuestion')}
        </Button>
      </Group>
    </Stack>
  );
}
