import { Badge, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { complianceExportUrl, fetchComplianceReport } from '../../api/compliance.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useDateTime } from '../../components/date-format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { roleLabel } from '../../components/roles.ts';

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={value ? 'green' : 'red'} variant="light">
      {value ? t('compliance.yes') : t('compliance.no')}
    </Badge>
  );
}

export function CompliancePage() {
  const { t, i18n } = useTranslation();
  const formatDateTime = useDateTime();
  const report = useQuery({ queryKey: queryKeys.compliance(i18n.language), queryFn: fetchComplianceReport });
  return (
    <Stack>
      <PageHeader
        title={t('governance.compliance.title')}
        description={t('governance.compliance.summary')}
        actions={
          <Button component="a" href={complianceExportUrl} download variant="default">
            {t('compliance.exportCsv')}
          </Button>
        }
      />
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : report.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          <Text>
            {report.data.currentVersion === null
              ? t('compliance.noGuideline')
              : t('compliance.currentVersion', { version: report.data.currentVersion })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped>
              <Table.Caption>{t('compliance.caption', { count: report.data.people.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('compliance.person')}</Table.Th>
                  <Table.Th scope="col">{t('compliance.role')}</Table.Th>
                  <Table.Th scope="col">{t('compliance.guideline')}</Table.Th>
                  {report.data.trainings.map((tr) => (
                    <Table.Th scope="col" key={tr.id}>
                      {tr.title}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t('postingRights.company')}</Table.Th>
                  <Table.Th scope="col">{t('postingRights.personal')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.people.map((p) => (
                  <Table.Tr key={p.userId}>
                    <Table.Th scope="row" fw={400}>
                      <Text fw={600} size="sm">
                        {p.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {p.email}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      {roleLabel(t, p.role)}
                      {p.departmentName && (
                        <Text size="xs" c="dimmed">
                          {p.departmentName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.acknowledgedVersion === null ? (
                        <Badge color="red" variant="light">
                          {t('compliance.notAcknowledged')}
                        </Badge>
                      ) : (
                        <>
                          <Badge color={p.acknowledgedCurrent ? 'green' : 'yellow'} variant="light">
                            {p.acknowledgedCurrent
                              ? t('compliance.acknowledged', { version: p.acknowledgedVersion })
                              : t('compliance.outdated', { version: p.acknowledgedVersion })}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            {formatDateTime(p.acknowledgedAt)}
                          </Text>
                        </>
                      )}
                    </Table.Td>
                    {p.trainings.map((tr) => (
                      <Table.Td key={tr.id}>
                        {tr.passed ? (
                          <Badge color="green" variant="light">
                            {t('compliance.passed', { score: tr.bestScore })}
                          </Badge>
                        ) : tr.bestScore !== null ? (
                          <Badge color="yellow" variant="light">
                            {t('compliance.failed', { score: tr.bestScore })}
                          </Badge>
                        ) : (
                          <Text size="sm">{t('common.none')}</Text>
                        )}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <YesNo value={p.companyAllowed} />
                    </Table.Td>
                    <Table.Td>
                      <YesNo value={p.personalAllowed} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
