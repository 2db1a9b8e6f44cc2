import { z } from 'zod';
import { MAX_QUERY_CHARS } from './query.ts';

/** Listening's DTOs, shared with the web client. */

export const LANGUAGES = ['de', 'en'] as const;
export const ALERT_KINDS = ['every_match', 'volume', 'negative_share'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const searchBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  query: z.string().max(MAX_QUERY_CHARS),
  language: z.enum(LANGUAGES).nullable().default(null),
  channelIds: z.array(z.uuid()).max(50).default([]),
  active: z.boolean().default(true),
});
export type SearchBody = z.infer<typeof searchBody>;

export const searchSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.string(),
  language: z.enum(LANGUAGES).nullable(),
  channelIds: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  lastRunAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  matchCount: z.number().int(),
});

export const checkQueryBody = z.strictObject({ query: z.string().max(MAX_QUERY_CHARS * 2) });

export const matchSchema = z.object({
  id: z.uuid(),
  network: z.string(),
  itemId: z.string(),
  authorHandle: z.string(),
  authorName: z.string(),
  text: z.string(),
  url: z.string(),
  language: z.string().nullable(),
  sentiment: z.number(),
  postedAt: z.string(),
  foundAt: z.string(),
});

export const matchesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** Keyset: the `next` of the previous page. */
  before: z.string().max(200).optional(),
  sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
  network: z.enum(['sandbox', 'mastodon', 'bluesky']).optional(),
  language: z.enum(LANGUAGES).optional(),
  q: z.string().trim().max(200).optional(),
});

export const statsQuery = z.strictObject({
  bucket: z.enum(['hour', 'day']).default('hour'),
  days: z.coerce.number().int().min(1).max(90).default(2),
  timeZone: z.string().max(64).default('Europe/Berlin'),
});

export const statsSchema = z.object({
  bucket: z.enum(['hour', 'day']),
  points: z.array(
    z.object({
      at: z.string(),
      total: z.number().int(),
      negative: z.number().int(),
      positive: z.number().int(),
      averageSentiment: z.number().nullable(),
    }),
  ),
});

const webhookUrl = z.string().trim().max(2000);

export const ruleBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(ALERT_KINDS),
    /** volume: matches per window (1–100000); negative_share: percent (1–100); every_match: ignored. */
    threshold: z.number().int().min(0).max(100_000).default(0),
    windowMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(60),
    minSample: z.number().int().min(1).max(100_000).default(10),
    quietMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(60),
    active: z.boolean().default(true),
    inAppUserIds: z.array(z.uuid()).max(100).default([]),
    emails: z.array(z.email().max(254)).max(20).default([]),
    /** A new URL; null removes it; absent on an update keeps the stored one. */
    slackUrl: webhookUrl.nullable().optional(),
    teamsUrl: webhookUrl.nullable().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'volume' && r.threshold < 1) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'threshold_range' });
    }
    if (r.kind === 'negative_share' && (r.threshold < 1 || r.threshold > 100)) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'threshold_range' });
    }
  });
export type RuleBody = z.infer<typeof ruleBody>;

export const ruleSchema = z.object({
  id: z.uuid(),
  searchId: z.uuid(),
  name: z.string(),
  kind: z.enum(ALERT_KINDS),
  threshold: z.number().int(),
  windowMinutes: z.number().int(),
  minSample: z.number().int(),
  quietMinutes: z.number().int(),
  active: z.boolean(),
  inAppUserIds: z.array(z.string()),
  emails: z.array(z.string()),
  /** Only the host of a webhook is shown: the URL is a secret. */
  slackHost: z.string().nullable(),
  teamsHost: z.string().nullable(),
  lastFiredAt: z.string().nullable(),
  lastDeliveredAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});
