import { Anchor, Badge, Button, Group, Loader, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TrainingSummary } from '../../api/governance-types.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { fetchTrainings } from '../../api/training.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../../session/session-context.ts';

function Required({ module }: { module: TrainingSummary }) {
  const { t } = useTranslation();
  const kinds = (['company', 'personal'] as const).filter((k) => module.requiredFor[k]);
  if (kinds.length === 0) return <Text size="sm">{t('training.optional')}</Text>;
  return (
    <Group gap={4}>
      {kinds.map((k) => (
        <Badge key={k} variant="outline">
          {t(`postingRights.${k}`)}
        </Badge>
      ))}
    </Group>
  );
}

function MyStatus({ module }: { module: TrainingSummary }) {
  const { t } = useTranslation();
  const s = module.myStatus;
  if (s.passed) return <Badge color="green">{t('training.status.passed', { score: s.bestScore })}</Badge>;
  if (s.attempts > 0)
    return <Badge color="yellow">{t('training.status.notPassed', { score: s.bestScore })}</Badge>;
  return <Badge color="gray">{t('training.status.open')}</Badge>;
}

export function TrainingListPage() {
  const { t, i18n } = useTranslation();
  const canManage = useCan('guidelines.manage');
  const [archived, setArchived] = useState(false);
  const list = useQuery({ queryKey: queryKeys.trainings(archived), queryFn: () => fetchTrainings(archived) });
  const lang = i18n.language === 'de' ? 'de' : 'en';
  return (
    <Stack>
      <PageHeader
        title={t('governance.training.title')}
        description={t('governance.training.summary')}
        actions={
          canManage && (
            <Button component={Link} to="/governance/training/new">
              {t('training.create')}
            </Button>
          )
        }
      />
      {canManage && (
        <Switch
          label={t('training.showArchived')}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
        />
      )}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('training.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('training.fields.module')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.requiredFor')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.myStatus')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/governance/training/${m.id}`} fw={600}>
                      {m.title[lang]}
                    </Anchor>
                    {m.archived && (
                      <Badge ml="xs" color="gray" variant="light">
                        {t('training.archived')}
                      </Badge>
                    )}
                    <Text size="sm" c="dimmed">
                      {m.summary[lang]}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Required module={m} />
                  </Table.Td>
                  <Table.Td>
                    <MyStatus module={m} />
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        component={Link}
                        to={`/governance/training/${m.id}/edit`}
                        aria-label={t('training.editModule', { title: m.title[lang] })}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
