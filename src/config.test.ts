import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('runs on the embedded database with the demo when DATABASE_URL is absent', () => {
    const c = loadConfig({ CHORUS_DATA_DIR: '/tmp/x' });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.demo).toBe(true);
    expect(c.workersInServe).toBe(true);
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.port).toBe(3000);
  });

  it('turns the demo off on PostgreSQL unless asked for', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db', CHORUS_DEMO: 'true' }).demo).toBe(true);
  });

  it('refuses to start in production without a secret key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' })).toThrow(
      /CHORUS_SECRET_KEY/,
    );
    expect(
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://h/db',
        CHORUS_SECRET_KEY: Buffer.alloc(32).toString('base64'),
      }).env,
    ).toBe('production');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/port/);
    expect(() => loadConfig({ CHORUS_DEMO: 'maybe' })).toThrow(/expected true or false, got "maybe"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/databaseUrl/);
  });
});
