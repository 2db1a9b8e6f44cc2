import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Db } from './client.ts';

export const migrationsFolder = path.join(import.meta.dirname, 'migrations');

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK = 7_271_843;

/**
 * Applies pending migrations. Several processes may start at once against one PostgreSQL: an advisory
 * lock lets one migrate while the others wait, then find nothing left to do.
 */
export async function runMigrations(db: Db): Promise<{ applied: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    const before = await appliedCount(tx as unknown as Db);
    await migrate(tx as unknown as Db, { migrationsFolder });
    const after = await appliedCount(tx as unknown as Db);
    return { applied: after - before };
  });
}

export function expectedMigrations(): number {
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedCount(db: Db): Promise<number> {
  const exists = await db.execute<{ t: string | null }>(
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists.rows[0]?.t) return 0;
  const res = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return res.rows[0]?.n ?? 0;
}

/** For /readyz: the database answers and every migration this build knows is applied. */
export async function migrationsPending(db: Db): Promise<number> {
  return Math.max(0, expectedMigrations() - (await appliedCount(db)));
}
