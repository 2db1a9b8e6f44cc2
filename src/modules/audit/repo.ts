import { and, asc, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/db/schema/audit.ts';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

export type AuditRow = typeof auditLog.$inferSelect;

function conditions(orgId: string, f: AuditFilter): SQL[] {
  const c: SQL[] = [eq(auditLog.orgId, orgId)];
  if (f.actorId) c.push(eq(auditLog.actorId, f.actorId));
  if (f.action) c.push(eq(auditLog.action, f.action));
  if (f.from) c.push(gte(auditLog.at, f.from));
  if (f.to) c.push(lte(auditLog.at, f.to));
  return c;
}

/** Newest first, keyset-paginated on seq. */
export async function listEntries(
  db: Executor,
  orgId: string,
  filter: AuditFilter,
  page: { beforeSeq?: number; limit: number },
): Promise<AuditRow[]> {
  const c = conditions(orgId, filter);
  if (page.beforeSeq !== undefined) c.push(lt(auditLog.seq, page.beforeSeq));
  return db
    .select()
    .from(auditLog)
    .where(and(...c))
    .orderBy(desc(auditLog.seq))
    .limit(page.limit);
}

/** Oldest first, in batches — for export and verification of long logs without loading them whole. */
export async function* allEntries(
  db: Executor,
  orgId: string,
  filter: AuditFilter = {},
  batch = 1000,
): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(...conditions(orgId, filter), sql`${auditLog.seq} > ${after}`))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    for (const r of rows) yield r;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.seq;
  }
}

export async function distinctActions(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.orgId, orgId))
    .orderBy(asc(auditLog.action));
  return rows.map((r) => r.action);
}
