import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function waitReady(port: number): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on ${port} did not become ready`);
}

/**
 * Several `serve` processes and a `worker` against one PostgreSQL, as a large installation runs them:
 * the demo is seeded once, a session opened on one server works on the other, and signing out on one
 * ends it on the other at once (the principal cache is dropped through NOTIFY, not after its TTL).
 */
describe.skipIf(!process.env.DATABASE_URL)('several processes on one PostgreSQL', () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];
  const ports = [3291 + (process.pid % 50) * 3, 3292 + (process.pid % 50) * 3];

  beforeAll(async () => {
    db = await createTestDatabase();
    const base = {
      ...process.env,
      DATABASE_URL: db.url!,
      CHORUS_DEMO: 'true',
      CHORUS_DEMO_PASSWORD: 'multi process demo',
      CHORUS_DATA_DIR: db.dataDir,
      CHORUS_WORKERS_IN_SERVE: 'false',
      LOG_LEVEL: 'warn',
    };
    const start = (args: string[], env: NodeJS.ProcessEnv) => {
      const child = spawn(process.execPath, [path.join(root, 'src/main.ts'), ...args], {
        env,
        cwd: root,
        stdio: 'ignore',
      });
      children.push(child);
    };
    for (const port of ports) start(['serve'], { ...base, PORT: String(port) });
    start(['worker'], base);
    await Promise.all(ports.map(waitReady));
  }, 90_000);

  afterAll(async () => {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    await db.close();
  });

  it('seeds the demo organisation exactly once', async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const orgs = await c.query('select count(*)::int as n from organisations');
    const users = await c.query('select count(*)::int as n from users');
    await c.end();
    expect(orgs.rows[0].n).toBe(1);
    expect(users.rows[0].n).toBe(7);
  });

  it('shares sessions between servers and ends them everywhere at once', async () => {
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    const signIn = await fetch(`${a}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@beispiel.example', password: 'multi process demo' }),
    });
    expect(signIn.status).toBe(200);
    const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const cookie = cookies.join('; ');
    const csrf = cookies.find((c) => c.startsWith('chorus_csrf='))!.split('=')[1]!;

    const meOnB = await fetch(`${b}/api/v1/me`, { headers: { cookie } });
    expect(meOnB.status).toBe(200);
    expect((await meOnB.json()).role).toBe('manager');

    const out = await fetch(`${a}/api/v1/auth/sign-out-everywhere`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    // B cached the principal a moment ago; the event from A must drop it well within the cache's TTL.
    let status = 0;
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      status = (await fetch(`${b}/api/v1/me`, { headers: { cookie } })).status;
      if (status === 401) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
  });

  it('lets the worker own the schedules of the job queue', async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const res = await c.query<{ name: string }>('select name from pgboss.schedule');
    await c.end();
    expect(res.rows.map((r) => r.name)).toContain('identity.purge-expired');
  });
});
