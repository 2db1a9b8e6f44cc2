import { request, withQuery } from './client.ts';
import type { AuditFilter, AuditPage, AuditVerification, ItemList } from './types.ts';

export const AUDIT_PAGE_SIZE = 50;

const filterQuery = (filter: AuditFilter) => ({
  actorId: filter.actorId,
  action: filter.action,
  from: filter.from,
  to: filter.to,
});

export const fetchAuditPage = (filter: AuditFilter, cursor: string | null) =>
  request<AuditPage>('/api/v1/audit', { query: { ...filterQuery(filter), cursor, limit: AUDIT_PAGE_SIZE } });

export const fetchAuditActions = () => request<ItemList<string>>('/api/v1/audit/actions');

export const verifyAuditChain = () => request<AuditVerification>('/api/v1/audit/verify');

/** A plain link, so the browser downloads the file with the session cookie and no script in between. */
export const auditExportUrl = (format: 'csv' | 'jsonl', filter: AuditFilter) =>
  withQuery('/api/v1/audit/export', { format, ...filterQuery(filter) });
