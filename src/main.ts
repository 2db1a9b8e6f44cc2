import { parseArgs } from 'node:util';
import { buildApp, startWorkers } from './app.ts';
import { readSecretLine } from './cli/read-secret.ts';
import { ConfigError, loadConfig } from './config.ts';
import { type Context, createContext } from './context.ts';
import { verifyChain } from './modules/audit/verify-chain.ts';
import { createUserWithPassword } from './modules/identity/create-user.ts';
import { isRole, ROLES } from './modules/identity/roles.ts';
import { seedDemoPosts } from './modules/publishing/demo-posts.ts';
import { DatabaseUnreachableError } from './platform/db/client.ts';
import { migrationsPending, runMigrations } from './platform/db/migrator.ts';
import { organisations } from './platform/db/schema/identity.ts';
import { message } from './platform/http/messages.ts';
import { DomainError } from './platform/http/problem.ts';
import { DEMO_DOMAIN, DEMO_USERS, demoPassword, seedDemoIfEmpty } from './seed-demo.ts';

const HELP: Record<string, string> = {
  main: `chorus — the social media hub for companies

Usage: npm run chorus -- <command> [options]

Commands:
  serve          start the HTTP server (and the job workers unless CHORUS_WORKERS_IN_SERVE=false)
  worker         start job workers only (PostgreSQL; run as many as needed)
  migrate        apply pending database migrations
  user create    create an active user with a password (and the organisation, with --org-name)
  audit verify   check the hash chain of the audit log
  check          run the guideline engine over JSON lines on stdin

Run \`npm run chorus -- <command> --help\` for a command's options. Configuration comes from
environment variables; see README.md.`,
  serve: `Usage: npm run chorus -- serve

Starts the HTTP API and the web app on HOST:PORT (default 127.0.0.1:3000). Applies pending migrations
first. On the embedded database (no DATABASE_URL) it also seeds the demo organisation "Beispiel GmbH"
on first start and prints how to sign in; set CHORUS_DEMO=false to skip the demo.`,
  worker: `Usage: npm run chorus -- worker

Runs the job workers without the HTTP server. Needs DATABASE_URL (PostgreSQL): the embedded database
belongs to one process, where \`serve\` runs the workers itself. Start several for more throughput.`,
  migrate: `Usage: npm run chorus -- migrate

Applies pending database migrations and exits. Safe to run from several processes at once.`,
  'user create': `Usage: npm run chorus -- user create --org <slug> --email <e-mail> --name <name> --role <role> [--org-name <name>]

Creates an active user with a password, read from stdin (one line) or asked for on a terminal.
With --org-name, creates the organisation <slug> first when it does not exist (the first owner of a
new installation). Roles: ${ROLES.join(', ')}.`,
  'audit verify': `Usage: npm run chorus -- audit verify [--org <slug>]

Recomputes the hash chain of the audit log of every organisation (or one) and reports the first entry
that was changed, removed or reordered. Exits 1 when a chain is broken.`,
};

async function main(argv: string[]): Promise<number> {
  const [cmd, sub] = argv;
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (!cmd || cmd === 'help' || cmd.startsWith('-')) return print(HELP.main!);
  const key = cmd === 'user' || cmd === 'audit' ? `${cmd} ${sub ?? ''}` : cmd;
  if (cmd === 'check') {
    const { runCheckCommand } = await import('./cli/check-command.ts');
    return runCheckCommand(argv.slice(1));
  }
  if (!HELP[key]) {
    process.stderr.write(`chorus: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${HELP.main}\n`);
    return 2;
  }
  if (wantsHelp) return print(HELP[key]!);
  const rest = argv.slice(cmd === 'user' || cmd === 'audit' ? 2 : 1);

  const config = loadConfig();
  if (key === 'worker' && !config.databaseUrl) {
    process.stderr.write(
      'chorus worker needs DATABASE_URL (PostgreSQL): the embedded database belongs to `chorus serve`, which runs the workers itself.\n',
    );
    return 2;
  }
  const ctx = await createContext(config);
  try {
    switch (key) {
      case 'migrate': {
        const { applied } = await runMigrations(ctx.db);
        return print(applied ? `applied ${applied} migration(s)` : 'database is up to date');
      }
      case 'serve':
        return await serve(ctx);
      case 'worker':
        return await worker(ctx);
      case 'user create':
        return await userCreate(ctx, rest);
      case 'audit verify':
        return await auditVerify(ctx, rest);
    }
    return 2;
  } finally {
    if (key !== 'serve' && key !== 'worker') await ctx.close();
  }
}

async function serve(ctx: Context): Promise<number> {
  const { config, log } = ctx;
  const { applied } = await runMigrations(ctx.db);
  if (applied) log.info({ applied }, 'database migrated');
  let password: string | undefined;
  let seededOrgId: string | null = null;
  if (config.demo) {
    password = await demoPassword(config.dataDir, config.demoPassword);
    seededOrgId = await seedDemoIfEmpty(ctx, password);
    if (seededOrgId) log.info('demo organisation "Beispiel GmbH" created');
  }
  await ctx.events.start();
  await ctx.queue.start();
  // The demo posts are scheduled through the queue, so they come once it runs.
  if (seededOrgId) await seedDemoPosts(ctx, seededOrgId, DEMO_DOMAIN);
  if (config.workersInServe) await startWorkers(ctx);
  const app = await buildApp(ctx, { metricsToken: config.metricsToken });
  await app.listen({ host: config.host, port: config.port });
  const url = config.baseUrl;
  process.stdout.write(`\nChorus is running at ${url}  (API docs: ${url}/api/docs)\n`);
  if (password) {
    process.stdout.write(
      `Demo organisation "Beispiel GmbH": sign in as admin@${DEMO_DOMAIN} with password ${password}\n` +
        `  (every role has a user: ${DEMO_USERS.map((u) => `${u.local}@${DEMO_DOMAIN}`).join(', ')}; same password)\n\n`,
    );
  }
  onShutdown(async () => {
    await app.close();
    await ctx.close();
  });
  return -1;
}

async function worker(ctx: Context): Promise<number> {
  const pending = await migrationsPending(ctx.db);
  if (pending > 0) {
    process.stderr.write(
      `chorus worker: ${pending} migration(s) pending; run \`npm run chorus -- migrate\` first.\n`,
    );
    await ctx.close();
    return 2;
  }
  await ctx.events.start();
  await ctx.queue.start();
  await startWorkers(ctx);
  ctx.log.info('worker started');
  onShutdown(() => ctx.close());
  return -1;
}

async function userCreate(ctx: Context, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      'org-name': { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    },
  });
  const { org, email, name, role } = values;
  if (!org || !email || !name || !role) {
    process.stderr.write(
      `chorus user create: --org, --email, --name and --role are required\n\n${HELP['user create']}\n`,
    );
    return 2;
  }
  if (!isRole(role)) {
    process.stderr.write(`chorus user create: unknown role "${role}"; one of ${ROLES.join(', ')}\n`);
    return 2;
  }
  await runMigrations(ctx.db);
  const password = await readSecretLine('Password for the new user (at least 10 characters): ');
  if (password.length < 10) {
    process.stderr.write('chorus user create: the password must have at least 10 characters\n');
    return 2;
  }
  const created = await createUserWithPassword(ctx, {
    orgSlug: org,
    orgName: values['org-name'],
    email,
    name,
    role,
    password,
  });
  return print(`created user ${email} (${role}) in organisation ${org}: ${created.userId}`);
}

async function auditVerify(ctx: Context, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { org: { type: 'string' } } });
  const orgs = await ctx.db.select({ id: organisations.id, slug: organisations.slug }).from(organisations);
  const chosen = values.org ? orgs.filter((o) => o.slug === values.org) : orgs;
  if (values.org && chosen.length === 0) {
    process.stderr.write(`chorus audit verify: no organisation "${values.org}"\n`);
    return 2;
  }
  let broken = 0;
  for (const org of chosen) {
    const r = await verifyChain(ctx.db, org.id);
    if (r.ok) process.stdout.write(`${org.slug}: ok, ${r.checked} entries\n`);
    else {
      broken++;
      process.stdout.write(
        `${org.slug}: BROKEN at entry ${r.brokenAtSeq} (${r.reason}); ${r.checked} entries before it verified\n`,
      );
    }
  }
  return broken ? 1 : 0;
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

function onShutdown(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`received ${signal}, shutting down\n`);
    close()
      .then(() => process.exit(0))
      .catch((err: Error) => {
        process.stderr.write(`shutdown failed: ${err.message}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    // Start-up failures a person can fix get one clear line, not a stack trace.
    if (err instanceof ConfigError || err instanceof DatabaseUnreachableError) {
      process.stderr.write(`chorus: ${err.message}\n`);
    } else if (err instanceof DomainError) {
      process.stderr.write(`chorus: ${message(err.code, 'en', err.params).detail}\n`);
    } else {
      process.stderr.write(
        `chorus: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    }
    process.exitCode = 1;
  },
);
