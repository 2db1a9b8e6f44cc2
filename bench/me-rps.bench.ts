import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Bench, BenchReport } from './harness.ts';
import { round } from './harness.ts';

/**
 * Requests per second of an authenticated GET /api/v1/me against a bare node:http hello-world, both in
 * child processes driven by the same autocannon client. Goal: Chorus at ≥ 50 % of the bare server.
 */
async function start(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; port: number; password?: string }> {
  const child = fork(path.join(import.meta.dirname, 'servers', script), [], {
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const msg = await new Promise<{ port: number; password?: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; password?: string }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, ...msg };
}

async function load(url: string, headers: Record<string, string>, seconds: number) {
  const r = await autocannon({ url, connections: 32, duration: seconds, headers, pipelining: 1 });
  return {
    rps: round(r.requests.average, 0),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: Bench = async ({ quick }) => {
  const rounds = quick ? 3 : 5;
  const seconds = quick ? 2 : 4;
  const env = { ...process.env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info' };
  const bare = await start('bare-http.ts', env);
  const chorus = await start('chorus-server.ts', env);
  try {
    const signIn = await fetch(`http://127.0.0.1:${chorus.port}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@beispiel.example', password: chorus.password }),
    });
    if (!signIn.ok) throw new Error(`bench sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const bareUrl = `http://127.0.0.1:${bare.port}/`;
    const meUrl = `http://127.0.0.1:${chorus.port}/api/v1/me`;
    await load(bareUrl, {}, 1);
    await load(meUrl, { cookie }, 1);
    // Alternating short rounds, so a burst of load from elsewhere on this shared machine hits both sides.
    const base: Awaited<ReturnType<typeof load>>[] = [];
    const me: Awaited<ReturnType<typeof load>>[] = [];
    for (let i = 0; i < rounds; i++) {
      base.push(await load(bareUrl, {}, seconds));
      me.push(await load(meUrl, { cookie }, seconds));
    }
    const failed = me.reduce((n, r) => n + r.non2xx + r.errors, 0);
    if (failed > 0) throw new Error(`GET /api/v1/me failed under load: ${failed} non-2xx or errors`);
    const ratios = me.map((r, i) => r.rps / base[i]!.rps);
    const ratio = round(median(ratios), 3);
    const report: BenchReport = {
      name: `authenticated GET /api/v1/me (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, 32 connections, ${rounds} × ${seconds} s)`,
      figures: {
        rps: median(me.map((r) => r.rps)),
        p50Ms: median(me.map((r) => r.p50Ms)),
        p99Ms: median(me.map((r) => r.p99Ms)),
      },
      baseline: {
        name: 'bare node:http hello-world',
        figures: {
          rps: median(base.map((r) => r.rps)),
          p50Ms: median(base.map((r) => r.p50Ms)),
          p99Ms: median(base.map((r) => r.p99Ms)),
        },
      },
      ratio,
      ratioMeaning: 'median over rounds of Chorus rps / bare node:http rps',
      goal: { description: 'Chorus ≥ 50 % of bare node:http', met: ratio >= 0.5 },
      notes: [`per-round ratios: ${ratios.map((r) => round(r, 3)).join(', ')}`],
    };
    return report;
  } finally {
    bare.child.disconnect();
    chorus.child.disconnect();
  }
};

export default bench;
