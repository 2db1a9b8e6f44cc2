export interface DomainEvent<T = unknown> {
  type: string;
  orgId: string;
  payload: T;
  /** ISO 8601 time the event was published, set by the bus. */
  at: string;
}

export type EventHandler = (e: DomainEvent) => void | Promise<void>;

export interface EventBus {
  publish(event: Omit<DomainEvent, 'at'>): Promise<void>;
  /** `'*'` receives every event. Returns the function that unsubscribes. */
  subscribe(type: string | '*', handler: EventHandler): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface BusLog {
  error(obj: object, msg?: string): void;
}

/**
 * The local half of every bus: a registry of subscribers and the fan-out to them. Exported for the
 * PostgreSQL bus, which delivers remote events through the same path.
 */
export interface LocalFanOut {
  subscribe(type: string, handler: EventHandler): () => void;
  /** Calls every matching subscriber; a failing one is logged and does not keep the others from running. */
  deliver(event: DomainEvent): Promise<void>;
}

export function createLocalFanOut(log: BusLog): LocalFanOut {
  const handlers = new Map<string, Set<EventHandler>>();
  const report = (event: DomainEvent, err: unknown) =>
    log.error({ err, event: { type: event.type, orgId: event.orgId } }, 'event subscriber failed');
  return {
    subscribe(type, handler) {
      let set = handlers.get(type);
      if (!set) {
        set = new Set();
        handlers.set(type, set);
      }
      // Wrapped so the same function subscribed twice gets two independent subscriptions.
      const entry: EventHandler = (e) => handler(e);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    async deliver(event) {
      // Copied first: a subscriber that unsubscribes (or subscribes) while we iterate must not change this round.
      const targets = [...(handlers.get(event.type) ?? []), ...(handlers.get('*') ?? [])];
      const pending: Promise<void>[] = [];
      for (const handler of targets) {
        try {
          const result = handler(event);
          if (result instanceof Promise) pending.push(result.catch((err: unknown) => report(event, err)));
        } catch (err) {
          report(event, err);
        }
      }
      await Promise.all(pending);
    },
  };
}

/**
 * Largest event, as JSON. PostgreSQL refuses NOTIFY payloads of 8000 bytes or more and the PostgreSQL bus
 * wraps each event in a small envelope; the in-process bus enforces the same limit so that code which works
 * on the embedded database does not start failing on PostgreSQL.
 */
export const MAX_EVENT_BYTES = 7900;

export class EventTooLargeError extends Error {
  override name = 'EventTooLargeError';
}

/**
 * Stamps the time and makes the event plain JSON. Every subscriber, in this process or another, then sees
 * the same shape (a Date in the payload arrives as a string everywhere, not only across processes).
 */
export function prepareEvent(event: Omit<DomainEvent, 'at'>): { event: DomainEvent; json: string } {
  const stamped: DomainEvent = {
    type: event.type,
    orgId: event.orgId,
    payload: event.payload,
    at: new Date().toISOString(),
  };
  const json = JSON.stringify(stamped);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_EVENT_BYTES) {
    throw new EventTooLargeError(
      `event ${event.type} is ${bytes} bytes as JSON, the limit is ${MAX_EVENT_BYTES} (PostgreSQL NOTIFY): ` +
        'events carry ids, not documents; let subscribers load what they need',
    );
  }
  return { event: JSON.parse(json) as DomainEvent, json };
}

/**
 * The bus for a single process (the embedded database). Subscribers are called synchronously during
 * publish, in subscription order; publish resolves once asynchronous subscribers have settled too.
 */
export function createInProcessBus(opts: { log: BusLog }): EventBus {
  const local = createLocalFanOut(opts.log);
  return {
    publish: async (event) => local.deliver(prepareEvent(event).event),
    subscribe: (type, handler) => local.subscribe(type, handler),
    start: async () => undefined,
    stop: async () => undefined,
  };
}
