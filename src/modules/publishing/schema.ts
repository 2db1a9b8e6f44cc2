import { z } from 'zod';
import { ROLES } from '../identity/roles.ts';

// The DTOs of the publishing API, shared with the web client through the OpenAPI description.
export const POST_STATES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;
export const TARGET_STATES = [
  'draft',
  'scheduled',
  'sending',
  'published',
  'failed',
  'needs_decision',
  'cancelled',
] as const;

export const targetInput = z.strictObject({
  channelId: z.uuid(),
  /** The text for this channel; null or absent publishes the base text. */
  variantText: z.string().max(100_000).nullable().optional(),
});

export const createPostBody = z.strictObject({
  baseText: z.string().max(100_000).default(''),
  departmentId: z.uuid().nullable().optional(),
  campaignId: z.uuid().nullable().optional(),
  targets: z.array(targetInput).max(50).default([]),
});

/** Autosave: every field optional; targets, when given, replace the post's channel selection. */
export const updatePostBody = z.strictObject({
  baseText: z.string().max(100_000).optional(),
  departmentId: z.uuid().nullable().optional(),
  campaignId: z.uuid().nullable().optional(),
  targets: z.array(targetInput).max(50).optional(),
  /** The version the editor started from; a newer one is refused (409) so nobody overwrites a colleague. */
  version: z.number().int().min(1).optional(),
});

export const decisionBody = z.strictObject({
  comment: z.string().trim().max(5000).default(''),
  /** The version the approver has seen; a newer one is refused so nobody approves what they did not read. */
  version: z.number().int().min(1).optional(),
});
export const requestChangesBody = z.strictObject({
  comment: z.string().trim().min(1).max(5000),
  version: z.number().int().min(1).optional(),
});

export const scheduleBody = z.strictObject({
  /** now: at once; at: at the given time; slot: each channel's next free slot of its posting plan. */
  mode: z.enum(['now', 'at', 'slot']),
  at: z.iso.datetime({ offset: true }).optional(),
  /** Required to go ahead despite guideline findings that block or warn; needs guidelines.override. */
  overrideReason: z.string().trim().max(2000).optional(),
});

export const rescheduleBody = z.strictObject({ scheduledAt: z.iso.datetime({ offset: true }) });

export const resolveBody = z.strictObject({
  /** published: it did go out (give its address); send_again: it did not, send it now. */
  decision: z.enum(['published', 'send_again']),
  url: z.url().max(2000).optional(),
});

export const commentBody = z.strictObject({
  body: z.string().trim().min(1).max(5000),
  mentionIds: z.array(z.uuid()).max(50).default([]),
});

export const mediaPatchBody = z.strictObject({ altText: z.string().trim().min(1).max(5000) });

export const listPostsQuery = z.strictObject({
  state: z
    .enum(['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'failed'])
    .optional(),
  mine: z.enum(['true', 'false']).optional(),
  awaitingMyApproval: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const calendarQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  channelId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  state: z.enum(TARGET_STATES).optional(),
});

export const issueSchema = z.object({
  /** too_long | too_many_bytes | media_type | media_too_large | too_many_media | alt_text_missing | alt_text_too_long | empty | channel_unavailable | may_not_publish */
  code: z.string(),
  channelId: z.uuid().nullable(),
  message: z.string(),
});

export const targetSchema = z.object({
  id: z.uuid(),
  channel: z.object({
    id: z.uuid(),
    name: z.string(),
    network: z.string(),
    handle: z.string(),
    removed: z.boolean(),
  }),
  variantText: z.string().nullable(),
  /** What will be published: the variant or the base text. */
  text: z.string(),
  length: z.object({
    used: z.number(),
    max: z.number(),
    bytes: z.number().optional(),
    maxBytes: z.number().optional(),
    over: z.boolean(),
  }),
  state: z.enum(TARGET_STATES),
  scheduledAt: z.iso.datetime().nullable(),
  attempts: z.number().int(),
  publishedAt: z.iso.datetime().nullable(),
  remoteUrl: z.string().nullable(),
  failure: z.object({ code: z.string(), reason: z.string() }).nullable(),
  metrics: z
    .object({
      likes: z.number().nullable(),
      reposts: z.number().nullable(),
      replies: z.number().nullable(),
      impressions: z.number().nullable(),
      at: z.iso.datetime(),
    })
    .nullable(),
});

export const mediaSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  altText: z.string(),
  url: z.string(),
});

export const workflowStatusSchema = z.object({
  required: z.boolean(),
  satisfied: z.boolean(),
  workflows: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      ordered: z.boolean(),
      allowSelfApproval: z.boolean(),
      steps: z.array(
        z.object({
          roles: z.array(z.string()),
          count: z.number().int(),
          approvedBy: z.array(z.string()),
          done: z.boolean(),
        }),
      ),
    }),
  ),
  /** Whether the caller may approve the current version now. */
  mayApprove: z.boolean(),
  /** Why not, as a message code, when they hold an approving role. */
  mayNotApproveBecause: z.string().nullable(),
});

export const postSummarySchema = z.object({
  id: z.uuid(),
  author: z.object({ id: z.uuid(), name: z.string() }),
  department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  baseText: z.string(),
  state: z.enum(POST_STATES),
  /** One word for lists: the workflow state, or scheduled / published / failed from the targets. */
  status: z.string(),
  version: z.number().int(),
  targets: z.array(targetSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const postSchema = postSummarySchema.extend({
  approvedVersion: z.number().int().nullable(),
  media: z.array(mediaSchema),
  workflow: workflowStatusSchema,
  issues: z.array(issueSchema),
  comments: z.array(
    z.object({
      id: z.uuid(),
      author: z.object({ id: z.uuid(), name: z.string() }),
      body: z.string(),
      mentions: z.array(z.object({ id: z.uuid(), name: z.string() })),
      /** UTF-16 offsets of the `@Name`s in the body that mention someone, the @ included. */
      mentionRanges: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
      createdAt: z.iso.datetime(),
    }),
  ),
  approvals: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      approver: z.object({ id: z.uuid(), name: z.string(), role: z.string() }),
      decision: z.enum(['approved', 'changes_requested']),
      comment: z.string(),
      createdAt: z.iso.datetime(),
    }),
  ),
  history: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      actor: z.string(),
      targetId: z.uuid().nullable(),
      detail: z.record(z.string(), z.unknown()),
      createdAt: z.iso.datetime(),
    }),
  ),
  /** What the caller may do now. */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    schedule: z.boolean(),
    unschedule: z.boolean(),
    delete: z.boolean(),
  }),
});
export type PostDto = z.infer<typeof postSchema>;

export const calendarEventSchema = z.object({
  targetId: z.uuid(),
  postId: z.uuid(),
  channel: z.object({ id: z.uuid(), name: z.string(), network: z.string() }),
  department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  state: z.enum(TARGET_STATES),
  /** scheduledAt, or publishedAt once published. */
  at: z.iso.datetime(),
  excerpt: z.string(),
  /** Whether the caller may drag it to another time. */
  movable: z.boolean(),
});

export const workflowBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  departmentId: z.uuid().nullable().default(null),
  channelId: z.uuid().nullable().default(null),
  steps: z
    .array(z.strictObject({ roles: z.array(z.enum(ROLES)).min(1), count: z.number().int().min(1).max(10) }))
    .min(1)
    .max(10),
  ordered: z.boolean().default(true),
  allowSelfApproval: z.boolean().default(false),
});

export const workflowSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  channel: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  steps: z.array(z.object({ roles: z.array(z.string()), count: z.number().int() })),
  ordered: z.boolean(),
  allowSelfApproval: z.boolean(),
});

export const campaignBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  departmentId: z.uuid().nullable().default(null),
});

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  archived: z.boolean(),
});
