import { Button, Code, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../api/types.ts';
import { useDateTime } from '../../../components/date-format.ts';
import { auditActionLabel, auditTargetTypeLabel, isKnownAction } from './audit-names.ts';

const COLUMNS = 6;

/** The summary is data written by other people: shown as text only, never interpreted as markup. */
function formatSummary(summary: unknown): string {
  return JSON.stringify(summary, null, 2) ?? 'null';
}

/**
 * The target by what it was called at the time, with its kind below; ids mean nothing to most readers and
 * are in the details. Without a recorded name the kind alone says what was affected.
 */
function AuditTarget({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.targetType) return t('common.none');
  const type = auditTargetTypeLabel(t, entry.targetType);
  if (!entry.targetLabel) return type;
  return (
    <>
      {entry.targetLabel}
      <Text size="xs" c="dimmed">
        {type}
      </Text>
    </>
  );
}

/** The name in the UI language; an action this UI cannot name yet shows its code, marked as such. */
function AuditAction({ action }: { action: string }) {
  const { t } = useTranslation();
  return isKnownAction(action) ? auditActionLabel(t, action) : <Code>{action}</Code>;
}

/** The technical side of an entry: codes and ids for people who compare with exports, logs or the API. */
function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const target = entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}`.trim() : none;
  const rows: [string, string][] = [
    [t('audit.details.actionCode'), entry.action],
    [t('audit.details.target'), target],
    [t('audit.details.actorId'), entry.actorId ?? none],
    [t('audit.requestId'), entry.requestId ?? none],
    [t('audit.details.ip'), entry.ip ?? none],
  ];
  return (
    <Stack gap="xs">
      {rows.map(([label, value]) => (
        <Text size="sm" key={label}>
          {label}: <Code>{value}</Code>
        </Text>
      ))}
      <Text size="sm" fw={500}>
        {t('audit.summary')}
      </Text>
      <Code block>{formatSummary(entry.summary)}</Code>
    </Stack>
  );
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
                    <AuditAction action={entry.action} />
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
                      <AuditDetails entry={entry} />
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
