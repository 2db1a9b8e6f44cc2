import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/db/schema/audit.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { entryHash, GENESIS_HASH } from './hash-chain.ts';

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Defaults to the actor's label when the target is the acting user. */
  targetLabel?: string | null;
  /** Before/after of what changed; never secrets (passwords, tokens) — only that they changed. */
  summary?: { before?: unknown; after?: unknown; [k: string]: unknown };
}

/**
 * Appends one entry to the organisation's chain. Call it inside the transaction that makes the change,
 * so the change and its entry commit together. The advisory lock serialises appends per organisation
 * across processes; entries of different organisations do not wait for each other.
 */
export async function recordAudit(tx: Executor, actor: Actor, input: AuditInput): Promise<{ seq: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${actor.orgId}`}, 0))`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.orgId, actor.orgId))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const fields = {
    orgId: actor.orgId,
    seq,
    at: at.toISOString(),
    actorId: actor.userId,
    actorLabel: actor.label,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    targetLabel:
      input.targetLabel ??
      (input.targetType === 'user' && input.targetId === actor.userId ? actor.label : null),
    summary: input.summary ?? {},
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
  };
  const hash = entryHash(prevHash, fields);
  await tx.insert(auditLog).values({ ...fields, at, prevHash, hash });
  return { seq };
}
