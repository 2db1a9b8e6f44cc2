import { Readable } from 'node:stream';
import type { Executor } from '../../platform/db/client.ts';
import { type AuditFilter, type AuditRow, allEntries } from './repo.ts';

export type ExportFormat = 'csv' | 'jsonl';

const COLUMNS = [
  'seq',
  'at',
  'actorId',
  'actorLabel',
  'action',
  'targetType',
  'targetId',
  'targetLabel',
  'summary',
  'requestId',
  'ip',
  'prevHash',
  'hash',
] as const;

export function toPublicEntry(r: AuditRow) {
  return {
    id: String(r.id),
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorLabel: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    targetLabel: r.targetLabel,
    summary: r.summary,
    requestId: r.requestId,
    ip: r.ip,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

/** Cells starting with = + - @ are prefixed so a spreadsheet never runs them as formulas. */
function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Streams the filtered log oldest first, so an export of millions of entries never sits in memory. */
export function exportEntries(
  db: Executor,
  orgId: string,
  filter: AuditFilter,
  format: ExportFormat,
): Readable {
  async function* lines(): AsyncGenerator<string> {
    if (format === 'csv') yield `${COLUMNS.join(',')}\n`;
    for await (const row of allEntries(db, orgId, filter)) {
      const e = toPublicEntry(row);
      yield format === 'csv' ? `${COLUMNS.map((c) => csvCell(e[c])).join(',')}\n` : `${JSON.stringify(e)}\n`;
    }
  }
  return Readable.from(lines());
}
