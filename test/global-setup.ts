import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, snapshotEmbedded } from '../src/platform/db/client.ts';
import { runMigrations } from '../src/platform/db/migrator.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL: name of the migrated template database. PGlite: path of the migrated snapshot tarball. */
    dbTemplate:
      | { kind: 'postgres'; url: string; template: string }
      | { kind: 'pglite'; snapshotFile: string };
  }
}

/** Migrates one database once per run; every test file starts from a copy of it (see test/db.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `chorus_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const tplUrl = withDatabase(url, template);
    const db = await openDatabase({ databaseUrl: tplUrl, dataDir: os.tmpdir() });
    await runMigrations(db.db);
    await db.close();
    project.provide('dbTemplate', { kind: 'postgres', url, template });
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const res = await c.query<{ datname: string }>(
        `select datname from pg_database where datname = $1 or datname like $2`,
        [template, `chorus_t_${process.pid}_%`],
      );
      for (const row of res.rows) await c.query(`drop database if exists ${row.datname} with (force)`);
      await c.end();
    };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-tpl-'));
  const db = await openDatabase({ dataDir: dir });
  await runMigrations(db.db);
  await db.close();
  const blob = await snapshotEmbedded(dir);
  const snapshotFile = path.join(dir, 'snapshot.tar');
  await fs.writeFile(snapshotFile, Buffer.from(await blob.arrayBuffer()));
  project.provide('dbTemplate', { kind: 'pglite', snapshotFile });
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
