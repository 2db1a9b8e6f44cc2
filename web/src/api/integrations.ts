import { request } from './client.ts';

// Shapes of the integrations API (src/modules/integrations/routes.ts).

export const WEBHOOK_EVENT_TYPES = ['inbox.ticket_requested', 'test.ping'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookEndpoint {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastDelivery: { status: DeliveryStatus; at: string; responseStatus: number | null } | null;
}

export interface WebhookInput {
  name: string;
  url: string;
  eventTypes: WebhookEventType[];
  enabled?: boolean;
}

export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  subject: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  responseStatus: number | null;
  lastError: string | null;
  reference: string | null;
  createdAt: string;
  completedAt: string | null;
}

const base = '/api/v1/integrations/webhooks';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const fetchWebhooks = () => request<{ items: WebhookEndpoint[] }>(base);
export const fetchWebhook = (id: string) => request<WebhookEndpoint>(one(id));
export const createWebhook = (input: WebhookInput) =>
  request<{ endpoint: WebhookEndpoint; secret: string }>(base, { method: 'POST', body: input });
export const updateWebhook = (id: string, patch: Partial<WebhookInput>) =>
  request<WebhookEndpoint>(one(id), { method: 'PATCH', body: patch });
export const removeWebhook = (id: string) => request<void>(one(id), { method: 'DELETE' });
export const rotateWebhookSecret = (id: string) =>
  request<{ secret: string }>(`${one(id)}/secret`, { method: 'POST' });
export const sendWebhookTest = (id: string) =>
  request<{ deliveryId: string }>(`${one(id)}/test`, { method: 'POST' });
export const fetchWebhookDeliveries = (id: string) =>
  request<{ items: WebhookDelivery[] }>(`${one(id)}/deliveries`);
