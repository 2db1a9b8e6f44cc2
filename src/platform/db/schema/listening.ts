import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels } from './channels.ts';
import { organisations, users } from './identity.ts';

/**
 * Listening (modules/listening): saved searches run over the networks that can search, the matches they
 * found, and alert rules that tell people about them. Every row carries the organisation.
 */

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const org = () =>
  uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

export const listeningSearches = pgTable(
  'listening_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: org(),
    name: text('name').notNull(),
    /** The query as typed (modules/listening/query.ts); parsed again wherever it is used. */
    query: text('query').notNull(),
    /** Only matches in this language (ISO 639-1), as detected; null: any. */
    language: text('language'),
    /** Channels whose networks are searched; empty: every channel whose network can search. */
    channelIds: uuid('channel_ids').array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  },
  (t) => [
    index('listening_searches_org_idx').on(t.orgId),
    unique('listening_searches_org_id_uq').on(t.orgId, t.id),
    uniqueIndex('listening_searches_org_name_uq').on(t.orgId, sql`lower(${t.name})`),
  ],
);

/** Where each OR-branch of a search stands on each channel: the network's cursor. */
export const listeningCursors = pgTable(
  'listening_cursors',
  {
    orgId: org(),
    searchId: uuid('search_id')
      .notNull()
      .references(() => listeningSearches.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    clauseKey: text('clause_key').notNull(),
    cursor: text('cursor'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.searchId, t.channelId, t.clauseKey] })],
);

export const listeningMatches = pgTable(
  'listening_matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: org(),
    searchId: uuid('search_id')
      .notNull()
      .references(() => listeningSearches.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    network: text('network').notNull(),
    /** The network's id of the post: one match per search, network and post. */
    itemId: text('item_id').notNull(),
    authorHandle: text('author_handle').notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    url: text('url').notNull(),
    language: text('language'),
    /** -1 (negative) … 1 (positive). */
    sentiment: real('sentiment').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
    foundAt: created(),
  },
  (t) => [
    unique('listening_matches_item_uq').on(t.searchId, t.network, t.itemId),
    index('listening_matches_stream_idx').on(t.orgId, t.searchId, t.postedAt, t.id),
    check('listening_matches_sentiment_ck', sql`${t.sentiment} >= -1 and ${t.sentiment} <= 1`),
  ],
);

export const listeningAlertRules = pgTable(
  'listening_alert_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: org(),
    searchId: uuid('search_id')
      .notNull()
      .references(() => listeningSearches.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** every_match | volume | negative_share */
    kind: text('kind').notNull(),
    /** volume: matches per window; negative_share: percent (1–100); every_match: unused (0). */
    threshold: integer('threshold').notNull().default(0),
    windowMinutes: integer('window_minutes').notNull().default(60),
    /** negative_share: fewer matches than this in the window say nothing. */
    minSample: integer('min_sample').notNull().default(10),
    /** After an alert, the rule stays silent this long: one spike, one alert. */
    quietMinutes: integer('quiet_minutes').notNull().default(60),
    active: boolean('active').notNull().default(true),
    inAppUserIds: uuid('in_app_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    /** Incoming-webhook URLs are secrets: sealed under `listening-webhook:<rule id>:<kind>`. */
    slackUrlSealed: text('slack_url_sealed'),
    teamsUrlSealed: text('teams_url_sealed'),
    /** The host of each webhook, to show which one is set without showing the secret. */
    slackHost: text('slack_host'),
    teamsHost: text('teams_host'),
    lastFiredAt: timestamp('last_fired_at', { withTimezone: true }),
    lastDeliveredAt: timestamp('last_delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    createdAt: created(),
  },
  (t) => [
    index('listening_alert_rules_search_idx').on(t.orgId, t.searchId),
    check('listening_alert_rules_kind_ck', sql`${t.kind} in ('every_match', 'volume', 'negative_share')`),
  ],
);

/** An alert that fired, with what it said; deliveries to each destination run as jobs. */
export const listeningAlerts = pgTable(
  'listening_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: org(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => listeningAlertRules.id, { onDelete: 'cascade' }),
    searchId: uuid('search_id')
      .notNull()
      .references(() => listeningSearches.id, { onDelete: 'cascade' }),
    /** Matches in the window (volume, share) or new matches (every match). */
    matchCount: integer('match_count').notNull(),
    /** negative_share: the share in percent; else null. */
    negativePercent: integer('negative_percent'),
    /** Up to five example texts, as found (shown as text everywhere). */
    excerpts: text('excerpts').array().notNull().default(sql`'{}'::text[]`),
    firedAt: created(),
  },
  (t) => [index('listening_alerts_rule_idx').on(t.orgId, t.ruleId, t.firedAt)],
);
