import { z } from 'zod';

/** Event types an endpoint may subscribe to. `test.ping` is sent by "send test event" only. */
export const WEBHOOK_EVENT_TYPES = ['inbox.ticket_requested', 'test.ping'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const eventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const endpointInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  url: z.string().trim().min(8).max(2000),
  eventTypes: z.array(eventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length),
  enabled: z.boolean().default(true),
});

export const endpointPatch = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  url: z.string().trim().min(8).max(2000).optional(),
  eventTypes: z.array(eventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
  enabled: z.boolean().optional(),
});

export const deliveryStatusSchema = z.enum(['pending', 'succeeded', 'failed']);

export const endpointSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The outcome of the most recent delivery, for the list. */
  lastDelivery: z
    .object({ status: deliveryStatusSchema, at: z.string(), responseStatus: z.number().int().nullable() })
    .nullable(),
});
export type EndpointDto = z.infer<typeof endpointSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  subject: z.string().nullable(),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  reference: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type DeliveryDto = z.infer<typeof deliverySchema>;
