import {
  Button,
  FileInput,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fetchChannels } from '../../api/channels.ts';
import { fetchDepartments } from '../../api/departments.ts';
import { queryKeys } from '../../api/query-keys.ts';
import {
  fileRequest,
  type NewRequest,
  REQUEST_TYPES,
  type RequestType,
  uploadRequestAttachment,
} from '../../api/requests.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useSession } from '../../session/session-context.ts';

const FIELDS = [
  'title',
  'description',
  'dueDate',
  'departmentId',
  'topic',
  'keywords',
  'periodFrom',
  'periodTo',
  'content',
  'channelIds',
  'desiredDate',
  'link',
  'question',
] as const;
type Field = (typeof FIELDS)[number];

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf';
const MAX_BYTES = 10 * 1024 * 1024;

/** Filing a request: common fields, then the fields of the chosen type, then attachments. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [type, setType] = useState<RequestType>('posting');
  const [v, setV] = useState<Record<Field, string>>({
    title: '',
    description: '',
    dueDate: '',
    departmentId: me.department?.id ?? '',
    topic: '',
    keywords: '',
    periodFrom: '',
    periodTo: '',
    content: '',
    channelIds: '',
    desiredDate: '',
    link: '',
    question: '',
  });
  const [keywords, setKeywords] = useState<string[]>([]);
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors<Field | 'files'>>({});
  const departments = useQuery({ queryKey: queryKeys.departments, queryFn: fetchDepartments });
  const channels = useQuery({
    queryKey: queryKeys.channels,
    queryFn: fetchChannels,
    enabled: type === 'posting',
  });
  const set = (field: Field) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [field]: e.currentTarget.value });
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

  const build = (): NewRequest => {
    const common = {
      title: v.title.trim(),
      description: v.description.trim(),
      dueDate: orNull(v.dueDate),
      departmentId: orNull(v.departmentId),
    };
    if (type === 'research')
      return {
        ...common,
        type,
        fields: {
          topic: v.topic.trim(),
          keywords,
          periodFrom: orNull(v.periodFrom),
          periodTo: orNull(v.periodTo),
        },
      };
    if (type === 'posting')
      return {
        ...common,
        type,
        fields: {
          content: v.content.trim(),
          channelIds,
          desiredDate: orNull(v.desiredDate),
          link: orNull(v.link),
        },
      };
    return { ...common, type, fields: { question: v.question.trim() } };
  };

  const mutation = useMutation({
    mutationFn: async () => {
      const created = await fileRequest(build());
      // The request exists once filed; a file refused afterwards is reported, and the request stays.
      for (const file of files) {
        try {
          await uploadRequestAttachment(created.id, file);
        } catch (error) {
          notifyError(error);
        }
      }
      return created;
    },
    onSuccess: (created) => {
      notifySuccess(t('requests.filed'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.requests });
      void navigate(`/requests/${created.id}`);
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors<Field | 'files'> = {};
    const required = (f: Field) => {
      if (!v[f].trim()) missing[f] = t('validation.required');
    };
    required('title');
    if (type === 'research') required('topic');
    if (type === 'posting') required('content');
    if (type === 'question') required('question');
    const tooBig = files.find((f) => f.size > MAX_BYTES);
    if (tooBig)
      missing.files = t('requests.form.fileTooLarge', { file: tooBig.name, maxMb: MAX_BYTES / 1024 / 1024 });
    setErrors(missing);
    if (Object.keys(missing).length === 0) mutation.mutate();
  };

  return (
    <Stack maw={720}>
      <PageHeader title={t('requests.form.title')} description={t('requests.form.summary')} />
      <form onSubmit={submit} noValidate>
        <Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="request-type-label">
              {t('requests.form.type')}
            </Text>
            <SegmentedControl
              aria-labelledby="request-type-label"
              value={type}
              onChange={(x) => setType(x as RequestType)}
              data={REQUEST_TYPES.map((x) => ({ value: x, label: t(`requests.types.${x}`) }))}
            />
            <Text size="xs" c="dimmed">
              {t(`requests.typeHints.${type}`)}
            </Text>
          </Stack>
          <TextInput
            label={t('requests.form.titleField')}
            required
            value={v.title}
            onChange={set('title')}
            error={errors.title}
          />
          {type === 'research' && (
            <>
              <TextInput
                label={t('requests.fields.topic')}
                description={t('requests.form.topicHint')}
                required
                value={v.topic}
                onChange={set('topic')}
                error={errors.topic}
              />
              <TagsInput
                label={t('requests.fields.keywords')}
                description={t('requests.form.keywordsHint')}
                value={keywords}
                onChange={setKeywords}
                maxTags={20}
                error={errors.keywords}
              />
              <Group grow>
                <TextInput
                  type="date"
                  label={t('requests.fields.periodFrom')}
                  value={v.periodFrom}
                  onChange={set('periodFrom')}
                  error={errors.periodFrom}
                />
                <TextInput
                  type="date"
                  label={t('requests.fields.periodTo')}
                  value={v.periodTo}
                  onChange={set('periodTo')}
                  error={errors.periodTo}
                />
              </Group>
            </>
          )}
          {type === 'posting' && (
            <>
              <Textarea
                label={t('requests.fields.content')}
                description={t('requests.form.contentHint')}
                required
                autosize
                minRows={4}
                value={v.content}
                onChange={set('content')}
                error={errors.content}
              />
              <MultiSelect
                label={t('requests.fields.channels')}
                data={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                value={channelIds}
                onChange={setChannelIds}
                searchable
                error={errors.channelIds}
              />
              <Group grow>
                <TextInput
                  type="date"
                  label={t('requests.fields.desiredDate')}
                  value={v.desiredDate}
                  onChange={set('desiredDate')}
                  error={errors.desiredDate}
                />
                <TextInput
                  type="url"
                  label={t('requests.fields.link')}
                  placeholder="https://"
                  value={v.link}
                  onChange={set('link')}
                  error={errors.link}
                />
              </Group>
            </>
          )}
          {type === 'question' && (
            <Textarea
              label={t('requests.fields.question')}
              required
              autosize
              minRows={3}
              value={v.question}
              onChange={set('question')}
              error={errors.question}
            />
          )}
          <Textarea
            label={t('requests.form.description')}
            autosize
            minRows={2}
            value={v.description}
            onChange={set('description')}
            error={errors.description}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('requests.form.dueDate')}
              description={t('requests.form.dueDateHint')}
              value={v.dueDate}
              onChange={set('dueDate')}
              error={errors.dueDate}
            />
            <Select
              label={t('requests.form.department')}
              value={v.departmentId}
              onChange={(x) => setV({ ...v, departmentId: x ?? '' })}
              data={[
                { value: '', label: t('common.none') },
                ...(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
              ]}
              allowDeselect={false}
              error={errors.departmentId}
            />
          </Group>
          <FileInput
            label={t('requests.form.attachments')}
            description={t('requests.form.attachmentsHint', { maxMb: MAX_BYTES / 1024 / 1024 })}
            multiple
            clearable
            accept={ACCEPT}
            value={files}
            onChange={setFiles}
            error={errors.files}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('requests.form.submit')}
            </Button>
            <Button variant="default" onClick={() => void navigate('/requests')}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
