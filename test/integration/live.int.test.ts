import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type Context, createContext } from '../../src/context.ts';
import { openDatabase } from '../../src/platform/db/client.ts';
import { users } from '../../src/platform/db/schema/identity.ts';
import type { App } from '../../src/platform/http/server.ts';
import { publishLive } from '../../src/platform/live/publish.ts';
import { createLogger } from '../../src/platform/log.ts';
import { createTestApp, type Session, type TestApp } from '../app.ts';
import { createCapturingMailer } from '../fakes/capturing-mailer.ts';

interface Frame {
  event: string;
  data: unknown;
}

/** A Server-Sent Events client over fetch: collects frames and waits for the one a test expects. */
async function openStream(base: string, topics: string[], session: Session) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/live?topics=${encodeURIComponent(topics.join(','))}`, {
    headers: { cookie: session.cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const frames: Frame[] = [];
  let raw = '';
  let ended = false;
  const pump = (async () => {
    if (!res.ok || !res.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) {
        raw += decoder.decode(chunk as Uint8Array, { stream: true });
        let cut = raw.indexOf('\n\n');
        while (cut >= 0) {
          const block = raw.slice(0, cut);
          raw = raw.slice(cut + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) frames.push({ event, data: JSON.parse(data) });
          cut = raw.indexOf('\n\n');
        }
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    } finally {
      ended = true;
    }
  })();
  return {
    res,
    frames,
    ended: () => ended,
    async next(match: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = frames.find(match);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no matching frame; got ${JSON.stringify(frames)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

const presenceFrame = (topic: string, names: string[]) => (f: Frame) => {
  const d = f.data as { topic?: string; present?: Array<{ name: string; state: string }> };
  return (
    f.event === 'presence' &&
    d.topic === topic &&
    JSON.stringify(d.present?.map((p) => `${p.name}:${p.state}`)) === JSON.stringify(names)
  );
};

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe('live updates over Server-Sent Events', () => {
  let t: TestApp;
  let base: string;
  let admin: Session;
  let topic: string;

  beforeAll(async () => {
    t = await createTestApp();
    base = await listen(t.app);
    admin = await t.signIn(t.emailOf('admin'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/webhooks',
      headers: admin.headers,
      payload: { name: 'Tickets', url: 'https://tickets.example.com/hook', eventTypes: ['test.ping'] },
    });
    topic = `webhook-endpoint:${res.json().endpoint.id}`;
  });
  afterAll(() => t?.close());

  it('streams ready, presence and messages of the topic, and forgets the connection when the client goes', async () => {
    const s = await openStream(base, [topic], admin);
    expect(s.res.status).toBe(200);
    expect(s.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(s.res.headers.get('x-content-type-options')).toBe('nosniff');
    await s.next((f) => f.event === 'ready');
    await s.next(presenceFrame(topic, []));
    expect(t.app.live.stats().connections).toBe(1);
    await publishLive(t.ctx.events, t.orgs.demo, { topic, type: 'delivery.updated', data: { id: 'd1' } });
    await publishLive(t.ctx.events, t.orgs.other, { topic, type: 'leak', data: null });
    const m = await s.next((f) => f.event === 'message');
    expect(m.data).toMatchObject({ topic, type: 'delivery.updated', data: { id: 'd1' } });
    await s.close();
    await until(() => t.app.live.stats().connections === 0);
    expect(t.app.live.stats().indexedTopics).toBe(0);
    expect(s.frames.filter((f) => f.event === 'message')).toHaveLength(1);
  });

  it('refuses other organisations, people without the right, unknown topics, and writes without CSRF', async () => {
    const other = await t.signIn(t.emailOf('admin', 'other'));
    const editor = await t.signIn(t.emailOf('editor'));
    for (const [who, topics, status, code] of [
      [other, [topic], 403, 'live_topic_forbidden'],
      [editor, [topic], 403, 'live_topic_forbidden'],
      [admin, ['secret-stuff:1'], 422, 'live_topics_invalid'],
      [admin, ['no topic'], 422, 'live_topics_invalid'],
    ] as const) {
      const res = await fetch(`${base}/api/v1/live?topics=${encodeURIComponent(topics.join(','))}`, {
        headers: { cookie: who.cookie },
      });
      expect(res.status, topics.join()).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
    const presence = (s: Session, headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/live/presence',
        headers: { ...headers, cookie: s.cookie },
        payload: { topic, state: 'viewing' },
      });
    expect((await presence(admin, {})).json().code).toBe('csrf_failed');
    expect((await presence(other, { 'x-csrf-token': other.csrf })).statusCode).toBe(403);
    expect((await presence(admin, { 'x-csrf-token': admin.csrf })).statusCode).toBe(204);
    expect(t.app.live.stats().connections).toBe(0);
  });

  it('ends the stream when the person signs out', async () => {
    const s2 = await t.signIn(t.emailOf('owner'));
    const s = await openStream(base, [topic], s2);
    await s.next((f) => f.event === 'ready');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: s2.headers });
    expect(out.statusCode).toBe(204);
    await s.next((f) => f.event === 'closed' && (f.data as { reason: string }).reason === 'signed_out');
    await until(() => s.ended());
    await until(() => t.app.live.stats().connections === 0);
  });
});

/**
 * Two server processes on one PostgreSQL: presence posted through A reaches a browser streaming from B
 * (LISTEN/NOTIFY), and expires on B when the heartbeats stop.
 */
describe.skipIf(!process.env.DATABASE_URL)('live updates across two server instances', () => {
  let t: TestApp;
  let ctxB: Context;
  let appB: App;
  let baseB: string;
  let topic: string;
  let database: Awaited<ReturnType<typeof openDatabase>>;

  beforeAll(async () => {
    t = await createTestApp();
    const config = loadConfig({
      NODE_ENV: 'test',
      CHORUS_DATA_DIR: t.db.dataDir,
      CHORUS_WEB_DIR: '/nonexistent',
      DATABASE_URL: t.db.url!,
    });
    database = await openDatabase({ databaseUrl: t.db.url!, dataDir: t.db.dataDir });
    ctxB = await createContext(config, {
      database,
      log: createLogger('silent'),
      mailer: createCapturingMailer(),
    });
    await ctxB.events.start();
    await ctxB.queue.start();
    appB = await buildApp(ctxB, { live: { presenceTtlMs: 1500 } });
    baseB = await listen(appB);
    const admin = await t.signIn(t.emailOf('admin'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/webhooks',
      headers: admin.headers,
      payload: { name: 'Tickets', url: 'https://tickets.example.com/hook', eventTypes: ['test.ping'] },
    });
    topic = `webhook-endpoint:${res.json().endpoint.id}`;
  }, 60_000);
  afterAll(async () => {
    await appB?.close();
    await ctxB?.close();
    await database?.close();
    await t?.close();
  });

  it('delivers presence posted through A to an SSE client of B, and expires it there', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const owner = await t.signIn(t.emailOf('owner'));
    const s = await openStream(baseB, [topic], admin);
    expect(s.res.status).toBe(200);
    await s.next(presenceFrame(topic, []));
    const [row] = await t.ctx.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.email, t.emailOf('owner')));
    const ownerName = row!.name;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/live/presence',
      headers: owner.headers,
      payload: { topic, state: 'typing' },
    });
    expect(res.statusCode).toBe(204);
    const seen = await s.next(presenceFrame(topic, [`${ownerName}:typing`]));
    const seenAt = Date.now();
    expect(seen.data).toMatchObject({ present: [{ userId: expect.any(String), state: 'typing' }] });
    // No heartbeat follows: B drops the owner after its 1.5 s time-to-live.
    const empty = s.frames.length;
    await s.next((f) => s.frames.indexOf(f) >= empty && presenceFrame(topic, [])(f), 5000);
    expect(Date.now() - seenAt).toBeGreaterThanOrEqual(1000);

    // A newcomer on B gets the current presence at once.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/live/presence',
      headers: owner.headers,
      payload: { topic, state: 'viewing' },
    });
    expect(again.statusCode, again.body).toBe(204);
    await s.next(presenceFrame(topic, [`${ownerName}:viewing`]));
    const late = await openStream(baseB, [topic], admin);
    expect(late.frames.length === 0 || late.frames[0]!.event === 'ready').toBe(true);
    await late.next(presenceFrame(topic, [`${ownerName}:viewing`]), 1000);
    await late.close();
    await s.close();
    await until(() => appB.live.stats().connections === 0);
  });

  it('refuses a user of another organisation on B with a 403 problem', async () => {
    const other = await t.signIn(t.emailOf('admin', 'other'));
    const res = await fetch(`${baseB}/api/v1/live?topics=${encodeURIComponent(topic)}`, {
      headers: { cookie: other.cookie },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('live_topic_forbidden');
  });
});
