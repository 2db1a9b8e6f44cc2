import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { runMigrations } from '../../src/platform/db/migrator.ts';
import { seedDemoIfEmpty } from '../../src/seed-demo.ts';

// Chorus as `serve` runs it (same config path, request logging on), on a database of its own.
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-bench-'));
// On PostgreSQL the benchmark gets a database of its own, dropped afterwards.
const adminUrl = process.env.DATABASE_URL || undefined;
const benchDb = `chorus_bench_${process.pid}`;
let databaseUrl: string | undefined;
if (adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${benchDb}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${benchDb}`;
  databaseUrl = u.toString();
}
const password = 'bench password 1';
const config = loadConfig({
  ...process.env,
  DATABASE_URL: databaseUrl ?? '',
  CHORUS_DATA_DIR: dataDir,
  PORT: '0',
  NODE_ENV: 'production',
  CHORUS_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
  CHORUS_SIGN_IN_LIMIT_PER_MINUTE: '1000',
});
const ctx = await createContext(config);
await runMigrations(ctx.db);
await seedDemoIfEmpty(ctx, password);
const app = await buildApp(ctx);
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0, password });
process.on('disconnect', async () => {
  await app.close();
  await ctx.close();
  await fs.rm(dataDir, { recursive: true, force: true });
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${benchDb} with (force)`);
    await admin.end();
  }
  process.exit(0);
});
