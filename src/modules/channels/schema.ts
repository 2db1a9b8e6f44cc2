import { z } from 'zod';
import { NETWORKS } from '../../connectors/connector.ts';
import { timeZoneSchema } from '../identity/schema.ts';

// The DTOs of the channels API, shared with the web client through the OpenAPI description.
export const networkSchema = z.enum(NETWORKS);

export const planSlotSchema = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
});

export const credentialsSchema = z.strictObject({
  /** Mastodon instance or Bluesky PDS; empty for the sandbox. */
  serviceUrl: z.string().max(500).default(''),
  identifier: z.string().trim().min(1).max(500),
  secret: z.string().max(500).default(''),
});

export const connectChannelBody = z.strictObject({
  network: networkSchema,
  ownership: z.enum(['company', 'personal']),
  name: z.string().trim().max(120).optional(),
  credentials: credentialsSchema,
  memberIds: z.array(z.uuid()).max(500).optional(),
});

/** The sandbox network needs no credentials: Chorus opens an account on it for the channel. */
export const sandboxChannelBody = z.strictObject({
  ownership: z.enum(['company', 'personal']),
  name: z.string().trim().min(1).max(120),
  handle: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,30}$/, 'a–z, 0–9 and _, 2 to 30 characters'),
  memberIds: z.array(z.uuid()).max(500).optional(),
});

export const updateChannelBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  plan: z.array(planSlotSchema).max(100).optional(),
  planTimeZone: timeZoneSchema.optional(),
  memberIds: z.array(z.uuid()).max(500).optional(),
  credentials: credentialsSchema.optional(),
});

export const capabilitiesSchema = z.object({
  maxChars: z.number(),
  counting: z.union([
    // localMentions too: the composer counts @user@domain as Mastodon does only if it is told to.
    z.object({
      kind: z.literal('graphemes'),
      urlLength: z.number().optional(),
      localMentions: z.boolean().optional(),
    }),
    z.object({ kind: z.literal('graphemes-and-bytes'), maxBytes: z.number() }),
  ]),
  media: z.object({
    mimeTypes: z.array(z.string()),
    maxBytes: z.number(),
    maxCount: z.number(),
    maxAltTextChars: z.number(),
  }),
  supportsThreads: z.boolean(),
  directMessages: z.boolean(),
});

export const channelSchema = z.object({
  id: z.uuid(),
  network: networkSchema,
  name: z.string(),
  ownership: z.enum(['company', 'personal']),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  account: z.object({ id: z.string(), handle: z.string(), url: z.string() }),
  serviceUrl: z.string(),
  health: z.object({
    status: z.enum(['active', 'needs_reauth']),
    lastSuccessAt: z.iso.datetime().nullable(),
    lastErrorAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable(),
    tokenExpiresAt: z.iso.datetime().nullable(),
  }),
  members: z.array(z.object({ id: z.uuid(), name: z.string() })),
  plan: z.array(planSlotSchema),
  planTimeZone: z.string(),
  /** Whether the caller may publish here (team, owner or channel lead). */
  mayPublish: z.boolean(),
  mayManage: z.boolean(),
  queuedPosts: z.number().int(),
  capabilities: capabilitiesSchema,
  createdAt: z.iso.datetime(),
});
export type ChannelDto = z.infer<typeof channelSchema>;
