import { Anchor, Badge, Button, Card, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fetchSearches } from '../../api/listening.ts';
import { useDateTime } from '../../components/date-format.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useCan } from '../../session/session-context.ts';
import { SearchForm } from './search-form.tsx';

/** The organisation's saved searches; people who may manage listening create new ones here. */
export function SearchesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCan('listening.manage');
  const dateTime = useDateTime();
  const [creating, setCreating] = useState(false);
  const searches = useQuery({ queryKey: ['listening', 'searches'], queryFn: fetchSearches });

  return (
    <Stack>
      <PageHeader
        title={t('listening.title')}
        description={t('listening.description')}
        actions={
          canManage ? <Button onClick={() => setCreating(true)}>{t('listening.new')}</Button> : undefined
        }
      />
      {searches.error && <QueryError error={searches.error} onRetry={() => void searches.refetch()} />}
      {searches.data && searches.data.items.length === 0 && <Text c="dimmed">{t('listening.none')}</Text>}
      {searches.data && searches.data.items.length > 0 && (
        <Card withBorder padding={0}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('listening.name')}</Table.Th>
                <Table.Th>{t('listening.query')}</Table.Th>
                <Table.Th>{t('listening.matches')}</Table.Th>
                <Table.Th>{t('listening.lastRun')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {searches.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/listening/${s.id}`}>
                      {s.name}
                    </Anchor>{' '}
                    {!s.active && <Badge color="gray">{t('listening.paused')}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {s.query}
                    </Text>
                  </Table.Td>
                  <Table.Td>{s.matchCount}</Table.Td>
                  <Table.Td>
                    {s.lastRunAt ? dateTime(s.lastRunAt) : '—'}
                    {s.lastError && (
                      <Text size="xs" c="red">
                        {s.lastError}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('listening.new')} size="lg">
        <SearchForm onDone={(s) => void navigate(`/listening/${s.id}`)} />
      </Modal>
    </Stack>
  );
}
