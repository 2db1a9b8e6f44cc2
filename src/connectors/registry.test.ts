import { describe, expect, it } from 'vitest';
import { NETWORKS } from './connector.ts';
import { ServiceUrlNotAllowed } from './outbound.ts';
import { capabilitiesOf, createConnector } from './registry.ts';
import type { SandboxNetwork } from './sandbox/network.ts';

// The sandbox connector touches its network only when called; these checks never call it.
const deps = {
  sandbox: {} as SandboxNetwork,
  orgId: '00000000-0000-4000-8000-000000000000',
  timeoutMs: 1000,
};

describe('registry', () => {
  it('makes the connector of each network, reporting the static capabilities', () => {
    const credentials = {
      sandbox: { serviceUrl: '', identifier: 'sbx_token', secret: '' },
      mastodon: { serviceUrl: 'https://social.example', identifier: 'token', secret: '' },
      bluesky: { serviceUrl: 'https://bsky.social', identifier: 'brand.bsky.social', secret: 'app-pass' },
    };
    for (const network of NETWORKS) {
      const connector = createConnector(network, credentials[network], deps);
      expect(connector.network).toBe(network);
      expect(connector.capabilities).toEqual(capabilitiesOf(network));
    }
  });

  it('knows the composer-relevant limits without credentials', () => {
    expect(capabilitiesOf('mastodon')).toMatchObject({ maxChars: 500, counting: { urlLength: 23 } });
    expect(capabilitiesOf('bluesky')).toMatchObject({
      maxChars: 300,
      counting: { kind: 'graphemes-and-bytes', maxBytes: 3000 },
      directMessages: false,
    });
    expect(capabilitiesOf('sandbox').canLookUpByIdempotencyKey).toBe(true);
    expect(capabilitiesOf('mastodon').canLookUpByIdempotencyKey).toBe(false);
  });

  it('refuses loopback and private service URLs unless allowed', () => {
    for (const network of ['mastodon', 'bluesky'] as const) {
      for (const serviceUrl of [
        'http://127.0.0.1:3000',
        'https://10.0.0.5',
        'https://localhost',
        'http://[::1]:80',
      ]) {
        const credentials = { serviceUrl, identifier: 'x', secret: 'y' };
        expect(() => createConnector(network, credentials, deps), `${network} ${serviceUrl}`).toThrow(
          ServiceUrlNotAllowed,
        );
        expect(() =>
          createConnector(network, credentials, { ...deps, allowPrivateAddresses: true }),
        ).not.toThrow();
      }
    }
  });
});
