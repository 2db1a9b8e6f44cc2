import { type BlueskySessionCache, blueskyConnector } from './bluesky/client.ts';
import type { Connector, Credentials, NetworkId } from './connector.ts';
import { mastodonConnector } from './mastodon/client.ts';
import { sandboxConnector } from './sandbox/client.ts';
import type { SandboxNetwork } from './sandbox/network.ts';

export { capabilitiesOf } from './capabilities.ts';

export interface ConnectorDeps {
  /** The sandbox network (one per process, over the database); its connectors act in `orgId`'s sandbox. */
  sandbox: SandboxNetwork;
  orgId: string;
  /** Bound on every call to a network. */
  timeoutMs: number;
  /**
   * Let instance and service URLs point at loopback and private-network addresses (and plain http
   * there). Off in production: a URL a person typed must not reach the machine's own network. Tests and
   * local development against a Mastodon or PDS on this machine turn it on.
   */
  allowPrivateAddresses?: boolean;
  /** Bluesky sessions shared by the connectors of this process (see BlueskySessionCache). */
  blueskySessions?: BlueskySessionCache;
}

/**
 * The connector of a channel, from its network and stored credentials. Cheap to make — no request is
 * sent before the first call — so callers make one per job. Throws ServiceUrlNotAllowed (an
 * AuthExpired) at once when the service URL breaks the outbound rule.
 */
export function createConnector(
  network: NetworkId,
  credentials: Credentials,
  deps: ConnectorDeps,
): Connector {
  const policy = { allowPrivateAddresses: deps.allowPrivateAddresses ?? false, timeoutMs: deps.timeoutMs };
  switch (network) {
    case 'sandbox':
      return sandboxConnector(deps.sandbox, deps.orgId, credentials.identifier, {
        timeoutMs: deps.timeoutMs,
      });
    case 'mastodon':
      return mastodonConnector(credentials, policy);
    case 'bluesky':
      return blueskyConnector(credentials, {
        ...policy,
        ...(deps.blueskySessions ? { sessions: deps.blueskySessions } : {}),
      });
  }
}
