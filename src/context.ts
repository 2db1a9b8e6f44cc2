import type { Config } from './config.ts';
import type { BlueskySessionCache } from './connectors/bluesky/client.ts';
import type { Connector, Credentials, NetworkId } from './connectors/connector.ts';
import { createConnector } from './connectors/registry.ts';
import {
  createSandboxNetwork,
  type SandboxNetwork,
  type SandboxNetworkOptions,
  sandboxPublicUrl,
} from './connectors/sandbox/network.ts';
import { createSecretBox, loadOrCreateKeyFile, type SecretBox } from './platform/crypto.ts';
import { type Database, type Db, openDatabase } from './platform/db/client.ts';
import type { EventBus } from './platform/events/bus.ts';
import { createEventBus } from './platform/events/index.ts';
import { createPgBossQueue } from './platform/jobs/pg-boss-queue.ts';
import type { JobQueue } from './platform/jobs/queue.ts';
import { createLogger, type Logger } from './platform/log.ts';
import { createMailer, type Mailer } from './platform/mail.ts';
import { createMetrics, type Metrics } from './platform/metrics.ts';

/** Everything the modules need, built once (DESIGN convention 1); tests pass overrides. */
export interface Context {
  config: Config;
  log: Logger;
  database: Database;
  db: Db;
  queue: JobQueue;
  events: EventBus;
  mailer: Mailer;
  secrets: SecretBox;
  metrics: Metrics;
  /** The built-in sandbox network (demo, trials, tests, benchmarks), kept in the database. */
  sandbox: SandboxNetwork;
  /** Opens the connector of a channel's network with its credentials (connectors/registry.ts). */
  connectors: OpenConnector;
  /** Runs `fn` first when the context closes (background loops stop before the database goes). */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

export type OpenConnector = (orgId: string, network: NetworkId, credentials: Credentials) => Connector;

export interface ContextOverrides {
  database?: Database;
  log?: Logger;
  mailer?: Mailer;
  queue?: JobQueue;
  /** Wraps the connector factory (tests count or slow down calls). */
  connectors?: (open: OpenConnector) => OpenConnector;
  /** How the sandbox network behaves (tests: seeded failures, a short injected Retry-After). */
  sandbox?: Omit<SandboxNetworkOptions, 'publicUrl'>;
}

export async function createContext(config: Config, overrides: ContextOverrides = {}): Promise<Context> {
  const log = overrides.log ?? createLogger(config.logLevel);
  const database =
    overrides.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  // The embedded demo keeps a generated key beside its data; production must bring its own (config.ts).
  const key = config.secretKey ?? (await loadOrCreateKeyFile(config.dataDir));
  const secrets = createSecretBox([key]);
  const queue =
    overrides.queue ?? createPgBossQueue({ connection: database.connection, kind: database.kind, log });
  const events = createEventBus({
    kind: database.kind,
    connection: database.connection,
    pool: database.pool,
    log,
  });
  const mailer = overrides.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const metrics = createMetrics();
  const sandbox = createSandboxNetwork(database.db, {
    ...overrides.sandbox,
    publicUrl: sandboxPublicUrl(config.baseUrl),
  });
  const blueskySessions: BlueskySessionCache = new Map();
  const openConnector: OpenConnector = (orgId, network, credentials) =>
    createConnector(network, credentials, {
      sandbox,
      orgId,
      timeoutMs: config.networkTimeoutMs,
      allowPrivateAddresses: config.allowPrivateNetworks,
      blueskySessions,
    });
  const closers: Array<() => Promise<void> | void> = [];
  let closed = false;
  return {
    config,
    log,
    database,
    db: database.db,
    queue,
    events,
    mailer,
    secrets,
    metrics,
    sandbox,
    connectors: (overrides.connectors ?? ((o) => o))(openConnector),
    onClose(fn) {
      closers.push(fn);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const fn of closers.splice(0)) await fn();
      await queue.stop();
      await events.stop();
      mailer.close();
      if (!overrides.database) await database.close();
    },
  };
}
