import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Everything else receives a typed Config.
 * Each variable is listed in README.md's configuration table; keep the two in step.
 */
export const configSchema = z.object({
  env: z.enum(['development', 'production', 'test']),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  /** Public URL people reach Chorus at; used in links in e-mails. */
  baseUrl: z.url(),
  /** PostgreSQL connection string; when absent Chorus runs on the embedded PGlite database. */
  databaseUrl: z.string().startsWith('postgres').optional(),
  dataDir: z.string().min(1),
  /** 32-byte key, base64, for the secret box. Required in production; generated for the embedded demo. */
  secretKey: z.string().optional(),
  /** Seed the demo organisation on an empty database. */
  demo: z.boolean(),
  /** Password of the demo users; generated and kept in the data directory when not given. */
  demoPassword: z.string().min(8).optional(),
  /** Bearer token that /metrics requires; open when unset (keep it on an internal network then). */
  metricsToken: z.string().min(16).optional(),
  /** Run the job workers inside `serve` (always true on the embedded database: one process owns it). */
  workersInServe: z.boolean(),
  smtpUrl: z.string().optional(),
  mailFrom: z.string().min(3),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  sessionTtlHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  /** How long a resolved session or token is reused before the database is asked again. */
  authCacheMs: z.coerce.number().int().min(0).max(60_000),
  /** Sign-in attempts (and other credential checks) per client address per minute. */
  signInLimitPerMinute: z.coerce.number().int().min(1).max(100_000),
  /** Trust X-Forwarded-* headers (set when behind a reverse proxy). */
  trustProxy: z.boolean(),
  /**
   * A send that has not finished after this long was interrupted (a crash); the reconciler then settles it.
   * Must exceed networkTimeoutMs, or a slow but living send would be settled twice.
   */
  publishLeaseSeconds: z.coerce.number().int().min(2).max(3600),
  /**
   * The first wait before sending again after an unclear answer (5xx, time-out, dropped connection); it
   * doubles with each attempt, up to ten minutes. A network's Retry-After always wins over it.
   */
  publishRetrySeconds: z.coerce.number().min(0.1).max(600),
  /**
   * Let channel service URLs (a Mastodon instance, a Bluesky PDS) point at loopback and private addresses.
   * Off in production: a URL someone types must not reach the machine's own network.
   */
  allowPrivateNetworks: z.boolean(),
  /** How long one call to a social network may take. */
  networkTimeoutMs: z.coerce.number().int().min(500).max(120_000),
  /** Directory with the built web app; served on the same port as the API. */
  webDir: z.string(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

const bool = (v: string | undefined, dflt: boolean): boolean => {
  if (v === undefined || v === '') return dflt;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  throw new ConfigError(`expected true or false, got "${v}"`);
};

const projectRoot = path.resolve(import.meta.dirname, '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development';
  const port = env.PORT ?? '3000';
  const host = env.HOST ?? '127.0.0.1';
  const databaseUrl = env.DATABASE_URL || undefined;
  const raw = {
    env: nodeEnv,
    host,
    port,
    baseUrl: env.CHORUS_BASE_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    databaseUrl,
    dataDir: path.resolve(env.CHORUS_DATA_DIR ?? path.join(projectRoot, 'data')),
    secretKey: env.CHORUS_SECRET_KEY || undefined,
    demo: bool(env.CHORUS_DEMO, databaseUrl === undefined),
    demoPassword: env.CHORUS_DEMO_PASSWORD || undefined,
    metricsToken: env.CHORUS_METRICS_TOKEN || undefined,
    workersInServe: databaseUrl === undefined ? true : bool(env.CHORUS_WORKERS_IN_SERVE, true),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Chorus <chorus@localhost>',
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    sessionTtlHours: env.CHORUS_SESSION_TTL_HOURS ?? '168',
    authCacheMs: env.CHORUS_AUTH_CACHE_MS ?? '10000',
    signInLimitPerMinute: env.CHORUS_SIGN_IN_LIMIT_PER_MINUTE ?? '20',
    publishLeaseSeconds: env.CHORUS_PUBLISH_LEASE_SECONDS ?? '120',
    publishRetrySeconds: env.CHORUS_PUBLISH_RETRY_SECONDS ?? '5',
    networkTimeoutMs: env.CHORUS_NETWORK_TIMEOUT_MS ?? '30000',
    allowPrivateNetworks: bool(env.CHORUS_ALLOW_PRIVATE_NETWORKS, false),
    trustProxy: bool(env.CHORUS_TRUST_PROXY, false),
    webDir: path.resolve(env.CHORUS_WEB_DIR ?? path.join(projectRoot, 'dist', 'web')),
    ...overrides,
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.env === 'production' && !config.secretKey) {
    throw new ConfigError(
      'CHORUS_SECRET_KEY is required in production (32 random bytes, base64): generate one with `openssl rand -base64 32`.',
    );
  }
  if (config.publishLeaseSeconds * 1000 <= config.networkTimeoutMs) {
    throw new ConfigError(
      'CHORUS_PUBLISH_LEASE_SECONDS must be longer than CHORUS_NETWORK_TIMEOUT_MS, or a slow send could be settled twice.',
    );
  }
  return config;
}
