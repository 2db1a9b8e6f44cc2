import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels } from './channels.ts';
import { departments, organisations, users } from './identity.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const at = (name: string) => timestamp(name, { withTimezone: true });
const orgRef = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

/** A campaign posts belong to (the editorial plan groups and filters by it). */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    name: text('name').notNull(),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    archivedAt: at('archived_at'),
  },
  (t) => [uniqueIndex('campaigns_org_name_uq').on(t.orgId, sql`lower(${t.name})`)],
);

/** One step of an approval workflow: `count` distinct people holding one of `roles` must approve. */
export interface WorkflowStep {
  roles: string[];
  count: number;
}

/**
 * Who must approve posts of a department and/or to a channel. A post needs every workflow that matches one
 * of its channels (the most specific per channel: department and channel, then channel, then department,
 * then the organisation-wide one with neither).
 */
export const approvalWorkflows = pgTable(
  'approval_workflows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    name: text('name').notNull(),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
    steps: jsonb('steps').$type<WorkflowStep[]>().notNull(),
    /** Steps complete one after the other; otherwise approvals count for any step in any order. */
    ordered: boolean('ordered').notNull().default(true),
    /** Whether the author may count as one of the approvers. */
    allowSelfApproval: boolean('allow_self_approval').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('approval_workflows_org_idx').on(t.orgId),
    uniqueIndex('approval_workflows_scope_uq').on(
      t.orgId,
      sql`coalesce(${t.departmentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.channelId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/**
 * A post: one base text, a variant per channel (post_targets), media, comments, approvals and history.
 * `state` is the workflow state; each target carries its own sending state.
 */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    baseText: text('base_text').notNull().default(''),
    /** draft | in_review | changes_requested | approved */
    state: text('state').notNull().default('draft'),
    /** Bumped by every edit of what would be published; approvals are given to one version. */
    version: integer('version').notNull().default(1),
    approvedVersion: integer('approved_version'),
    /** The version whose guideline findings a permitted person overrode (with a reason, audited). */
    overrideVersion: integer('override_version'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('posts_org_updated_idx').on(t.orgId, t.updatedAt),
    check('posts_state_ck', sql`${t.state} in ('draft', 'in_review', 'changes_requested', 'approved')`),
  ],
);

/**
 * The post on one channel. `state`: draft → scheduled → sending → published; or failed (a reason a person
 * can act on), needs_decision (sending was interrupted and the network cannot tell whether it went out),
 * cancelled. `sending` is written, with the idempotency key, before the network is called.
 */
export const postTargets = pgTable(
  'post_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id),
    /** The channel's variant; null publishes the base text. */
    variantText: text('variant_text'),
    state: text('state').notNull().default('draft'),
    scheduledAt: at('scheduled_at'),
    /** New for every scheduling of a new version; the network sees the same key on every retry. */
    idempotencyKey: text('idempotency_key').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the current send began; a `sending` row older than the lease was interrupted by a crash. */
    sendingSince: at('sending_since'),
    /** First send of this key: the network's own idempotency window counts from here. */
    firstSentAt: at('first_sent_at'),
    /** The exact text sent (set when sending starts); later edits of the post do not change it. */
    sentText: text('sent_text'),
    remoteId: text('remote_id'),
    remoteUrl: text('remote_url'),
    publishedAt: at('published_at'),
    failureCode: text('failure_code'),
    failureReason: text('failure_reason'),
    likes: integer('likes'),
    reposts: integer('reposts'),
    replies: integer('replies'),
    impressions: integer('impressions'),
    metricsAt: at('metrics_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('post_targets_post_channel_uq').on(t.postId, t.channelId),
    uniqueIndex('post_targets_key_uq').on(t.idempotencyKey),
    index('post_targets_due_idx').on(t.state, t.scheduledAt),
    index('post_targets_org_time_idx').on(t.orgId, t.scheduledAt),
    check(
      'post_targets_state_ck',
      sql`${t.state} in ('draft', 'scheduled', 'sending', 'published', 'failed', 'needs_decision', 'cancelled')`,
    ),
  ],
);

export const postMedia = pgTable(
  'post_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    altText: text('alt_text').notNull(),
    data: bytea('data').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('post_media_post_idx').on(t.postId)],
);

/** Internal discussion of a post; never published. */
export const postComments = pgTable(
  'post_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    mentionedUserIds: jsonb('mentioned_user_ids').$type<string[]>().notNull().default([]),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('post_comments_post_idx').on(t.postId)],
);

export const postApprovals = pgTable(
  'post_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    postVersion: integer('post_version').notNull(),
    approverId: uuid('approver_id')
      .notNull()
      .references(() => users.id),
    approverRole: text('approver_role').notNull(),
    /** approved | changes_requested */
    decision: text('decision').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('post_approvals_post_idx').on(t.postId, t.postVersion)],
);

/** Every change of a post's or a target's state, for the history shown with the post. */
export const postEvents = pgTable(
  'post_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgRef(),
    postId: uuid('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id'),
    /** null: the system (the publisher, the reconciler). */
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    kind: text('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('post_events_post_idx').on(t.postId, t.createdAt)],
);
