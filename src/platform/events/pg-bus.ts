import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type BusLog, createLocalFanOut, type DomainEvent, type EventBus, prepareEvent } from './bus.ts';

export const EVENTS_CHANNEL = 'chorus_events';

export interface PgBusLog extends BusLog {
  warn(obj: object, msg?: string): void;
}

export interface PgEventBusOptions {
  /** Settings for the dedicated LISTEN connection (a pool cannot hold a session open). */
  connection: pg.PoolConfig;
  /** Where events are published from. */
  pool: pg.Pool;
  log: PgBusLog;
  /** How often the idle listener proves its connection is alive; a dead one is replaced. */
  heartbeatMs?: number;
  /** First reconnect delay; doubles per failed attempt up to maxReconnectDelayMs. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
}

interface Envelope {
  /** Origin: the publishing process, so it can skip the echo of its own events. */
  o: string;
  e: DomainEvent;
}

function isEnvelope(v: unknown): v is Envelope {
  if (typeof v !== 'object' || v === null) return false;
  const { o, e } = v as Record<string, unknown>;
  if (typeof o !== 'string' || typeof e !== 'object' || e === null) return false;
  const ev = e as Record<string, unknown>;
  return typeof ev.type === 'string' && typeof ev.orgId === 'string' && typeof ev.at === 'string';
}

/**
 * Domain events across processes on PostgreSQL: local subscribers are called directly, other processes
 * hear the event through NOTIFY. Delivery to other processes is at most once — a process whose listener is
 * reconnecting misses what was published meanwhile — so events are hints that carry ids; anything that must
 * not be lost goes through the job queue or the outbox.
 */
export function createPgEventBus(opts: PgEventBusOptions): EventBus {
  const { log } = opts;
  const heartbeatMs = opts.heartbeatMs ?? 30_000;
  const baseDelay = opts.reconnectDelayMs ?? 250;
  const maxDelay = opts.maxReconnectDelayMs ?? 30_000;
  const origin = randomUUID();
  const local = createLocalFanOut(log);

  let running = false;
  let client: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let attempt = 0;

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== EVENTS_CHANNEL || msg.payload === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(msg.payload);
    } catch (err) {
      log.error({ err, payload: msg.payload.slice(0, 200) }, 'ignoring malformed event notification');
      return;
    }
    if (!isEnvelope(parsed)) {
      log.error({ payload: msg.payload.slice(0, 200) }, 'ignoring malformed event notification');
      return;
    }
    if (parsed.o === origin) return;
    local.deliver(parsed.e).catch((err: unknown) => log.error({ err }, 'event delivery failed'));
  };

  const dropClient = (c: pg.Client) => {
    c.removeAllListeners('notification');
    c.removeAllListeners('end');
    // Keep a listener for late socket errors: an unhandled 'error' event would crash the process.
    c.removeAllListeners('error');
    c.on('error', () => undefined);
    c.end().catch((err: unknown) => log.warn({ err }, 'closing the event listener connection failed'));
  };

  const lost = (c: pg.Client, err?: unknown) => {
    if (client !== c) return;
    client = undefined;
    clearInterval(heartbeatTimer);
    dropClient(c);
    if (!running) return;
    log.warn({ err }, 'event listener connection lost; reconnecting');
    scheduleReconnect();
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      ...opts.connection,
      application_name: 'chorus-events',
      keepAlive: true,
    });
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    c.on('notification', onNotification);
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (err) {
      dropClient(c);
      throw err;
    }
    if (!running) {
      dropClient(c);
      return;
    }
    client = c;
    attempt = 0;
    clearInterval(heartbeatTimer);
    // A connection can die silently (a NAT or proxy dropping it); only a round trip notices.
    heartbeatTimer = setInterval(() => {
      c.query('select 1').catch((err: unknown) => lost(c, err));
    }, heartbeatMs);
    heartbeatTimer.unref();
  };

  const scheduleReconnect = () => {
    if (!running || reconnectTimer) return;
    const delay = Math.min(maxDelay, baseDelay * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().catch((err: unknown) => {
        log.warn({ err, attempt }, 'event listener reconnect failed');
        scheduleReconnect();
      });
    }, delay);
  };

  return {
    async publish(event) {
      // Throws EventTooLargeError before anything is sent; the envelope adds well under 100 bytes.
      const { event: prepared, json } = prepareEvent(event);
      const payload = `{"o":${JSON.stringify(origin)},"e":${json}}`;
      await opts.pool.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
      await local.deliver(prepared);
    },
    subscribe: (type, handler) => local.subscribe(type, handler),
    async start() {
      if (running) return;
      running = true;
      try {
        await connect();
      } catch (err) {
        running = false;
        throw err;
      }
    },
    async stop() {
      running = false;
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      clearInterval(heartbeatTimer);
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners('end');
        await c.end();
      }
    },
  };
}
