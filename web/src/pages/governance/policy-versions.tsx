import { Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchPolicyVersions } from '../../api/guidelines.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useDateTime } from '../../components/date-format.ts';
import { QueryError } from '../../components/query-error.tsx';

/** Saved versions of the rules; any of them can be loaded into the editor and saved again as the newest. */
export function PolicyVersions({ onLoad }: { onLoad: (version: number) => void }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const versions = useQuery({ queryKey: queryKeys.policyVersions, queryFn: fetchPolicyVersions });
  return (
    <Stack component="section" aria-labelledby="policy-versions">
      <Title order={2} size="h3" id="policy-versions">
        {t('policy.versions.title')}
      </Title>
      {versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : versions.data.items.length === 0 ? (
        <Text c="dimmed">{t('policy.versions.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('policy.versions.version')}</Table.Th>
                <Table.Th scope="col">{t('policy.versions.saved')}</Table.Th>
                <Table.Th scope="col">{t('policy.versions.note')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.items.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Th scope="row">v{v.version}</Table.Th>
                  <Table.Td>
                    {formatDateTime(v.createdAt)}
                    <Text size="xs" c="dimmed">
                      {v.createdByLabel}
                    </Text>
                  </Table.Td>
                  <Table.Td>{v.note || t('common.none')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => onLoad(v.version)}
                      aria-label={t('policy.versions.loadVersion', { version: v.version })}
                    >
                      {t('policy.versions.load')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
