import { SANDBOX_CAPABILITIES } from '../capabilities.ts';
import { type Connector, RateLimited, Transient } from '../connector.ts';
import {
  parseCursor,
  parseSearchCursor,
  toAccount,
  toFoundPost,
  toInboundItem,
  toPublished,
} from './mapping.ts';
import type { SandboxAccount, SandboxNetwork } from './network.ts';

export interface SandboxConnectorOptions {
  /** The longest the connector waits for an answer; a slower account's calls fail with Transient. */
  timeoutMs: number;
}

export const DEFAULT_SANDBOX_TIMEOUT_MS = 10_000;

/**
 * A channel on the sandbox network, identified by an account's access token. Every call goes the way a
 * call to a real network does: authenticate, wait the account's latency, pass its rate limit, maybe
 * fail as its settings say — and only then do the work.
 */
export function sandboxConnector(
  network: SandboxNetwork,
  orgId: string,
  token: string,
  options: SandboxConnectorOptions = { timeoutMs: DEFAULT_SANDBOX_TIMEOUT_MS },
): Connector {
  const { api } = network;
  const { timeoutMs } = options;

  async function call<T>(op: (account: SandboxAccount) => Promise<T>): Promise<T> {
    const account = await api.authenticate(orgId, token);
    const latency = account.settings.latencyMs;
    if (latency >= timeoutMs) {
      await api.sleep(timeoutMs);
      throw new Transient(`the sandbox did not answer within ${timeoutMs} ms`);
    }
    if (latency > 0) await api.sleep(latency);
    const failure = await api.admit(account);
    if (failure === 'rate_limit') {
      throw new RateLimited(api.injectedRetryAfterSeconds, 'the sandbox answered 429 (simulated)');
    }
    if (failure === 'server_error') throw new Transient('the sandbox answered 500 (simulated)');
    if (failure === 'timeout') {
      await api.sleep(timeoutMs - latency);
      throw new Transient(`the sandbox did not answer within ${timeoutMs} ms (simulated)`);
    }
    const result = await op(account);
    if (failure === 'lost_response') {
      throw new Transient('the connection broke before the answer arrived (simulated; the call took effect)');
    }
    return result;
  }

  return {
    network: 'sandbox',
    capabilities: SANDBOX_CAPABILITIES,
    verify: () => call(async (account) => toAccount(account, api.accountUrl(account.handle))),
    publish: (req) => call(async (account) => toPublished(await api.publish(account, req))),
    delete: (postId) => call((account) => api.deletePost(account, postId)),
    fetchMetrics: (postId) => call((account) => api.metrics(account, postId)),
    fetchInbound: (since, limit) =>
      call(async (account) => {
        const page = await api.inbound(account, parseCursor(since), Math.min(Math.max(1, limit), 200));
        return { items: page.items.map(toInboundItem), cursor: String(page.cursor) };
      }),
    findByIdempotencyKey: (key) =>
      call(async (account) => {
        const post = await api.findByIdempotencyKey(account, key);
        return post ? toPublished(post) : null;
      }),
    search: (query, since, limit) =>
      call(async (account) => {
        const page = await api.search(
          account.orgId,
          query,
          parseSearchCursor(since),
          Math.min(Math.max(1, limit), 200),
        );
        return { items: page.posts.map(toFoundPost), cursor: String(page.cursor) };
      }),
  };
}
