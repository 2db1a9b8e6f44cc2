import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AtpAgent } from '@atproto/api';
import { ensureNativeSqlite } from './prepare-native.ts';

/**
 * A real Bluesky PDS (with its PLC directory) on localhost, from @atproto/dev-env: accounts, app
 * passwords, records, blobs and rate limits behave as on bsky.social's PDSes. It runs without an
 * AppView (which needs PostgreSQL and Redis), so what only an AppView answers — post views with their
 * counts, notifications — is not available here: the PDS proxies those calls to an unreachable host.
 *
 * The PDS runs in a child process (bluesky-pds-process.ts says why) with a temporary directory of its
 * own for its SQLite files and blobs, removed on close; tests talk to it over HTTP only.
 */

export interface TestBlueskyAccount {
  did: string;
  handle: string;
  password: string;
  /** What a channel stores: an app password, not the account password. */
  appPassword: string;
}

export interface TestBluesky {
  /** The PDS's URL (http://localhost:<port>). */
  url: string;
  /** An account `<name>.test` with an app password. */
  createAccount(name: string): Promise<TestBlueskyAccount>;
  /** An agent logged in as the account (with its account password), for what others do on the network. */
  agentFor(account: TestBlueskyAccount): Promise<AtpAgent>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export async function startTestBluesky(opts: { rateLimits?: boolean } = {}): Promise<TestBluesky> {
  ensureNativeSqlite();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-pds-'));
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'bluesky-pds-process.ts'), JSON.stringify(opts)],
    // os.tmpdir() of the child is where dev-env puts the PDS's data.
    { env: { ...process.env, TMPDIR: dir }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the test PDS did not start in time')),
        START_TIMEOUT_MS,
      );
      createInterface({ input: child.stdout }).on('line', (line) => {
        const ready = /^CHORUS_PDS_READY (.*)$/.exec(line);
        if (!ready) return;
        clearTimeout(timer);
        resolve((JSON.parse(ready[1]!) as { url: string }).url);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the test PDS exited (${code ?? signal}) before it was up:\n${stderr}`));
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    async createAccount(name) {
      const handle = `${name}.test`;
      const password = `pw-${name}-${Math.random().toString(36).slice(2)}`;
      const agent = new AtpAgent({ service: url });
      const res = await agent.createAccount({ handle, email: `${name}@example.test`, password });
      const app = await agent.com.atproto.server.createAppPassword({ name: 'chorus' });
      return { did: res.data.did, handle, password, appPassword: app.data.password };
    },
    async agentFor(account) {
      const agent = new AtpAgent({ service: url });
      await agent.login({ identifier: account.handle, password: account.password });
      return agent;
    },
    async close() {
      child.stdin.end();
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
