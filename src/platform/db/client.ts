import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { installSessionQueue } from './pglite-session-queue.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle; repos accept either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  pool: pg.Pool;
  /** Connection settings for another pool (the job queue) onto the same database. */
  connection: pg.PoolConfig;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {}

export interface OpenOptions {
  databaseUrl?: string;
  /** Directory of the embedded database; ignored when databaseUrl is set. */
  dataDir: string;
  /** Start the embedded database from this snapshot (tests). */
  snapshot?: Blob;
  poolSize?: number;
}

/**
 * Opens the database. Both kinds are reached through node-postgres: on the embedded database PGlite
 * is served by pglite-socket, because its in-process API does not isolate one caller's open transaction
 * from another's — the socket server does, so every caller (Drizzle, the job queue) must go through it.
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openEmbedded(opts);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const connection: pg.PoolConfig = { connectionString: url, max: poolSize };
  const pool = new pg.Pool(connection);
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it and the next query reports any outage.
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new DatabaseUnreachableError(
      `PostgreSQL is not reachable at ${redact(url)}: ${(err as Error).message}`,
    );
  }
  return {
    kind: 'postgres',
    db: drizzle({ client: pool, schema }),
    pool,
    connection,
    close: () => pool.end(),
  };
}

async function openEmbedded(opts: OpenOptions): Promise<Database> {
  const pgDir = path.join(opts.dataDir, 'pglite');
  await fs.mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  const lite = await PGlite.create({
    dataDir: pgDir,
    ...(opts.snapshot ? { loadDataDir: opts.snapshot } : {}),
  });
  // A Unix socket inside the private data directory keeps other local users out; its path must fit
  // into sockaddr_un (108 bytes), otherwise fall back to a loopback port.
  const socketDir = opts.dataDir;
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  const useUnix = socketPath.length < 100;
  if (useUnix) await fs.rm(socketPath, { force: true });
  const server = new PGLiteSocketServer({
    db: lite,
    ...(useUnix ? { path: socketPath } : { host: '127.0.0.1', port: 0 }),
    maxConnections: 64,
  });
  installSessionQueue(server, lite);
  await server.start();
  const connection: pg.PoolConfig = useUnix
    ? { host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: opts.poolSize ?? 8 }
    : {
        host: '127.0.0.1',
        port: Number(server.getServerConn().split(':').pop()),
        user: 'postgres',
        database: 'postgres',
        max: opts.poolSize ?? 8,
      };
  const pool = new pg.Pool(connection);
  pool.on('error', () => {
    // See openPostgres: the pool replaces a broken idle client by itself.
  });
  return {
    kind: 'pglite',
    db: drizzle({ client: pool, schema }),
    pool,
    connection,
    async close() {
      await pool.end();
      await server.stop();
      await lite.close();
      if (useUnix) await fs.rm(socketPath, { force: true });
    },
  };
}

/** Dumps the embedded database (tests migrate once and start every suite from this snapshot). */
export async function snapshotEmbedded(dataDir: string): Promise<Blob> {
  const lite = await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
  const blob = await lite.dumpDataDir('none');
  await lite.close();
  return blob;
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
