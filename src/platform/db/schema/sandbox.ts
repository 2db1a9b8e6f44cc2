import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './identity.ts';

/**
 * The sandbox network (connectors/sandbox): a small social network of its own inside each organisation,
 * for the demo, the tests and the benchmarks. Every row carries the organisation, and every reference
 * between sandbox rows includes it, so the schema itself keeps one organisation's sandbox from touching
 * another's.
 */

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const org = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

export interface SandboxMedia {
  filename: string;
  mimeType: string;
  size: number;
  altText: string;
}

export const sandboxAccounts = pgTable(
  'sandbox_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: org(),
    handle: text('handle').notNull(),
    displayName: text('display_name').notNull(),
    /** sha256 of the access token; the token is shown once, when the account is created. */
    tokenHash: text('token_hash').notNull().unique(),
    /** Simulated members of the audience (likes, reposts, replies from `engage`), not channel accounts. */
    audience: boolean('audience').notNull().default(false),
    latencyMs: integer('latency_ms').notNull().default(0),
    /** Token bucket of this size, refilled over a minute; null: no limit. */
    rateLimitPerMinute: integer('rate_limit_per_minute'),
    failureRate: doublePrecision('failure_rate').notNull().default(0),
    failureKinds: text('failure_kinds')
      .array()
      .notNull()
      .default(sql`'{rate_limit,server_error,timeout,lost_response}'::text[]`),
    bucketTokens: doublePrecision('bucket_tokens'),
    bucketAt: timestamp('bucket_at', { withTimezone: true, precision: 3 }),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('sandbox_accounts_org_handle_uq').on(t.orgId, sql`lower(${t.handle})`),
    unique('sandbox_accounts_org_id_uq').on(t.orgId, t.id),
    check('sandbox_accounts_failure_rate_ck', sql`${t.failureRate} >= 0 and ${t.failureRate} <= 1`),
    check('sandbox_accounts_latency_ck', sql`${t.latencyMs} >= 0`),
    check(
      'sandbox_accounts_rate_limit_ck',
      sql`${t.rateLimitPerMinute} is null or ${t.rateLimitPerMinute} > 0`,
    ),
  ],
);

export const sandboxPosts = pgTable(
  'sandbox_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of arrival: the cursor of the inbound feed. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    orgId: org(),
    accountId: uuid('account_id').notNull(),
    text: text('text').notNull(),
    /** What was uploaded, as metadata: the sandbox keeps no image bytes. */
    media: jsonb('media').$type<SandboxMedia[]>().notNull().default([]),
    replyToId: uuid('reply_to_id'),
    /** Set for a direct message: the one account that sees it. */
    directToAccountId: uuid('direct_to_account_id'),
    idempotencyKey: text('idempotency_key'),
    impressions: integer('impressions').notNull().default(0),
    createdAt: created(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: 'sandbox_posts_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [sandboxAccounts.orgId, sandboxAccounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'sandbox_posts_direct_to_fk',
      columns: [t.orgId, t.directToAccountId],
      foreignColumns: [sandboxAccounts.orgId, sandboxAccounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'sandbox_posts_reply_to_fk',
      columns: [t.orgId, t.replyToId],
      foreignColumns: [t.orgId, t.id],
    }).onDelete('cascade'),
    unique('sandbox_posts_org_id_uq').on(t.orgId, t.id),
    // One post per idempotency key and account: a second attempt finds the first.
    unique('sandbox_posts_account_key_uq').on(t.accountId, t.idempotencyKey),
    index('sandbox_posts_account_idx').on(t.orgId, t.accountId, t.seq),
    index('sandbox_posts_reply_to_idx').on(t.orgId, t.replyToId),
    index('sandbox_posts_direct_to_idx').on(t.orgId, t.directToAccountId),
  ],
);

/** Accounts named with @handle in a post. */
export const sandboxMentions = pgTable(
  'sandbox_mentions',
  {
    orgId: org(),
    postId: uuid('post_id').notNull(),
    accountId: uuid('account_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.accountId] }),
    foreignKey({
      name: 'sandbox_mentions_post_fk',
      columns: [t.orgId, t.postId],
      foreignColumns: [sandboxPosts.orgId, sandboxPosts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'sandbox_mentions_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [sandboxAccounts.orgId, sandboxAccounts.id],
    }).onDelete('cascade'),
    index('sandbox_mentions_account_idx').on(t.orgId, t.accountId),
  ],
);

export const sandboxLikes = pgTable(
  'sandbox_likes',
  {
    orgId: org(),
    postId: uuid('post_id').notNull(),
    accountId: uuid('account_id').notNull(),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.accountId] }),
    foreignKey({
      name: 'sandbox_likes_post_fk',
      columns: [t.orgId, t.postId],
      foreignColumns: [sandboxPosts.orgId, sandboxPosts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'sandbox_likes_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [sandboxAccounts.orgId, sandboxAccounts.id],
    }).onDelete('cascade'),
  ],
);

export const sandboxReposts = pgTable(
  'sandbox_reposts',
  {
    orgId: org(),
    postId: uuid('post_id').notNull(),
    accountId: uuid('account_id').notNull(),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.accountId] }),
    foreignKey({
      name: 'sandbox_reposts_post_fk',
      columns: [t.orgId, t.postId],
      foreignColumns: [sandboxPosts.orgId, sandboxPosts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'sandbox_reposts_account_fk',
      columns: [t.orgId, t.accountId],
      foreignColumns: [sandboxAccounts.orgId, sandboxAccounts.id],
    }).onDelete('cascade'),
  ],
);
