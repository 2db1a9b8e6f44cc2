import { Button, Group, Modal, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guideline, Localized } from '../../api/governance-types.ts';
import { fetchGuidelineTemplates, publishGuideline } from '../../api/guidelines.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { type FieldErrors, formErrors } from '../../components/form-errors.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';

const FIELDS = ['title', 'body', 'note'] as const;
const LANGS = ['de', 'en'] as const;

/**
 * Writes the next version of the guideline, starting from the current one (or the template). Publishing
 * replaces the current version at once, and everybody has to acknowledge it again.
 */
export function GuidelineEditor({ current, onClose }: { current: Guideline | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState<Localized>(current?.title ?? { de: '', en: '' });
  const [body, setBody] = useState<Localized>(current?.body ?? { de: '', en: '' });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors<(typeof FIELDS)[number]>>({});

  const template = useMutation({
    mutationFn: fetchGuidelineTemplates,
    onSuccess: (tpl) => {
      setTitle(tpl.guideline.title);
      setBody(tpl.guideline.body);
    },
    onError: notifyError,
  });
  const publish = useMutation({
    mutationFn: () => publishGuideline({ title, body, note }),
    onSuccess: (saved) => {
      notifySuccess(t('guidelines.published', { version: saved.version }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.guidelines });
      onClose();
    },
    onError: (error) => setErrors(formErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = LANGS.some((l) => !title[l].trim() || !body[l].trim());
    if (missing) {
      setErrors({ body: t('guidelines.editor.bothLanguages') });
      return;
    }
    setErrors({});
    publish.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('guidelines.editor.title', { version: (current?.version ?? 0) + 1 })}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Tabs defaultValue="de">
            <Tabs.List>
              {LANGS.map((l) => (
                <Tabs.Tab key={l} value={l}>
                  {t(`language.${l}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {LANGS.map((l) => (
              <Tabs.Panel key={l} value={l} pt="sm">
                <Stack>
                  <TextInput
                    label={t('guidelines.editor.titleField', { language: t(`language.${l}`) })}
                    required
                    value={title[l]}
                    onChange={(e) => setTitle({ ...title, [l]: e.currentTarget.value })}
                    error={errors.title}
                  />
                  <Textarea
                    label={t('guidelines.editor.bodyField', { language: t(`language.${l}`) })}
                    description={t('guidelines.editor.bodyHint')}
                    required
                    autosize
                    minRows={12}
                    maxRows={28}
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                    value={body[l]}
                    onChange={(e) => setBody({ ...body, [l]: e.currentTarget.value })}
                    error={errors.body}
                  />
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
          <TextInput
            label={t('guidelines.editor.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
          <Group justify="space-between">
            <Button variant="default" onClick={() => template.mutate()} loading={template.isPending}>
              {t('guidelines.editor.fromTemplate')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={publish.isPending}>
                {t('guidelines.editor.publish')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
