import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { migrationsPending, runMigrations } from './migrator.ts';

describe('database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it('starts migrated and a second migration run applies nothing', async () => {
    expect(await migrationsPending(t.db)).toBe(0);
    expect(await runMigrations(t.db)).toEqual({ applied: 0 });
  });

  it('keeps an open transaction invisible to other connections', async () => {
    await t.db.execute(sql`create table iso_probe (x int)`);
    let seenInside = -1;
    let seenOutside = -1;
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into iso_probe values (1)`);
        seenInside = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from iso_probe`)).rows[0]!
          .n;
        // Another pooled connection must not see the uncommitted row; on PGlite it waits for the commit.
        const outside = t.db.execute<{ n: number }>(sql`select count(*)::int as n from iso_probe`);
        const raced = await Promise.race([
          outside,
          new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 200)),
        ]);
        seenOutside = raced === 'waiting' ? 0 : raced.rows[0]!.n;
        tx.rollback();
      })
      .catch((err: Error) => {
        if (!/rollback/i.test(err.message)) throw err;
      });
    expect(seenInside).toBe(1);
    expect(seenOutside).toBe(0);
    const after = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from iso_probe`);
    expect(after.rows[0]!.n).toBe(0);
  });
});
