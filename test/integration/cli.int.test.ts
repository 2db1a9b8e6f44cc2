import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** The `chorus` CLI as an operator uses it, in a process of its own on an embedded database of its own. */
describe.skipIf(Boolean(process.env.DATABASE_URL))('chorus CLI', () => {
  let dataDir: string;
  const env = () => ({ ...process.env, CHORUS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' });
  const chorus = (args: string[], input?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'src/main.ts'), ...args], {
        env: env(),
        cwd: root,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(input ?? '');
    });

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-cli-'));
  });
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));

  it('prints help for every command', async () => {
    for (const cmd of [[], ['serve'], ['worker'], ['migrate'], ['user', 'create'], ['audit', 'verify']]) {
      const r = await chorus([...cmd, '--help']);
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage|Commands/);
    }
    const unknown = await chorus(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
  });

  it('migrates, creates the first owner with a new organisation, and verifies the audit chain', async () => {
    const m1 = await chorus(['migrate']);
    const migrations = (await fs.readdir(path.join(root, 'src/platform/db/migrations'))).filter((f) =>
      f.endsWith('.sql'),
    );
    expect(m1.stdout).toMatch(new RegExp(`applied ${migrations.length} migration`));
    const m2 = await chorus(['migrate']);
    expect(m2.stdout).toMatch(/up to date/);
    const created = await chorus(
      [
        'user',
        'create',
        '--org',
        'acme',
        '--org-name',
        'Acme AG',
        '--email',
        'chef@acme.example',
        '--name',
        'Chefin',
        '--role',
        'owner',
      ],
      'ein sicheres passwort\n',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/created user chef@acme.example \(owner\) in organisation acme/);
    const dup = await chorus(
      ['user', 'create', '--org', 'acme', '--email', 'chef@acme.example', '--name', 'X', '--role', 'viewer'],
      'ein sicheres passwort\n',
    );
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
    const verify = await chorus(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/acme: ok, 1 entries/);
    // Five processes, each opening the embedded database (initdb in WASM the first time): slow on a busy machine.
  }, 120_000);

  it('says in one line when PostgreSQL is unreachable, and exits non-zero', async () => {
    const r = await run(process.execPath, [path.join(root, 'src/main.ts'), 'migrate'], {
      env: { ...env(), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => err,
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/PostgreSQL is not reachable at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  });

  it('refuses to run a worker on the embedded database', async () => {
    const r = await chorus(['worker']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs DATABASE_URL/);
  });
});
