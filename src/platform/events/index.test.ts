import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createEventBus, type DomainEvent } from './index.ts';

const log = { error: () => undefined, warn: () => undefined };

describe('createEventBus', () => {
  it('uses the in-process bus on the embedded database, never touching the pool', async () => {
    // A pool pointing nowhere: any query through it would fail the publish.
    const pool = new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 200 });
    const bus = createEventBus({ kind: 'pglite', connection: {}, pool, log });
    const seen: DomainEvent[] = [];
    bus.subscribe('x', (e) => {
      seen.push(e);
    });
    await bus.start();
    await bus.publish({ type: 'x', orgId: 'o', payload: { id: 1 } });
    await bus.stop();
    await pool.end();
    expect(seen.map((e) => e.payload)).toEqual([{ id: 1 }]);
  });

  it('uses NOTIFY on PostgreSQL, so publishing needs the database', async () => {
    const pool = new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 200 });
    const bus = createEventBus({ kind: 'postgres', connection: { host: '127.0.0.1', port: 1 }, pool, log });
    await expect(bus.start()).rejects.toThrow();
    await expect(bus.publish({ type: 'x', orgId: 'o', payload: {} })).rejects.toThrow();
    await pool.end();
  });
});
