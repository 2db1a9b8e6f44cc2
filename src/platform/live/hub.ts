import type { DomainEvent, EventBus } from '../events/bus.ts';
import type { Principal } from '../http/principal.ts';
import { DomainError } from '../http/problem.ts';
import { createPresenceStore, type PresenceState, type PresenceUpdate } from './presence.ts';
import { LIVE_MESSAGE, LIVE_PRESENCE, type LiveMessage } from './publish.ts';
import { createTopicRegistry, type TopicAuthoriser } from './topics.ts';

/** Where a connection's bytes go: the HTTP response in production, an array in unit tests. */
export interface LiveSink {
  write(chunk: string): void;
  /** Bytes written but not yet taken by the client; a client this far behind is dropped. */
  buffered(): number;
  end(): void;
}

export interface OpenRequest {
  principal: Principal;
  topics: readonly string[];
  sink: LiveSink;
  /** Resolves the caller's session or token again: null once it was signed out, expired or revoked. */
  revalidate(): Promise<Principal | null>;
}

export interface LiveConnection {
  readonly userId: string;
  readonly orgId: string;
  readonly topics: readonly string[];
  /** Ends the stream (idempotent); the hub forgets the connection. */
  close(reason?: CloseReason): void;
}

export type CloseReason = 'signed_out' | 'forbidden' | 'too_slow' | 'shutdown' | 'client';

export interface LiveHubOptions {
  events: EventBus;
  /** Bus event that says a user's access changed (sign-out, role, deactivation); payload `{ userId? }`. */
  accessChangedEvent?: string;
  heartbeatMs?: number;
  presenceTtlMs?: number;
  /** How often every connection's credential is checked again (session expiry has no event). */
  revalidateMs?: number;
  maxConnectionsPerUser?: number;
  maxTopicsPerConnection?: number;
  /** A client that has not taken this many bytes is too slow and dropped. */
  maxBufferedBytes?: number;
  log: { warn(obj: object, msg?: string): void; error(obj: object, msg?: string): void };
}

export interface LiveHub {
  registerTopic(prefix: string, authorise: TopicAuthoriser): void;
  /** Refuses (DomainError) a topic list that is malformed, too long, unknown or not the principal's. */
  authorise(principal: Principal, topics: readonly string[]): Promise<void>;
  /** Registers a stream; throws a 429 DomainError when the user has too many open in this process. */
  open(req: OpenRequest): LiveConnection;
  /** Publishes the principal's presence on an (already authorised) topic to every process. */
  announce(principal: Principal, topic: string, state: PresenceState | 'left'): Promise<void>;
  start(): void;
  /** Ends every stream and drops every subscription and timer. */
  stop(): void;
  stats(): { connections: number; indexedTopics: number; presence: number; running: boolean };
}

interface Conn extends LiveConnection {
  principal: Principal;
  req: OpenRequest;
  closed: boolean;
}

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const key = (orgId: string, topic: string) => `${orgId}\n${topic}`;

export function createLiveHub(opts: LiveHubOptions): LiveHub {
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const revalidateMs = opts.revalidateMs ?? 60_000;
  const maxPerUser = opts.maxConnectionsPerUser ?? 8;
  const maxTopics = opts.maxTopicsPerConnection ?? 20;
  const maxBuffered = opts.maxBufferedBytes ?? 1024 * 1024;
  const registry = createTopicRegistry();
  const presence = createPresenceStore(opts.presenceTtlMs ?? 30_000);
  const byTopic = new Map<string, Set<Conn>>();
  const byUser = new Map<string, Set<Conn>>();
  let unsubscribe: Array<() => void> = [];
  let timers: NodeJS.Timeout[] = [];
  let running = false;

  function send(conn: Conn, chunk: string): void {
    if (conn.closed) return;
    if (conn.req.sink.buffered() > maxBuffered) {
      opts.log.warn({ userId: conn.userId }, 'live client too slow; closing its stream');
      conn.close('too_slow');
      return;
    }
    conn.req.sink.write(chunk);
  }

  function presenceFrame(orgId: string, topic: string): string {
    return frame('presence', { topic, present: presence.list(orgId, topic) });
  }

  function fanOut(orgId: string, topic: string, chunk: string): void {
    for (const conn of byTopic.get(key(orgId, topic)) ?? []) send(conn, chunk);
  }

  function forget(conn: Conn): void {
    for (const topic of conn.topics) {
      const set = byTopic.get(key(conn.orgId, topic));
      set?.delete(conn);
      if (set?.size === 0) byTopic.delete(key(conn.orgId, topic));
    }
    const mine = byUser.get(conn.userId);
    mine?.delete(conn);
    if (mine?.size === 0) byUser.delete(conn.userId);
  }

  async function revalidate(conn: Conn): Promise<void> {
    if (conn.closed) return;
    let principal: Principal | null;
    try {
      principal = await conn.req.revalidate();
    } catch (err) {
      // The database did not answer: keep the stream; the next round asks again.
      opts.log.warn({ err, userId: conn.userId }, 'live: could not check a stream credential');
      return;
    }
    if (!principal || principal.orgId !== conn.orgId) return conn.close('signed_out');
    for (const topic of conn.topics) {
      if ((await registry.authorise(principal, topic)) !== 'allowed') return conn.close('forbidden');
    }
    conn.principal = principal;
  }

  function onPresence(e: DomainEvent): void {
    const p = e.payload as Partial<PresenceUpdate> | null;
    if (
      !p ||
      typeof p.topic !== 'string' ||
      typeof p.userId !== 'string' ||
      typeof p.name !== 'string' ||
      !['viewing', 'typing', 'left'].includes(String(p.state))
    ) {
      opts.log.warn({ type: e.type }, 'live: malformed presence event ignored');
      return;
    }
    const update: PresenceUpdate = {
      orgId: e.orgId,
      topic: p.topic,
      userId: p.userId,
      name: p.name,
      state: p.state as PresenceUpdate['state'],
    };
    if (presence.apply(update, Date.now()))
      fanOut(e.orgId, update.topic, presenceFrame(e.orgId, update.topic));
  }

  function onMessage(e: DomainEvent): void {
    const m = e.payload as Partial<LiveMessage> | null;
    if (!m || typeof m.topic !== 'string' || typeof m.type !== 'string') {
      opts.log.warn({ type: e.type }, 'live: malformed message ignored');
      return;
    }
    fanOut(
      e.orgId,
      m.topic,
      frame('message', { topic: m.topic, type: m.type, data: m.data ?? null, at: e.at }),
    );
  }

  function onAccessChanged(e: DomainEvent): void {
    const userId = (e.payload as { userId?: unknown } | null)?.userId;
    const affected =
      typeof userId === 'string'
        ? [...(byUser.get(userId) ?? [])]
        : [...byUser.values()].flatMap((s) => [...s]);
    // After the current delivery round: the authenticator drops its cached principal in the same round.
    setImmediate(() => {
      for (const conn of affected) void revalidate(conn);
    });
  }

  const hub: LiveHub = {
    registerTopic: (prefix, authorise) => registry.register(prefix, authorise),

    async authorise(principal, topics) {
      if (topics.length === 0) throw new DomainError(422, 'live_topics_invalid', { topic: '' });
      if (topics.length > maxTopics) throw new DomainError(422, 'live_too_many_topics', { max: maxTopics });
      for (const topic of topics) {
        const verdict = await registry.authorise(principal, topic);
        if (verdict === 'unknown') throw new DomainError(422, 'live_topics_invalid', { topic });
        if (verdict === 'forbidden') throw new DomainError(403, 'live_topic_forbidden', { topic });
      }
    },

    open(req) {
      if (!running) throw new DomainError(503, 'live_unavailable');
      const mine = byUser.get(req.principal.userId) ?? new Set<Conn>();
      if (mine.size >= maxPerUser)
        throw new DomainError(429, 'live_too_many_connections', { max: maxPerUser });
      const topics = [...new Set(req.topics)];
      const conn: Conn = {
        userId: req.principal.userId,
        orgId: req.principal.orgId,
        topics,
        principal: req.principal,
        req,
        closed: false,
        close(reason = 'client') {
          if (conn.closed) return;
          if (reason !== 'client') req.sink.write(frame('closed', { reason }));
          conn.closed = true;
          forget(conn);
          req.sink.end();
        },
      };
      mine.add(conn);
      byUser.set(conn.userId, mine);
      for (const topic of topics) {
        const k = key(conn.orgId, topic);
        const set = byTopic.get(k) ?? new Set<Conn>();
        set.add(conn);
        byTopic.set(k, set);
      }
      // The browser retries after 3 s when the stream drops; then it gets the current state again.
      req.sink.write(`retry: 3000\n${frame('ready', { topics })}`);
      for (const topic of topics) req.sink.write(presenceFrame(conn.orgId, topic));
      return conn;
    },

    async announce(principal, topic, state) {
      const update: Omit<PresenceUpdate, 'orgId'> = {
        topic,
        userId: principal.userId,
        name: principal.name,
        state,
      };
      await opts.events.publish({ type: LIVE_PRESENCE, orgId: principal.orgId, payload: update });
    },

    start() {
      if (running) return;
      running = true;
      unsubscribe = [
        opts.events.subscribe(LIVE_PRESENCE, onPresence),
        opts.events.subscribe(LIVE_MESSAGE, onMessage),
      ];
      if (opts.accessChangedEvent)
        unsubscribe.push(opts.events.subscribe(opts.accessChangedEvent, onAccessChanged));
      const sweepEvery = Math.max(50, Math.min(5000, Math.floor((opts.presenceTtlMs ?? 30_000) / 4)));
      timers = [
        // A comment line keeps proxies from closing an idle stream and lets a dead client surface as an error.
        setInterval(() => {
          for (const set of byUser.values()) for (const conn of set) send(conn, ': ping\n\n');
        }, heartbeatMs),
        setInterval(() => {
          for (const { orgId, topic } of presence.sweep(Date.now()))
            fanOut(orgId, topic, presenceFrame(orgId, topic));
        }, sweepEvery),
        setInterval(() => {
          for (const set of byUser.values()) for (const conn of [...set]) void revalidate(conn);
        }, revalidateMs),
      ];
      for (const t of timers) t.unref();
    },

    stop() {
      running = false;
      for (const off of unsubscribe) off();
      unsubscribe = [];
      for (const t of timers) clearInterval(t);
      timers = [];
      for (const set of [...byUser.values()]) for (const conn of [...set]) conn.close('shutdown');
    },

    stats: () => ({
      connections: [...byUser.values()].reduce((n, s) => n + s.size, 0),
      indexedTopics: byTopic.size,
      presence: presence.size(),
      running,
    }),
  };
  return hub;
}
