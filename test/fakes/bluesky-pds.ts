import { AtpAgent } from '@atproto/api';
import { TestNetworkNoAppView } from '@atproto/dev-env';
import { ensureNativeSqlite } from './prepare-native.ts';

/**
 * A real Bluesky PDS (with its PLC directory) on localhost, from @atproto/dev-env: accounts, app
 * passwords, records, blobs and rate limits behave as on bsky.social's PDSes. It runs without an
 * AppView (which needs PostgreSQL and Redis), so what only an AppView answers — post views with their
 * counts, notifications — is not available here: the PDS proxies those calls to an unreachable host.
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
  network: TestNetworkNoAppView;
  /** An account `<name>.test` with an app password. */
  createAccount(name: string): Promise<TestBlueskyAccount>;
  /** An agent logged in as the account (with its account password), for what others do on the network. */
  agentFor(account: TestBlueskyAccount): Promise<AtpAgent>;
  close(): Promise<void>;
}

export async function startTestBluesky(opts: { rateLimits?: boolean } = {}): Promise<TestBluesky> {
  ensureNativeSqlite();
  const network = await TestNetworkNoAppView.create({
    pds: { rateLimitsEnabled: opts.rateLimits ?? false },
  });
  const url = network.pds.url;
  return {
    url,
    network,
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
    close: () => network.close(),
  };
}
