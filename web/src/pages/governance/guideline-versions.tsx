import { Button, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchGuidelineVersion, fetchGuidelineVersions } from '../../api/guidelines.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useDateTime } from '../../components/date-format.ts';
import { Markdown } from '../../components/markdown.tsx';
import { QueryError } from '../../components/query-error.tsx';

function VersionModal({ version, onClose }: { version: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const doc = useQuery({
    queryKey: [...queryKeys.guidelineVersions, version],
    queryFn: () => fetchGuidelineVersion(version),
  });
  const lang = i18n.language === 'de' ? 'de' : 'en';
  return (
    <Modal opened onClose={onClose} size="xl" title={t('guidelines.versions.show', { version })}>
      {doc.isError ? (
        <QueryError error={doc.error} />
      ) : doc.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <Markdown>{doc.data.body[lang]}</Markdown>
      )}
    </Modal>
  );
}

/** Every published version with how many people acknowledged it (managers). */
export function GuidelineVersions() {
  const { t, i18n } = useTranslation();
  const formatDateTime = useDateTime();
  const [shown, setShown] = useState<number | null>(null);
  const versions = useQuery({ queryKey: queryKeys.guidelineVersions, queryFn: fetchGuidelineVersions });
  const lang = i18n.language === 'de' ? 'de' : 'en';
  return (
    <Stack component="section" aria-labelledby="guideline-versions" mt="xl">
      <Title order={2} id="guideline-versions">
        {t('guidelines.versions.title')}
      </Title>
      {versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : versions.data.items.length === 0 ? (
        <Text c="dimmed">{t('guidelines.versions.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('guidelines.versions.version')}</Table.Th>
                <Table.Th scope="col">{t('guidelines.versions.titleColumn')}</Table.Th>
                <Table.Th scope="col">{t('guidelines.versions.published')}</Table.Th>
                <Table.Th scope="col">{t('guidelines.versions.note')}</Table.Th>
                <Table.Th scope="col">{t('guidelines.versions.acknowledgements')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.items.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Th scope="row">v{v.version}</Table.Th>
                  <Table.Td>{v.title[lang]}</Table.Td>
                  <Table.Td>
                    {formatDateTime(v.publishedAt)}
                    <Text size="xs" c="dimmed">
                      {v.publishedByLabel}
                    </Text>
                  </Table.Td>
                  <Table.Td>{v.note || t('common.none')}</Table.Td>
                  <Table.Td>{v.acknowledgements}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setShown(v.version)}
                      aria-label={t('guidelines.versions.show', { version: v.version })}
                    >
                      {t('guidelines.versions.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {shown !== null && <VersionModal version={shown} onClose={() => setShown(null)} />}
    </Stack>
  );
}
