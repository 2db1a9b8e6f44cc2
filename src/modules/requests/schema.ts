import { z } from 'zod';

// The DTOs of the requests desk, shared with the web client through the OpenAPI description.
export const REQUEST_TYPES = ['research', 'posting', 'question'] as const;
export const REQUEST_STATUSES = ['new', 'in_progress', 'waiting', 'done', 'declined'] as const;
export const REQUEST_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A calendar day, YYYY-MM-DD, that exists. */
const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const researchFields = z
  .strictObject({
    topic: text(300),
    keywords: z.array(text(100)).max(20).default([]),
    periodFrom: day.nullable().default(null),
    periodTo: day.nullable().default(null),
  })
  .refine((f) => !f.periodFrom || !f.periodTo || f.periodFrom <= f.periodTo, {
    path: ['periodTo'],
    message: 'periodTo before periodFrom',
  });

/** Only web addresses: a `javascript:` or `file:` link must never reach a post or a page. */
const webLink = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable()
  .default(null);

export const postingFields = z.strictObject({
  content: text(5000),
  channelIds: z.array(z.uuid()).max(20).default([]),
  desiredDate: day.nullable().default(null),
  link: webLink,
});

export const questionFields = z.strictObject({ question: text(5000) });

const common = {
  title: text(200),
  description: z.string().trim().max(10_000).default(''),
  dueDate: day.nullable().default(null),
  departmentId: z.uuid().nullable().optional(),
};

/** Each type brings its own fields; a field of another type is refused (strict objects). */
export const createRequestBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('research'), ...common, fields: researchFields }),
  z.strictObject({ type: z.literal('posting'), ...common, fields: postingFields }),
  z.strictObject({ type: z.literal('question'), ...common, fields: questionFields }),
]);
export type CreateRequestInput = z.infer<typeof createRequestBody>;

export const triageBody = z.strictObject({
  priority: z.enum(REQUEST_PRIORITIES).optional(),
  assigneeId: z.uuid().nullable().optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  /** Required when declining: the requester is told why. */
  declineReason: z.string().trim().min(1).max(2000).optional(),
});
export type TriageInput = z.infer<typeof triageBody>;

export const messageBody = z.strictObject({
  body: text(10_000),
  /** A note for the team only; the requester never sees it. */
  internal: z.boolean().default(false),
});

export const listRequestsQuery = z.strictObject({
  /** mine: filed by me; assigned: assigned to me; all: the organisation's (the team only). */
  scope: z.enum(['mine', 'assigned', 'all']).default('mine'),
  status: z.enum([...REQUEST_STATUSES, 'open']).optional(),
  type: z.enum(REQUEST_TYPES).optional(),
  assigneeId: z.union([z.uuid(), z.literal('none')]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const requestSummarySchema = z.object({
  id: z.string(),
  type: z.enum(REQUEST_TYPES),
  title: z.string(),
  status: z.enum(REQUEST_STATUSES),
  priority: z.enum(REQUEST_PRIORITIES),
  dueDate: z.string().nullable(),
  requester: person,
  assignee: person,
  department: person,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const attachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  url: z.string(),
  createdAt: z.string(),
});

export const requestSchema = requestSummarySchema.extend({
  description: z.string(),
  fields: z.record(z.string(), z.unknown()),
  declineReason: z.string().nullable(),
  postId: z.string().nullable(),
  listeningSearchId: z.string().nullable(),
  closedAt: z.string().nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      author: person,
      body: z.string(),
      internal: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  attachments: z.array(attachmentSchema),
  history: z.array(
    z.object({
      id: z.string(),
      actorLabel: z.string(),
      kind: z.string(),
      detail: z.record(z.string(), z.string().nullable()),
      createdAt: z.string(),
    }),
  ),
});
export type RequestDto = z.infer<typeof requestSchema>;
