import { and, eq, inArray, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { guardedFetch, ResponseTooLarge, ServiceUrlNotAllowed } from '../../connectors/outbound.ts';
import type { Context } from '../../context.ts';
import { memberships } from '../../platform/db/schema/identity.ts';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '../../platform/db/schema/integrations.ts';
import { publishLive } from '../../platform/live/publish.ts';
import { permissionsOf, ROLES } from '../identity/roles.ts';
import { notify, queueNotificationMail } from '../notifications/notify.ts';
import { DELIVER_JOB, type DeliverJobData } from './deliver-event.ts';
import { endpointTopic } from './live-topics.ts';
import { isRetryableStatus, parseRetryAfter, type RetryPolicy, retryDelayMs } from './retry-policy.ts';
import { secretContext } from './secret.ts';

export type AttemptOutcome =
  | { outcome: 'skipped' }
  | { outcome: 'succeeded'; status: number; reference: string | null }
  | { outcome: 'retry'; at: Date; error: string; status: number | null }
  | { outcome: 'failed'; error: string; status: number | null };

interface Answer {
  status: number | null;
  error: string | null;
  retryable: boolean;
  retryAfterMs: number | null;
  reference: string | null;
}

const MAX_REFERENCE = 200;

/** A 2xx may name what the receiver made of it: `{ "reference": "TCK-42" }` or a Location header. */
function referenceOf(body: string, location: string | null): string | null {
  try {
    const parsed = JSON.parse(body) as { reference?: unknown };
    const ref = parsed?.reference;
    if ((typeof ref === 'string' && ref.trim()) || typeof ref === 'number')
      return String(ref).trim().slice(0, MAX_REFERENCE);
  } catch {
    // Not JSON (an empty 204, "OK"): the Location header is the only other place a reference may be.
  }
  return location ? location.slice(0, 500) : null;
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  ctx: Context,
  policy: RetryPolicy,
): Promise<Answer> {
  const fetcher = guardedFetch({
    allowPrivateAddresses: ctx.config.allowPrivateNetworks,
    timeoutMs: policy.timeoutMs,
    maxResponseBytes: policy.maxResponseBytes,
  });
  try {
    const res = await fetcher(url, { method: 'POST', headers, body });
    const text = await res.text();
    if (res.status >= 200 && res.status < 300)
      return {
        status: res.status,
        error: null,
        retryable: false,
        retryAfterMs: null,
        reference: referenceOf(text, res.headers.get('location')),
      };
    const retryable = isRetryableStatus(res.status);
    const redirect = res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : '';
    return {
      status: res.status,
      error: `HTTP ${res.status}${redirect}${text ? `: ${text.slice(0, 200)}` : ''}`,
      retryable,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), Date.now()),
      reference: null,
    };
  } catch (err) {
    const e = err as Error;
    if (e instanceof ServiceUrlNotAllowed)
      return { status: null, error: e.message, retryable: false, retryAfterMs: null, reference: null };
    if (e instanceof ResponseTooLarge)
      return { status: null, error: e.message, retryable: false, retryAfterMs: null, reference: null };
    const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
    const cause = (e.cause as Error | undefined)?.message;
    return {
      status: null,
      error: timedOut
        ? `no answer within ${policy.timeoutMs} ms`
        : `${e.message}${cause ? `: ${cause}` : ''}`,
      retryable: true,
      retryAfterMs: null,
      reference: null,
    };
  }
}

/**
 * One attempt of one delivery, run by the job. The row is claimed first (attempts = attempt - 1 →
 * attempt, one statement), so a duplicated or late job does nothing, and the claim sets a lease in
 * next_attempt_at that the sweep honours. The answer is settled in one transaction: success with the
 * receiver's reference, a retry at a backed-off time, or the final failure with a notification to the
 * organisation's admins.
 */
export async function attemptDelivery(
  ctx: Context,
  data: DeliverJobData,
  policy: RetryPolicy,
): Promise<AttemptOutcome> {
  const leaseUntil = new Date(Date.now() + policy.timeoutMs + 60_000);
  const [claimed] = await ctx.db
    .update(webhookDeliveries)
    .set({ attempts: data.attempt, lastAttemptAt: new Date(), nextAttemptAt: leaseUntil })
    .where(
      and(
        eq(webhookDeliveries.orgId, data.orgId),
        eq(webhookDeliveries.id, data.deliveryId),
        eq(webhookDeliveries.status, 'pending'),
        eq(webhookDeliveries.attempts, data.attempt - 1),
      ),
    )
    .returning();
  if (!claimed) return { outcome: 'skipped' };
  const [target] = await ctx.db
    .select({
      url: webhookEndpoints.url,
      name: webhookEndpoints.name,
      enabled: webhookEndpoints.enabled,
      secretSealed: webhookEndpoints.secretSealed,
      type: webhookEvents.type,
      subject: webhookEvents.subject,
      payload: webhookEvents.payload,
      createdAt: webhookEvents.createdAt,
      onSettledJob: webhookEvents.onSettledJob,
    })
    .from(webhookEndpoints)
    .innerJoin(webhookEvents, eq(webhookEvents.id, claimed.eventId))
    .where(and(eq(webhookEndpoints.orgId, data.orgId), eq(webhookEndpoints.id, claimed.endpointId)));
  if (!target) return { outcome: 'skipped' };

  let answer: Answer;
  if (!target.enabled && target.type !== 'test.ping') {
    answer = {
      status: null,
      error: 'the webhook is disabled',
      retryable: false,
      retryAfterMs: null,
      reference: null,
    };
  } else {
    // The Standard Webhooks envelope; the id is the event's, the same on every attempt and endpoint.
    const body = JSON.stringify({
      type: target.type,
      timestamp: target.createdAt.toISOString(),
      data: target.payload,
    });
    const msgId = `msg_${claimed.eventId}`;
    let secret: string | null = null;
    try {
      secret = ctx.secrets.open(target.secretSealed, secretContext(claimed.endpointId));
    } catch (err) {
      // A key removed too early or a tampered row: no attempt can succeed until an admin sets a new secret.
      ctx.log.error({ err, endpointId: claimed.endpointId }, 'webhook signing secret cannot be opened');
    }
    if (secret === null) {
      answer = {
        status: null,
        error: 'the signing secret cannot be opened; set a new secret',
        retryable: false,
        retryAfterMs: null,
        reference: null,
      };
    } else {
      const now = new Date();
      const signature = new Webhook(secret).sign(msgId, now, body);
      answer = await post(
        target.url,
        {
          'content-type': 'application/json',
          'user-agent': 'Chorus-Webhooks/1',
          'webhook-id': msgId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        ctx,
        policy,
      );
    }
  }

  const succeeded = answer.error === null;
  const retry = !succeeded && answer.retryable && data.attempt < policy.maxAttempts;
  const nextAt = retry
    ? new Date(Date.now() + retryDelayMs(data.attempt, policy, answer.retryAfterMs))
    : null;
  const status = succeeded ? 'succeeded' : retry ? 'pending' : 'failed';
  const mailIds = await ctx.db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        status,
        responseStatus: answer.status,
        lastError: answer.error,
        reference: answer.reference,
        nextAttemptAt: nextAt,
        completedAt: retry ? null : new Date(),
      })
      .where(and(eq(webhookDeliveries.orgId, data.orgId), eq(webhookDeliveries.id, data.deliveryId)));
    if (status !== 'failed') return [];
    return notify(tx, {
      orgId: data.orgId,
      userIds: await integrationAdmins(tx, data.orgId),
      kind: 'webhook.failed',
      params: { endpoint: target.name, eventType: target.type, error: (answer.error ?? '').slice(0, 300) },
      link: `/integrations/webhooks/${claimed.endpointId}`,
      mail: true,
    });
  });
  await queueNotificationMail(ctx, mailIds);
  if (retry)
    await ctx.queue.send<DeliverJobData>(
      DELIVER_JOB,
      { ...data, attempt: data.attempt + 1 },
      { startAfter: nextAt!, singletonKey: `${data.deliveryId}:${data.attempt + 1}`, retryLimit: 0 },
    );
  if (!retry && target.onSettledJob)
    await ctx.queue.send(target.onSettledJob, {
      orgId: data.orgId,
      eventId: claimed.eventId,
      deliveryId: data.deliveryId,
      endpointId: claimed.endpointId,
      subject: target.subject,
      status,
      reference: answer.reference,
      responseStatus: answer.status,
    });
  await publishLive(ctx.events, data.orgId, {
    topic: endpointTopic(claimed.endpointId),
    type: 'delivery.updated',
    data: { deliveryId: data.deliveryId, status },
  }).catch((err: unknown) => ctx.log.warn({ err }, 'live update of a webhook delivery not sent'));

  if (succeeded) return { outcome: 'succeeded', status: answer.status!, reference: answer.reference };
  if (retry) return { outcome: 'retry', at: nextAt!, error: answer.error!, status: answer.status };
  return { outcome: 'failed', error: answer.error!, status: answer.status };
}

/** Everyone in the organisation whose role may manage integrations: they hear of a final failure. */
async function integrationAdmins(tx: Parameters<typeof notify>[0], orgId: string): Promise<string[]> {
  const roles = ROLES.filter((r) => permissionsOf(r).has('integrations.manage'));
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.orgId, orgId), eq(memberships.status, 'active'), inArray(memberships.role, roles)),
    );
  return rows.map((r) => r.userId);
}

/**
 * Deliveries whose job was lost (a crash between commit and send, a worker killed mid-attempt after its
 * lease): queued again for the attempt they are due. The singleton key keeps a live job from doubling.
 */
export async function requeueOverdueDeliveries(ctx: Context, graceMs = 120_000): Promise<number> {
  const overdue = await ctx.db
    .select({
      id: webhookDeliveries.id,
      orgId: webhookDeliveries.orgId,
      attempts: webhookDeliveries.attempts,
    })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        sql`${webhookDeliveries.nextAttemptAt} < now() - make_interval(secs => ${graceMs / 1000})`,
      ),
    )
    .limit(500);
  for (const d of overdue) {
    await ctx.queue.send<DeliverJobData>(
      DELIVER_JOB,
      { orgId: d.orgId, deliveryId: d.id, attempt: d.attempts + 1 },
      { singletonKey: `${d.id}:${d.attempts + 1}`, retryLimit: 0 },
    );
  }
  return overdue.length;
}
