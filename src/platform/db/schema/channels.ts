import { sql } from 'drizzle-orm';
import {
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './identity.ts';

/** A posting slot of a channel's plan: weekday 1 (Monday) … 7 (Sunday), local time "HH:MM". */
export interface PlanSlot {
  weekday: number;
  time: string;
}

/**
 * A connected account on one network. Company channels are run by a team (channel_members); personal
 * channels belong to one employee, who alone publishes there.
 */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    network: text('network').notNull(),
    name: text('name').notNull(),
    ownership: text('ownership').notNull(),
    /** The employee a personal channel belongs to; null for company channels. */
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    accountHandle: text('account_handle').notNull(),
    accountUrl: text('account_url').notNull(),
    serviceUrl: text('service_url').notNull().default(''),
    /** The connector's Credentials as JSON, sealed with the secret box under `channel:<id>`. */
    credentialsSealed: text('credentials_sealed').notNull(),
    /** active | needs_reauth (the network refused the credentials) */
    status: text('status').notNull().default('active'),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    lastError: text('last_error'),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    /** Where "next free slot" scheduling puts posts; times in planTimeZone. */
    plan: jsonb('plan').$type<PlanSlot[]>().notNull().default([]),
    planTimeZone: text('plan_time_zone').notNull().default('Europe/Berlin'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Removed channels stay for the history of their posts; queued posts to them fail with a reason. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('channels_org_idx').on(t.orgId),
    uniqueIndex('channels_account_uq').on(t.orgId, t.network, t.accountId).where(sql`${t.deletedAt} is null`),
    check('channels_ownership_ck', sql`${t.ownership} in ('company', 'personal')`),
    check('channels_owner_ck', sql`(${t.ownership} = 'personal') = (${t.ownerUserId} is not null)`),
  ],
);

/** The team that may publish to a company channel. */
export const channelMembers = pgTable(
  'channel_members',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] }), index('channel_members_user_idx').on(t.userId)],
);
