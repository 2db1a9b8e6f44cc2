import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInProcessBus } from '../events/bus.ts';
import type { Principal } from '../http/principal.ts';
import { DomainError } from '../http/problem.ts';
import { createLiveHub, type LiveHub, type LiveSink } from './hub.ts';
import { publishLive } from './publish.ts';

function principal(userId: string, orgId = 'org-a', name = `User ${userId}`): Principal {
  return {
    userId,
    orgId,
    email: `${userId}@x.example`,
    name,
    locale: 'en',
    timeZone: 'UTC',
    role: 'editor',
    orgName: orgId,
    orgSlug: orgId,
    departmentId: null,
    departmentName: null,
    permissions: new Set(),
    via: 'session',
  };
}

interface TestSink extends LiveSink {
  chunks: string[];
  ended: boolean;
  backlog: number;
  /** The parsed `event:` frames so far. */
  events(): Array<{ event: string; data: unknown }>;
}

function sink(): TestSink {
  const s: TestSink = {
    chunks: [],
    ended: false,
    backlog: 0,
    write: (c) => {
      s.chunks.push(c);
    },
    buffered: () => s.backlog,
    end: () => {
      s.ended = true;
    },
    events: () =>
      s.chunks
        .join('')
        .split('\n\n')
        .flatMap((block) => {
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          return event && data ? [{ event, data: JSON.parse(data) as unknown }] : [];
        }),
  };
  return s;
}

const presenceOf = (s: TestSink, topic: string) => {
  const frames = s.events().filter((e) => e.event === 'presence') as Array<{
    data: { topic: string; present: Array<{ userId: string; state: string; name: string }> };
  }>;
  const last = frames.filter((f) => f.data.topic === topic).at(-1);
  return last?.data.present.map((p) => `${p.userId}:${p.state}`) ?? null;
};

describe('live hub', () => {
  const log = { warn: vi.fn(), error: vi.fn() };
  let bus: ReturnType<typeof createInProcessBus>;
  let hub: LiveHub;
  // Who may read `doc:<id>`: ids are "<orgId>-<anything>", so another organisation's document is refused.
  const allowed = new Set<string>();

  beforeEach(() => {
    vi.useFakeTimers();
    bus = createInProcessBus({ log });
    hub = createLiveHub({
      events: bus,
      log,
      heartbeatMs: 15_000,
      presenceTtlMs: 30_000,
      revalidateMs: 60_000,
      maxConnectionsPerUser: 2,
      maxTopicsPerConnection: 3,
      accessChangedEvent: 'identity.access_changed',
    });
    hub.registerTopic('doc', (p, id) => id.startsWith(`${p.orgId}-`) && !allowed.has(`deny:${p.userId}`));
    hub.start();
  });
  afterEach(() => {
    hub.stop();
    allowed.clear();
    vi.useRealTimers();
  });

  const open = (
    p: Principal,
    topics: string[],
    s = sink(),
    revalidate = async () => p as Principal | null,
  ) => ({
    s,
    conn: hub.open({ principal: p, topics, sink: s, revalidate }),
  });

  it('refuses unknown, malformed, foreign and too many topics with problems', async () => {
    const p = principal('u1');
    const code = (e: unknown) => (e instanceof DomainError ? `${e.status} ${e.code}` : String(e));
    await expect(hub.authorise(p, ['nope:1']).catch(code)).resolves.toBe('422 live_topics_invalid');
    await expect(hub.authorise(p, ['doc:a b']).catch(code)).resolves.toBe('422 live_topics_invalid');
    await expect(hub.authorise(p, []).catch(code)).resolves.toBe('422 live_topics_invalid');
    await expect(hub.authorise(p, ['doc:org-b-1']).catch(code)).resolves.toBe('403 live_topic_forbidden');
    await expect(
      hub.authorise(p, ['doc:org-a-1', 'doc:org-a-2', 'doc:org-a-3', 'doc:org-a-4']).catch(code),
    ).resolves.toBe('422 live_too_many_topics');
    await expect(hub.authorise(p, ['doc:org-a-1'])).resolves.toBeUndefined();
    expect(() => hub.registerTopic('doc', () => true)).toThrow(/twice/);
  });

  it('sends ready and the current presence at once, then messages of its topics and organisation only', async () => {
    const { s } = open(principal('u1'), ['doc:org-a-1']);
    expect(s.chunks[0]).toMatch(/^retry: 3000\n/);
    expect(s.events().slice(0, 2)).toEqual([
      { event: 'ready', data: { topics: ['doc:org-a-1'] } },
      { event: 'presence', data: { topic: 'doc:org-a-1', present: [] } },
    ]);
    await publishLive(bus, 'org-a', { topic: 'doc:org-a-1', type: 'item.updated', data: { status: 'done' } });
    await publishLive(bus, 'org-a', { topic: 'doc:org-a-2', type: 'item.updated', data: null });
    // The same topic name in another organisation is another topic.
    await publishLive(bus, 'org-b', { topic: 'doc:org-a-1', type: 'leak', data: null });
    const messages = s.events().filter((e) => e.event === 'message');
    expect(messages).toEqual([
      {
        event: 'message',
        data: {
          topic: 'doc:org-a-1',
          type: 'item.updated',
          data: { status: 'done' },
          at: expect.any(String),
        },
      },
    ]);
  });

  it('keeps presence: viewing, typing, heartbeats without noise, left, expiry, and a snapshot for newcomers', async () => {
    const watcher = open(principal('w'), ['doc:org-a-1']).s;
    const anna = principal('anna');
    await hub.announce(anna, 'doc:org-a-1', 'viewing');
    expect(presenceOf(watcher, 'doc:org-a-1')).toEqual(['anna:viewing']);
    const framesBefore = watcher.events().length;
    await hub.announce(anna, 'doc:org-a-1', 'viewing'); // heartbeat: nothing new to tell
    expect(watcher.events()).toHaveLength(framesBefore);
    await hub.announce(anna, 'doc:org-a-1', 'typing');
    expect(presenceOf(watcher, 'doc:org-a-1')).toEqual(['anna:typing']);
    // Another organisation's presence on a same-named topic never shows.
    await hub.announce(principal('eve', 'org-b'), 'doc:org-a-1', 'viewing');
    expect(presenceOf(watcher, 'doc:org-a-1')).toEqual(['anna:typing']);

    const late = open(principal('late'), ['doc:org-a-1']).s;
    expect(presenceOf(late, 'doc:org-a-1')).toEqual(['anna:typing']);

    await hub.announce(anna, 'doc:org-a-1', 'left');
    expect(presenceOf(watcher, 'doc:org-a-1')).toEqual([]);

    const bert = principal('bert');
    await hub.announce(bert, 'doc:org-a-1', 'viewing');
    await vi.advanceTimersByTimeAsync(20_000);
    await hub.announce(bert, 'doc:org-a-1', 'viewing'); // heartbeat keeps him
    await vi.advanceTimersByTimeAsync(20_000);
    expect(presenceOf(watcher, 'doc:org-a-1')).toEqual(['bert:viewing']);
    await vi.advanceTimersByTimeAsync(15_000); // 35 s after the last heartbeat
    expect(presenceOf(watcher, 'doc:org-a-1')).toEqual([]);
    // Eve's entry in org-b expired on its own too: nothing is held any more.
    expect(hub.stats().presence).toBe(0);
  });

  it('pings every 15 s and limits connections per user', async () => {
    const p = principal('u1');
    const a = open(p, ['doc:org-a-1']).s;
    open(p, ['doc:org-a-2']);
    expect(() => open(p, ['doc:org-a-3'])).toThrow(
      expect.objectContaining({ status: 429, code: 'live_too_many_connections' }),
    );
    await vi.advanceTimersByTimeAsync(15_000);
    expect(a.chunks.at(-1)).toBe(': ping\n\n');
  });

  it('forgets a closed connection entirely, and stop ends streams and bus subscriptions', async () => {
    const p = principal('u1');
    const first = open(p, ['doc:org-a-1', 'doc:org-a-2']);
    const second = open(principal('u2'), ['doc:org-a-1']);
    expect(hub.stats()).toMatchObject({ connections: 2, indexedTopics: 2 });
    first.conn.close('client');
    first.conn.close('client');
    expect(first.s.ended).toBe(true);
    expect(hub.stats()).toMatchObject({ connections: 1, indexedTopics: 1 });
    // Closed by the client: it gets no more bytes.
    const before = first.s.chunks.length;
    await publishLive(bus, 'org-a', { topic: 'doc:org-a-1', type: 'x', data: null });
    expect(first.s.chunks).toHaveLength(before);
    open(p, ['doc:org-a-1']); // the slot is free again

    hub.stop();
    expect(second.s.ended).toBe(true);
    expect(second.s.events().at(-1)).toEqual({ event: 'closed', data: { reason: 'shutdown' } });
    expect(hub.stats()).toMatchObject({ connections: 0, indexedTopics: 0, running: false });
    const after = second.s.chunks.length;
    await publishLive(bus, 'org-a', { topic: 'doc:org-a-1', type: 'x', data: null });
    await hub.announce(p, 'doc:org-a-1', 'viewing');
    expect(second.s.chunks).toHaveLength(after);
    expect(hub.stats().presence).toBe(0);
    expect(() => open(p, ['doc:org-a-1'])).toThrow(expect.objectContaining({ status: 503 }));
  });

  it('closes the streams of a user whose access ended, and of one who may no longer read a topic', async () => {
    let signedIn = true;
    const p = principal('u1');
    const mine = open(p, ['doc:org-a-1'], sink(), async () => (signedIn ? p : null)).s;
    const q = principal('u2');
    const other = open(q, ['doc:org-a-1']).s;
    signedIn = false;
    await bus.publish({ type: 'identity.access_changed', orgId: 'org-a', payload: { userId: 'u1' } });
    await vi.advanceTimersByTimeAsync(1);
    expect(mine.ended).toBe(true);
    expect(mine.events().at(-1)).toEqual({ event: 'closed', data: { reason: 'signed_out' } });
    expect(other.ended).toBe(false);

    // No event at all (a session simply expires, a right is taken): the periodic check catches it.
    allowed.add('deny:u2');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(other.ended).toBe(true);
    expect(other.events().at(-1)).toEqual({ event: 'closed', data: { reason: 'forbidden' } });
    expect(hub.stats().connections).toBe(0);
  });

  it('drops a client that does not read what it is sent', async () => {
    const { s } = open(principal('u1'), ['doc:org-a-1']);
    s.backlog = 2 * 1024 * 1024;
    await publishLive(bus, 'org-a', { topic: 'doc:org-a-1', type: 'x', data: null });
    expect(s.ended).toBe(true);
    expect(hub.stats().connections).toBe(0);
  });
});
