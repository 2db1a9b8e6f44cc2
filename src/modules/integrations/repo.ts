import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '../../platform/db/schema/integrations.ts';
import type { DeliveryDto, EndpointDto } from './schema.ts';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export async function findEndpoint(db: Executor, orgId: string, id: string): Promise<EndpointRow | null> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)));
  return row ?? null;
}

export async function countEndpoints(db: Executor, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.orgId, orgId));
  return row?.n ?? 0;
}

export async function listEndpoints(db: Executor, orgId: string): Promise<EndpointDto[]> {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.orgId, orgId))
    .orderBy(webhookEndpoints.name, webhookEndpoints.id);
  if (rows.length === 0) return [];
  const last = await db
    .selectDistinctOn([webhookDeliveries.endpointId], {
      endpointId: webhookDeliveries.endpointId,
      status: webhookDeliveries.status,
      createdAt: webhookDeliveries.createdAt,
      responseStatus: webhookDeliveries.responseStatus,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        inArray(
          webhookDeliveries.endpointId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(webhookDeliveries.endpointId, desc(webhookDeliveries.createdAt));
  const byEndpoint = new Map(last.map((l) => [l.endpointId, l]));
  return rows.map((r) => {
    const l = byEndpoint.get(r.id);
    return {
      ...endpointDto(r),
      lastDelivery: l
        ? {
            status: l.status as DeliveryDto['status'],
            at: l.createdAt.toISOString(),
            responseStatus: l.responseStatus,
          }
        : null,
    };
  });
}

export function endpointDto(r: EndpointRow): Omit<EndpointDto, 'lastDelivery'> {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    eventTypes: r.eventTypes,
    enabled: r.enabled,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  eventId: webhookDeliveries.eventId,
  eventType: webhookEvents.type,
  subject: webhookEvents.subject,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
  responseStatus: webhookDeliveries.responseStatus,
  lastError: webhookDeliveries.lastError,
  reference: webhookDeliveries.reference,
  createdAt: webhookDeliveries.createdAt,
  completedAt: webhookDeliveries.completedAt,
  endpointId: webhookDeliveries.endpointId,
};

type DeliveryRow = {
  [K in keyof typeof deliveryColumns]: (typeof deliveryColumns)[K]['_']['data'] | null;
};

function deliveryDto(r: DeliveryRow): DeliveryDto {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: r.id!,
    eventId: r.eventId!,
    eventType: r.eventType!,
    subject: r.subject,
    status: r.status as DeliveryDto['status'],
    attempts: r.attempts!,
    // Only a pending delivery has a next attempt; the column doubles as the lease of a running one.
    nextAttemptAt: r.status === 'pending' ? iso(r.nextAttemptAt) : null,
    lastAttemptAt: iso(r.lastAttemptAt),
    responseStatus: r.responseStatus,
    lastError: r.lastError,
    reference: r.reference,
    createdAt: iso(r.createdAt)!,
    completedAt: iso(r.completedAt),
  };
}

/** The newest deliveries of an endpoint. */
export async function listDeliveries(
  db: Executor,
  orgId: string,
  endpointId: string,
  limit: number,
): Promise<DeliveryDto[]> {
  const rows = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map(deliveryDto);
}

export async function findDelivery(db: Executor, orgId: string, id: string): Promise<DeliveryDto | null> {
  const [row] = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)));
  return row ? deliveryDto(row) : null;
}

/**
 * The latest successful delivery of an event about `subject` (e.g. `inbox-item:<id>`), with the reference
 * the receiver answered: how the inbox shows the ticket an item became.
 */
export async function latestSuccessfulDelivery(
  db: Executor,
  orgId: string,
  subject: string,
): Promise<(DeliveryDto & { endpointId: string }) | null> {
  const [row] = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookEvents.orgId, orgId),
        eq(webhookEvents.subject, subject),
        eq(webhookDeliveries.status, 'succeeded'),
        isNotNull(webhookDeliveries.completedAt),
      ),
    )
    .orderBy(desc(webhookDeliveries.completedAt))
    .limit(1);
  return row ? { ...deliveryDto(row), endpointId: row.endpointId! } : null;
}
