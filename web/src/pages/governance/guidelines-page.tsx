import { Alert, Button, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guideline } from '../../api/governance-types.ts';
import { acknowledgeGuideline, fetchCurrentGuideline } from '../../api/guidelines.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { Locale } from '../../api/types.ts';
import { useDateTime } from '../../components/date-format.ts';
import { Markdown } from '../../components/markdown.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../../session/session-context.ts';
import { GuidelineEditor } from './guideline-editor.tsx';
import { GuidelineVersions } from './guideline-versions.tsx';

function Acknowledge({ guideline, acknowledgedAt }: { guideline: Guideline; acknowledgedAt: string | null }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => acknowledgeGuideline(guideline.version),
    onSuccess: () => {
      notifySuccess(t('guidelines.acknowledged', { version: guideline.version }));
      // Posting rights, the document's status and the compliance overview all change.
      void queryClient.invalidateQueries({ queryKey: queryKeys.guidelines });
    },
    onError: notifyError,
  });
  if (acknowledgedAt) {
    return (
      <Alert color="green" title={t('guidelines.acknowledgedTitle')}>
        {t('guidelines.acknowledgedAt', { version: guideline.version, at: formatDateTime(acknowledgedAt) })}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" title={t('guidelines.pleaseAcknowledgeTitle')} id="acknowledge">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('guidelines.pleaseAcknowledge', { version: guideline.version })}</Text>
        <Button onClick={() => mutation.mutate()} loading={mutation.isPending}>
          {t('guidelines.acknowledge')}
        </Button>
      </Stack>
    </Alert>
  );
}

export function GuidelinesPage() {
  const { t, i18n } = useTranslation();
  const formatDateTime = useDateTime();
  const canManage = useCan('guidelines.manage');
  const [editing, setEditing] = useState(false);
  const [shown, setShown] = useState<Locale>(i18n.language === 'de' ? 'de' : 'en');
  const doc = useQuery({ queryKey: queryKeys.guidelineDocument, queryFn: fetchCurrentGuideline });
  const current = doc.data?.current ?? null;

  return (
    <Stack>
      <PageHeader
        title={t('governance.guidelines.title')}
        description={t('governance.guidelines.summary')}
        actions={
          canManage &&
          doc.isSuccess && (
            <Button onClick={() => setEditing(true)}>
              {current ? t('guidelines.newVersion') : t('guidelines.firstVersion')}
            </Button>
          )
        }
      />
      {doc.isError ? (
        <QueryError error={doc.error} onRetry={() => void doc.refetch()} />
      ) : doc.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : !current ? (
        <Alert color="gray" title={t('guidelines.noneTitle')}>
          {canManage ? t('guidelines.noneManager') : t('guidelines.none')}
        </Alert>
      ) : (
        <>
          <Group justify="space-between" wrap="wrap">
            <Text c="dimmed" size="sm">
              {t('guidelines.versionLine', {
                version: current.version,
                at: formatDateTime(current.publishedAt),
                by: current.publishedByLabel,
              })}
            </Text>
            <SegmentedControl
              aria-label={t('guidelines.languageShown')}
              value={shown}
              onChange={(v) => setShown(v === 'de' ? 'de' : 'en')}
              data={[
                { value: 'de', label: t('language.de') },
                { value: 'en', label: t('language.en') },
              ]}
            />
          </Group>
          <Acknowledge guideline={current} acknowledgedAt={doc.data.acknowledgedAt} />
          <article lang={shown}>
            <Markdown>{current.body[shown]}</Markdown>
          </article>
        </>
      )}
      {canManage && <GuidelineVersions />}
      {editing && <GuidelineEditor current={current} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
