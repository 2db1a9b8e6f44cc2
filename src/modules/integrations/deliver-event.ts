import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '../../platform/db/schema/integrations.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './schema.ts';

export const DELIVER_JOB = 'integrations.deliver';
/** Largest event payload, as JSON: tickets carry a summary and links, not documents. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

export interface DeliverJobData {
  orgId: string;
  deliveryId: string;
  /** The attempt this job makes (1-based); a job whose attempt was already made does nothing. */
  attempt: number;
}

export interface DeliverOptions {
  /** What the event is about, e.g. `inbox-item:<id>`; `latestSuccessfulDelivery` finds its reference. */
  subject?: string;
  /**
   * A job queue told the outcome of each delivery, in whatever process runs it: `{ orgId, eventId,
   * deliveryId, endpointId, subject, status: 'succeeded' | 'failed', reference, responseStatus }`.
   * This is how a module hears the answer (a ticket reference) durably; the module registers the job.
   */
  onSettledJob?: string;
  /** Only these endpoints (the "send test event" button); otherwise every enabled endpoint of the type. */
  endpointIds?: readonly string[];
  /**
   * Runs in the transaction that stores the event, so the caller's own change (an item marked "handed
   * off", an audit entry) commits together with it or not at all.
   */
  withinTransaction?: (tx: Tx, event: DeliveredEvent) => Promise<void>;
}

export interface DeliveredEvent {
  eventId: string;
  deliveries: Array<{ id: string; endpointId: string }>;
}

/**
 * Stores an event for the organisation's webhooks and queues one delivery per endpoint that wants it.
 * Signing and sending happen in the job (attempt-delivery.ts), with retries; the caller returns at once.
 * Without a matching endpoint the event is still stored (and nothing is sent), so asking "was this item
 * handed off?" has one answer.
 */
export async function deliverWebhookEvent(
  ctx: Context,
  orgId: string,
  type: WebhookEventType,
  payload: Record<string, unknown>,
  opts: DeliverOptions = {},
): Promise<DeliveredEvent> {
  if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type))
    throw new DomainError(422, 'webhook_event_type_unknown', { type });
  const bytes = Buffer.byteLength(JSON.stringify(payload), 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES)
    throw new DomainError(413, 'webhook_payload_too_large', { max: MAX_PAYLOAD_BYTES });
  const now = new Date();
  const result = await ctx.db.transaction(async (tx) => {
    const targets = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.orgId, orgId),
          opts.endpointIds
            ? inArray(webhookEndpoints.id, [...opts.endpointIds])
            : and(
                eq(webhookEndpoints.enabled, true),
                sql`${webhookEndpoints.eventTypes} @> ${JSON.stringify([type])}::jsonb`,
              ),
        ),
      );
    const [event] = await tx
      .insert(webhookEvents)
      .values({
        orgId,
        type,
        subject: opts.subject ?? null,
        payload,
        onSettledJob: opts.onSettledJob ?? null,
      })
      .returning({ id: webhookEvents.id });
    const deliveries =
      targets.length === 0
        ? []
        : await tx
            .insert(webhookDeliveries)
            .values(targets.map((t) => ({ orgId, endpointId: t.id, eventId: event!.id, nextAttemptAt: now })))
            .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
    const stored = { eventId: event!.id, deliveries };
    await opts.withinTransaction?.(tx, stored);
    return stored;
  });
  // After the commit, so the job finds its row. A lost send is found by the sweep (jobs.ts).
  for (const d of result.deliveries) {
    await ctx.queue.send<DeliverJobData>(
      DELIVER_JOB,
      { orgId, deliveryId: d.id, attempt: 1 },
      { singletonKey: `${d.id}:1`, retryLimit: 0 },
    );
  }
  return result;
}

/** "Send test event": a `test.ping` to one endpoint, enabled or not, recorded in the audit log. */
export async function sendTestEvent(
  ctx: Context,
  actor: Actor,
  endpointId: string,
): Promise<{ deliveryId: string }> {
  const [endpoint] = await ctx.db
    .select({ id: webhookEndpoints.id, name: webhookEndpoints.name })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, actor.orgId), eq(webhookEndpoints.id, endpointId)));
  if (!endpoint) throw notFound('webhook_not_found');
  const sent = await deliverWebhookEvent(
    ctx,
    actor.orgId,
    'test.ping',
    { message: 'Test event from Chorus', requestedBy: actor.label },
    {
      endpointIds: [endpointId],
      withinTransaction: async (tx, event) => {
        await recordAudit(tx, actor, {
          action: 'webhook.test_sent',
          targetType: 'webhook',
          targetId: endpointId,
          targetLabel: endpoint.name,
          summary: { after: { eventId: event.eventId } },
        });
      },
    },
  );
  return { deliveryId: sent.deliveries[0]!.id };
}
