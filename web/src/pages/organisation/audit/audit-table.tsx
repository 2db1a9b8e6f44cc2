import { Button, Code, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/types.ts';
import { useDateTime } from '../../../components/date-format.ts';

const COLUMNS = 6;

/** The target by name when the log recorded one; type and id stay visible for the technically minded. */
function AuditTarget({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.targetType) return t('common.none');
  const technical = `${entry.targetType} ${entry.targetId ?? ''}`.trim();
  if (!entry.targetLabel) return technical;
  return (
    <>
      {entry.targetLabel}
      <Text size="xs" c="dimmed">
        {technical}
      </Text>
    </>
  );
}

/** The summary is data written by other people: shown as text only, never interpreted as markup. */
function formatSummary(summary: unknown): string {
  return JSON.stringify(summary, null, 2) ?? 'null';
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const formatTime = useDateTime();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table>
        <Table.Caption>{t('audit.caption', { count: entries.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.fields.seq')}</Table.Th>
            <Table.Th scope="col">{t('audit.fields.time')}</Table.Th>
            <Table.Th scope="col">{t('audit.fields.person')}</Table.Th>
            <Table.Th scope="col">{t('audit.fields.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.fields.target')}</Table.Th>
            <Table.Th scope="col">{t('audit.fields.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const open = expanded.has(entry.id);
            const detailsId = `audit-details-${entry.id}`;
            return (
              <Fragment key={entry.id}>
                <Table.Tr>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td>
                    <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                  </Table.Td>
                  <Table.Td>{entry.actorLabel}</Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <AuditTarget entry={entry} />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-expanded={open}
                      aria-controls={open ? detailsId : undefined}
                      aria-label={t(open ? 'audit.hideDetailsOf' : 'audit.showDetailsOf', { seq: entry.seq })}
                      onClick={() => toggle(entry.id)}
                    >
                      {open ? t('audit.hideDetails') : t('audit.showDetails')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={COLUMNS}>
                      <Stack gap="xs">
                        <Text size="sm">
                          {t('audit.requestId')}: <Code>{entry.requestId ?? t('common.none')}</Code>
                        </Text>
                        <Text size="sm" fw={500}>
                          {t('audit.summary')}
                        </Text>
                        <Code block>{formatSummary(entry.summary)}</Code>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
