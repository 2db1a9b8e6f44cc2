import type pg from 'pg';
import type { DatabaseKind } from '../db/client.ts';
import { createInProcessBus, type EventBus } from './bus.ts';
import { createPgEventBus, type PgBusLog } from './pg-bus.ts';

export type { DomainEvent, EventBus, EventHandler } from './bus.ts';
export { createInProcessBus, EventTooLargeError, MAX_EVENT_BYTES } from './bus.ts';
export { createPgEventBus } from './pg-bus.ts';

/**
 * On the embedded database one process owns everything and NOTIFY does not cross pglite-socket
 * connections, so the in-process bus is the whole story there; on PostgreSQL events reach other processes.
 */
export function createEventBus(opts: {
  kind: DatabaseKind;
  connection: pg.PoolConfig;
  pool: pg.Pool;
  log: PgBusLog;
}): EventBus {
  if (opts.kind === 'pglite') return createInProcessBus({ log: opts.log });
  return createPgEventBus({ connection: opts.connection, pool: opts.pool, log: opts.log });
}
