import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './identity.ts';

/**
 * Append-only, hash-chained per organisation: hash = sha256(prev_hash + canonical entry), so changing,
 * removing or reordering an entry breaks every later hash (`chorus audit verify`).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** No foreign key: the chain must not change when a user row does. */
    actorId: uuid('actor_id'),
    /** Name and e-mail at the time, so the entry stays readable after the user is gone. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    /** What the target was called at the time (a name, an e-mail), so the log reads without lookups. */
    targetLabel: text('target_label'),
    summary: jsonb('summary').$type<{ before?: unknown; after?: unknown; [k: string]: unknown }>().notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_org_seq_uq').on(t.orgId, t.seq),
    index('audit_org_at_idx').on(t.orgId, t.at),
    index('audit_org_actor_idx').on(t.orgId, t.actorId, t.at),
    index('audit_org_action_idx').on(t.orgId, t.action, t.at),
  ],
);
