import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { webhookDeliveries } from '../../platform/db/schema/integrations.ts';
import { notifications } from '../../platform/db/schema/notifications.ts';
import { attemptDelivery } from './attempt-delivery.ts';
import { deliverWebhookEvent } from './deliver-event.ts';
import { latestSuccessfulDelivery } from './repo.ts';
import { DEFAULT_RETRY_POLICY } from './retry-policy.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A ticket system on 127.0.0.1 whose answer each test chooses. */
function receiver() {
  const received: Received[] = [];
  let respond: (res: http.ServerResponse, n: number) => void = (res) => res.writeHead(204).end();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      respond(res, received.length);
    });
  });
  return {
    received,
    server,
    answer(fn: typeof respond) {
      received.length = 0;
      respond = fn;
    },
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/chorus?team=social`,
  };
}

const fast = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000, timeoutMs: 300, maxAttempts: 3 };

describe('outgoing webhooks', () => {
  let t: TestApp;
  let admin: Session;
  const r = receiver();
  let endpointId: string;
  let secret: string;

  beforeAll(async () => {
    t = await createTestApp({ CHORUS_ALLOW_PRIVATE_NETWORKS: 'true' });
    admin = await t.signIn(t.emailOf('admin'));
    await new Promise<void>((ok) => r.server.listen(0, '127.0.0.1', ok));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/webhooks',
      headers: admin.headers,
      payload: { name: 'Ticket system', url: r.url(), eventTypes: ['inbox.ticket_requested'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    endpointId = res.json().endpoint.id;
    secret = res.json().secret;
  });
  afterAll(async () => {
    r.server.closeAllConnections();
    await new Promise((ok) => r.server.close(ok));
    await t?.close();
  });

  const deliver = (subject: string) =>
    deliverWebhookEvent(
      t.ctx,
      t.orgs.demo,
      'inbox.ticket_requested',
      { item: { id: 'i-1', text: '<script>alert(1)</script> Bitte helfen' } },
      { subject },
    );
  const delivery = async (id: string) =>
    (await t.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!;

  it('shows the secret once and keeps it sealed in the database', async () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const row = await t.ctx.db.execute<{ secret_sealed: string }>(
      sql`select secret_sealed from webhook_endpoints where id = ${endpointId}`,
    );
    const sealed = row.rows[0]!.secret_sealed;
    expect(sealed).not.toContain(secret.slice(6));
    expect(sealed).not.toContain('whsec_');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/integrations/webhooks',
      headers: admin.headers,
    });
    expect(list.body).not.toContain(secret.slice(6, 20));
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: endpointId, enabled: true, lastDelivery: null }),
    ]);
  });

  it('signs each delivery so that Webhook.verify accepts it, and keeps the reference of the ticket', async () => {
    r.answer((res) =>
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"reference":"TCK-4711"}'),
    );
    const sent = await deliver('inbox-item:i-1');
    expect(sent.deliveries).toEqual([{ id: expect.any(String), endpointId }]);
    const outcome = await attemptDelivery(
      t.ctx,
      { orgId: t.orgs.demo, deliveryId: sent.deliveries[0]!.id, attempt: 1 },
      fast,
    );
    expect(outcome).toEqual({ outcome: 'succeeded', status: 201, reference: 'TCK-4711' });
    const got = r.received[0]!;
    const verified = new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as {
      type: string;
      data: unknown;
    };
    expect(verified.type).toBe('inbox.ticket_requested');
    expect(verified.data).toEqual({ item: { id: 'i-1', text: '<script>alert(1)</script> Bitte helfen' } });
    expect(got.headers['webhook-id']).toBe(`msg_${sent.eventId}`);
    // A wrong secret or a changed body must not verify: the test above would then fail too.
    const other = new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`);
    expect(() => other.verify(got.body, got.headers as Record<string, string>)).toThrow();
    expect(() =>
      new Webhook(secret).verify(got.body.replace('Bitte', 'Danke'), got.headers as Record<string, string>),
    ).toThrow();

    const latest = await latestSuccessfulDelivery(t.ctx.db, t.orgs.demo, 'inbox-item:i-1');
    expect(latest).toMatchObject({ reference: 'TCK-4711', status: 'succeeded', endpointId, attempts: 1 });
    expect(await latestSuccessfulDelivery(t.ctx.db, t.orgs.other, 'inbox-item:i-1')).toBeNull();
    // A duplicated job for the same attempt does nothing.
    expect(
      await attemptDelivery(
        t.ctx,
        { orgId: t.orgs.demo, deliveryId: sent.deliveries[0]!.id, attempt: 1 },
        fast,
      ),
    ).toEqual({ outcome: 'skipped' });
    expect(r.received).toHaveLength(1);
  });

  it('takes the reference from a Location header too', async () => {
    r.answer((res) => res.writeHead(202, { location: 'https://tickets.example.com/t/99' }).end());
    const sent = await deliver('inbox-item:i-2');
    const outcome = await attemptDelivery(
      t.ctx,
      { orgId: t.orgs.demo, deliveryId: sent.deliveries[0]!.id, attempt: 1 },
      fast,
    );
    expect(outcome).toMatchObject({ outcome: 'succeeded', reference: 'https://tickets.example.com/t/99' });
  });

  it('retries a receiver that does not answer in time, with growing waits, then reports the failure', async () => {
    // Never answers: every attempt runs into the time-out.
    r.answer(() => undefined);
    const sent = await deliver('inbox-item:i-3');
    const id = sent.deliveries[0]!.id;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= fast.maxAttempts; attempt++) {
      const started = Date.now();
      const outcome = await attemptDelivery(t.ctx, { orgId: t.orgs.demo, deliveryId: id, attempt }, fast);
      expect(Date.now() - started).toBeGreaterThanOrEqual(fast.timeoutMs - 20);
      if (attempt < fast.maxAttempts) {
        expect(outcome).toMatchObject({
          outcome: 'retry',
          status: null,
          error: `no answer within ${fast.timeoutMs} ms`,
        });
        const row = await delivery(id);
        expect(row.status).toBe('pending');
        expect(row.attempts).toBe(attempt);
        waits.push(row.nextAttemptAt!.getTime() - row.lastAttemptAt!.getTime());
      } else {
        expect(outcome).toMatchObject({ outcome: 'failed' });
      }
    }
    expect(r.received).toHaveLength(3);
    // Equal jitter: attempt n waits between half and all of base·2^(n-1) (plus the attempt's own time).
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThan(100 + fast.timeoutMs + 200);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    const row = await delivery(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
    expect(row.completedAt).not.toBeNull();
    // The organisation's admins hear of it in the app (and by mail, queued).
    const told = await t.ctx.db.select().from(notifications).where(eq(notifications.kind, 'webhook.failed'));
    expect(told.length).toBeGreaterThanOrEqual(2); // owner and admin of the demo
    expect(new Set(told.map((n) => n.orgId))).toEqual(new Set([t.orgs.demo]));
    expect(told[0]!.params).toMatchObject({ endpoint: 'Ticket system', eventType: 'inbox.ticket_requested' });
  });

  it('stops at 410 Gone without another attempt, and honours Retry-After on 429', async () => {
    r.answer((res) => res.writeHead(410).end('endpoint retired'));
    const gone = await deliver('inbox-item:i-4');
    const outcome = await attemptDelivery(
      t.ctx,
      { orgId: t.orgs.demo, deliveryId: gone.deliveries[0]!.id, attempt: 1 },
      fast,
    );
    expect(outcome).toEqual({ outcome: 'failed', status: 410, error: 'HTTP 410: endpoint retired' });
    expect(await delivery(gone.deliveries[0]!.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      responseStatus: 410,
    });

    r.answer((res) => res.writeHead(429, { 'retry-after': '120' }).end());
    const busy = await deliver('inbox-item:i-5');
    const before = Date.now();
    const retry = await attemptDelivery(
      t.ctx,
      { orgId: t.orgs.demo, deliveryId: busy.deliveries[0]!.id, attempt: 1 },
      fast,
    );
    expect(retry).toMatchObject({ outcome: 'retry', status: 429 });
    const at = (retry as { at: Date }).at.getTime();
    expect(at - before).toBeGreaterThanOrEqual(120_000);
    expect(at - before).toBeLessThan(125_000);
  });

  it('lists deliveries with status, attempts, answer and next retry; sends a test event on request', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/integrations/webhooks/${endpointId}/deliveries`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      status: string;
      responseStatus: number | null;
      nextAttemptAt: string | null;
    }>;
    expect(items.length).toBe(5);
    expect(items[0]).toMatchObject({
      status: 'pending',
      responseStatus: 429,
      nextAttemptAt: expect.any(String),
    });
    expect(items.map((i) => i.status).sort()).toEqual([
      'failed',
      'failed',
      'pending',
      'succeeded',
      'succeeded',
    ]);

    r.answer((res) => res.writeHead(200).end('ok'));
    const test = await t.app.inject({
      method: 'POST',
      url: `/api/v1/integrations/webhooks/${endpointId}/test`,
      headers: admin.headers,
    });
    expect(test.statusCode, test.body).toBe(202);
    const outcome = await attemptDelivery(
      t.ctx,
      { orgId: t.orgs.demo, deliveryId: test.json().deliveryId, attempt: 1 },
      fast,
    );
    expect(outcome).toMatchObject({ outcome: 'succeeded', reference: null });
    expect(JSON.parse(r.received[0]!.body).type).toBe('test.ping');
  });

  it('fails at once, without a request, when the sealed secret was moved from another row', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/webhooks',
      headers: admin.headers,
      payload: { name: 'Copied secret', url: r.url(), eventTypes: ['test.ping'] },
    });
    const copyId = created.json().endpoint.id as string;
    // The sealed secret of the first endpoint, pasted into this one: bound to its own id, it does not open.
    await t.ctx.db.execute(
      sql`update webhook_endpoints set secret_sealed = (select secret_sealed from webhook_endpoints where id = ${endpointId}) where id = ${copyId}`,
    );
    r.answer((res) => res.writeHead(204).end());
    const sent = await deliverWebhookEvent(t.ctx, t.orgs.demo, 'test.ping', {}, { endpointIds: [copyId] });
    const outcome = await attemptDelivery(
      t.ctx,
      { orgId: t.orgs.demo, deliveryId: sent.deliveries[0]!.id, attempt: 1 },
      fast,
    );
    expect(outcome).toMatchObject({ outcome: 'failed', error: expect.stringContaining('cannot be opened') });
    expect(r.received).toHaveLength(0);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/integrations/webhooks/${copyId}`,
      headers: admin.headers,
    });
  });

  it('refuses http to a public host and bad input, and another organisation sees none of it', async () => {
    const bad = async (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/integrations/webhooks', headers: admin.headers, payload });
    const http1 = await bad({ name: 'x', url: 'http://tickets.example.com/hook', eventTypes: ['test.ping'] });
    expect(http1.statusCode).toBe(422);
    expect(http1.json().code).toBe('webhook_url_not_allowed');
    expect(
      (await bad({ name: 'x', url: 'https://tickets.example.com/', eventTypes: ['post.deleted'] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await bad({ name: '', url: 'https://tickets.example.com/', eventTypes: ['test.ping'] })).statusCode,
    ).toBe(400);
    expect((await bad({ name: 'x', url: 'https://tickets.example.com/', eventTypes: [] })).statusCode).toBe(
      400,
    );

    const other = await t.signIn(t.emailOf('admin', 'other'));
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/integrations/webhooks',
      headers: other.headers,
    });
    expect(list.json().items).toEqual([]);
    for (const [method, url] of [
      ['GET', `/api/v1/integrations/webhooks/${endpointId}`],
      ['GET', `/api/v1/integrations/webhooks/${endpointId}/deliveries`],
      ['PATCH', `/api/v1/integrations/webhooks/${endpointId}`],
      ['POST', `/api/v1/integrations/webhooks/${endpointId}/test`],
      ['POST', `/api/v1/integrations/webhooks/${endpointId}/secret`],
      ['DELETE', `/api/v1/integrations/webhooks/${endpointId}`],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: other.headers,
        payload: method === 'PATCH' ? { enabled: false } : undefined,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Events for the other organisation reach none of the demo's endpoints.
    const sent = await deliverWebhookEvent(t.ctx, t.orgs.other, 'inbox.ticket_requested', { x: 1 });
    expect(sent.deliveries).toEqual([]);
  });
});
