import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/platform/db/client.ts';

export interface TestDatabase extends Database {
  /** DATABASE_URL-style string for a second process, or undefined on PGlite (one process only). */
  url?: string;
  dataDir: string;
}

let counter = 0;

/**
 * A migrated database of its own for one test file: on PostgreSQL a copy of the template database,
 * on PGlite the migrated snapshot loaded into a fresh data directory.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const tpl = inject('dbTemplate');
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-t-'));
  if (tpl.kind === 'postgres') {
    const name = `chorus_t_${process.pid}_${Date.now()}_${counter++}`;
    const admin = new pg.Client({ connectionString: tpl.url });
    await admin.connect();
    await admin.query(`create database ${name} template ${tpl.template}`);
    await admin.end();
    const u = new URL(tpl.url);
    u.pathname = `/${name}`;
    const url = u.toString();
    const db = await openDatabase({ databaseUrl: url, dataDir });
    return {
      ...db,
      url,
      dataDir,
      async close() {
        await db.close();
        const c = new pg.Client({ connectionString: tpl.url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const snapshot = new Blob([await fs.readFile(tpl.snapshotFile)]);
  const db = await openDatabase({ dataDir, snapshot });
  return {
    ...db,
    dataDir,
    async close() {
      await db.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
