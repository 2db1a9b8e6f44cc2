import {
  Button,
  Group,
  Loader,
  NumberInput,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Localized, Training, TrainingInput } from '../../api/governance-types.ts';
import { fetchGuidelineTemplates } from '../../api/guidelines.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { createTraining, fetchTraining, updateTraining } from '../../api/training.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { newQuestion, QuizEditor } from './quiz-editor.tsx';

const FIELDS = ['title', 'summary', 'content', 'questions', 'passMark'] as const;
const LANGS = ['de', 'en'] as const;

const EMPTY: TrainingInput = {
  title: { de: '', en: '' },
  summary: { de: '', en: '' },
  content: { de: '', en: '' },
  questions: [newQuestion([])],
  passMark: 75,
  requiredFor: { company: false, personal: false },
};

function toInput(m: Training): TrainingInput {
  return {
    title: m.title,
    summary: m.summary,
    content: m.content,
    questions: m.questions.map((q) => ({
      ...q,
      options: q.options.map((o) => ({ ...o, correct: o.correct ?? false })),
    })),
    passMark: m.passMark,
    requiredFor: m.requiredFor,
    archived: m.archived,
  };
}

function LocalizedFields({
  name,
  value,
  onChange,
  error,
  multiline,
}: {
  name: 'title' | 'summary' | 'content';
  value: Localized;
  onChange: (v: Localized) => void;
  error?: string;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      {LANGS.map((l) => {
        const props = {
          label: t(`trainingEditor.${name}`, { language: t(`language.${l}`) }),
          value: value[l],
          error,
          required: name !== 'summary',
          onChange: (e: { currentTarget: { value: string } }) =>
            onChange({ ...value, [l]: e.currentTarget.value }),
        };
        return multiline ? (
          <Textarea key={l} {...props} autosize minRows={name === 'content' ? 10 : 2} maxRows={24} />
        ) : (
          <TextInput key={l} {...props} />
        );
      })}
    </Group>
  );
}

function TrainingForm({ id, initial }: { id: string | null; initial: TrainingInput }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<TrainingInput>(initial);
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});
  const templates = useQuery({
    queryKey: queryKeys.guidelineTemplates,
    queryFn: fetchGuidelineTemplates,
    enabled: id === null,
  });
  const lang = i18n.language === 'de' ? 'de' : 'en';
  const save = useMutation({
    mutationFn: () => (id ? updateTraining(id, input) : createTraining(input)),
    onSuccess: (saved) => {
      notifySuccess(t('trainingEditor.saved', { title: saved.title[lang] }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.guidelines });
      void navigate(`/governance/training/${saved.id}`);
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Say which question lacks text, rather than the server's "questions.4.prompt.de".
    const blank = (l: Localized) => !l.de.trim() || !l.en.trim();
    const incomplete = input.questions.findIndex(
      (q) => blank(q.prompt) || q.options.some((o) => blank(o.text)),
    );
    const next: FieldErrors<(typeof FIELDS)[number]> = {};
    if (blank(input.title)) next.title = t('trainingEditor.bothLanguages');
    if (blank(input.content)) next.content = t('trainingEditor.bothLanguages');
    if (incomplete >= 0) next.questions = t('trainingEditor.incomplete', { n: incomplete + 1 });
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };
  const set = <K extends keyof TrainingInput>(key: K, value: TrainingInput[K]) =>
    setInput({ ...input, [key]: value });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {id === null && templates.data && (
          <Select
            label={t('trainingEditor.fromTemplate')}
            placeholder={t('trainingEditor.chooseTemplate')}
            data={templates.data.trainings.map((tpl, i) => ({ value: String(i), label: tpl.title[lang] }))}
            onChange={(v) => {
              const tpl = v === null ? undefined : templates.data.trainings[Number(v)];
              if (tpl) setInput(tpl);
            }}
          />
        )}
        <LocalizedFields
          name="title"
          value={input.title}
          onChange={(v) => set('title', v)}
          error={errors.title}
        />
        <LocalizedFields
          name="summary"
          value={input.summary}
          onChange={(v) => set('summary', v)}
          error={errors.summary}
          multiline
        />
        <LocalizedFields
          name="content"
          value={input.content}
          onChange={(v) => set('content', v)}
          error={errors.content}
          multiline
        />
        <Title order={2} size="h3">
          {t('trainingEditor.rules')}
        </Title>
        <NumberInput
          label={t('trainingEditor.passMark')}
          min={1}
          max={100}
          suffix=" %"
          value={input.passMark}
          onChange={(v) => set('passMark', typeof v === 'number' ? v : Number(v) || 1)}
          error={errors.passMark}
          maw={200}
        />
        <Switch
          label={t('trainingEditor.requiredCompany')}
          checked={input.requiredFor.company}
          onChange={(e) => set('requiredFor', { ...input.requiredFor, company: e.currentTarget.checked })}
        />
        <Switch
          label={t('trainingEditor.requiredPersonal')}
          checked={input.requiredFor.personal}
          onChange={(e) => set('requiredFor', { ...input.requiredFor, personal: e.currentTarget.checked })}
        />
        {id !== null && (
          <Switch
            label={t('trainingEditor.archived')}
            description={t('trainingEditor.archivedHint')}
            checked={input.archived ?? false}
            onChange={(e) => set('archived', e.currentTarget.checked)}
          />
        )}
        <QuizEditor
          questions={input.questions}
          onChange={(q) => set('questions', q)}
          error={errors.questions}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => void navigate(id ? `/governance/training/${id}` : '/governance/training')}
          >
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Creating a module (/governance/training/new) or changing one (/governance/training/:id/edit). */
export function TrainingEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const existing = useQuery({
    queryKey: queryKeys.training(id ?? '', true),
    queryFn: () => fetchTraining(id ?? '', true),
    enabled: id !== undefined,
  });
  const title = id ? t('trainingEditor.editTitle') : t('trainingEditor.createTitle');
  return (
    <Stack>
      <PageHeader title={title} description={t('trainingEditor.intro')} />
      {id === undefined ? (
        <TrainingForm id={null} initial={EMPTY} />
      ) : existing.isError ? (
        <QueryError error={existing.error} onRetry={() => void existing.refetch()} />
      ) : existing.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <TrainingForm key={existing.data.revision} id={id} initial={toInput(existing.data)} />
      )}
    </Stack>
  );
}
