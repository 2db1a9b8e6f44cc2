import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Context } from '../src/context.ts';
import { sealContext } from '../src/modules/channels/open-channel.ts';
import { createOrganisation } from '../src/modules/identity/organisations.ts';
import { channels } from '../src/platform/db/schema/channels.ts';
import { memberships, users } from '../src/platform/db/schema/identity.ts';

/**
 * Many scheduled posts on many sandbox channels, written straight into the database as an import would,
 * and `chorus worker` processes to send them: shared by the scheduling benchmark and the crash test.
 */

const ROOT = path.resolve(import.meta.dirname, '..');

export interface Seeded {
  orgId: string;
  authorId: string;
  channelIds: string[];
  /** Sandbox account of each channel, by channel id. */
  accountOf: Map<string, string>;
}

/** An organisation with an author and `channelCount` company channels on sandbox accounts of that latency. */
export async function seedOrg(
  ctx: Context,
  slug: string,
  channelCount: number,
  latencyMs: number,
): Promise<Seeded> {
  const { orgId, authorId } = await ctx.db.transaction(async (tx) => {
    const { org } = await createOrganisation(tx, { name: `Last ${slug}`, slug });
    const [u] = await tx
      .insert(users)
      .values({ email: `author@${slug}.example`, name: 'Load Author' })
      .returning({ id: users.id });
    await tx.insert(memberships).values({ orgId: org.id, userId: u!.id, role: 'manager', status: 'active' });
    return { orgId: org.id, authorId: u!.id };
  });
  const rows: (typeof channels.$inferInsert)[] = [];
  const accountOf = new Map<string, string>();
  for (let i = 0; i < channelCount; i++) {
    const { account, token } = await ctx.sandbox.createAccount(orgId, {
      handle: `${slug}_${i}`,
      displayName: `Load ${i}`,
    });
    if (latencyMs > 0) await ctx.sandbox.updateSettings(orgId, account.id, { latencyMs });
    const id = randomUUID();
    accountOf.set(id, account.id);
    rows.push({
      id,
      orgId,
      network: 'sandbox',
      name: `Load ${i}`,
      ownership: 'company',
      accountId: account.id,
      accountHandle: account.handle,
      accountUrl: ctx.sandbox.api.accountUrl(account.handle),
      credentialsSealed: ctx.secrets.seal(
        JSON.stringify({ serviceUrl: '', identifier: token, secret: '' }),
        sealContext(id),
      ),
    });
  }
  if (rows.length > 0) await ctx.db.insert(channels).values(rows);
  return { orgId, authorId, channelIds: rows.map((r) => r.id!), accountOf };
}

/**
 * Approved posts with one scheduled target each, due evenly from `start` over `windowMs`, round-robin over
 * the channels — in one statement. Each text is unique (a duplicate shows by text too). Returns each
 * target's due time.
 */
export async function insertScheduled(
  ctx: Context,
  s: Seeded,
  n: number,
  start: Date,
  windowMs: number,
): Promise<Map<string, number>> {
  const res = await ctx.database.pool.query<{ id: string; due: Date }>(
    `with src as materialized (
       select gen_random_uuid() as id, i from generate_series(0, $1::int - 1) as i
     ), p as (
       insert into posts (id, org_id, author_id, base_text, state, version, approved_version)
       select id, $2, $3, 'Geplanter Beitrag Nummer ' || i || ' aus dem Lasttest.', 'approved', 1, 1 from src
     )
     insert into post_targets (org_id, post_id, channel_id, state, scheduled_at, idempotency_key)
     select $2, id, ($4::uuid[])[1 + i % cardinality($4::uuid[])], 'scheduled',
            $5::timestamptz + (i * $6::double precision) * interval '1 millisecond',
            'chorus-' || gen_random_uuid()
     from src
     returning id, scheduled_at as due`,
    [n, s.orgId, s.authorId, s.channelIds, start.toISOString(), windowMs / n],
  );
  return new Map(res.rows.map((r) => [r.id, r.due.getTime()]));
}

/** Starts `chorus worker`; `started` resolves once it says so. Error lines of its log land in `errors`. */
export function startWorker(
  env: NodeJS.ProcessEnv,
  errors: string[],
): { child: ChildProcess; started: Promise<void> } {
  const child = spawn(process.execPath, [path.join(ROOT, 'src/main.ts'), 'worker'], {
    env: { ...env, LOG_LEVEL: 'info' },
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  const started = new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`worker exited with ${code ?? signal}: ${buffered.slice(-2000)}`));
    child.once('exit', onExit);
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('"worker started"')) {
        child.off('exit', onExit);
        resolve();
      }
      for (const line of text.split('\n')) if (/"level":(50|60)/.test(line)) errors.push(line.slice(0, 500));
      buffered = (buffered + text).slice(-4000);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      buffered = (buffered + chunk.toString()).slice(-4000);
    });
  });
  return { child, started };
}

/** Starts `chorus worker` and resolves once it has started. */
export async function spawnWorker(env: NodeJS.ProcessEnv, errors: string[]): Promise<ChildProcess> {
  const { child, started } = startWorker(env, errors);
  await started;
  return child;
}

export async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
  await exited;
  clearTimeout(timer);
}
