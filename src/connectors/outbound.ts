import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AuthExpired, Transient } from './connector.ts';

/**
 * The SSRF rule for the URLs a person types when connecting a channel (a Mastodon instance, a Bluesky
 * service): the same rule identity's OpenID Connect client applies to an issuer — https, no user info,
 * plain http only to this machine — made stricter because these URLs are reached from the workers:
 * loopback and private-network addresses (cloud metadata at 169.254.169.254, the database on 10.x) are
 * refused outright unless the operator allows them, which tests and local development do.
 */

export interface OutboundPolicy {
  /** Allow loopback and private-network addresses, and plain http to them (tests, a local instance). */
  allowPrivateAddresses: boolean;
  /** Bound on every request: the connection, the answer and its body. */
  timeoutMs: number;
  /** Largest body read from an answer; MAX_RESPONSE_BYTES when not given. */
  maxResponseBytes?: number;
}

/** The service URL of a channel is not one Chorus may talk to; the channel must be reconnected. */
export class ServiceUrlNotAllowed extends AuthExpired {
  readonly url: string;
  constructor(url: string, why: string) {
    super(`the service URL ${url} is not allowed: ${why}`);
    this.name = 'ServiceUrlNotAllowed';
    this.url = url;
  }
}

// Two lists: Node matches an IPv4 address against IPv4-mapped IPv6 rules too, and ::ffff:0:0/96 would
// then cover every IPv4 address.
const privateV4 = new BlockList();
const privateV6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateV4.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  // IPv4-mapped and NAT64 addresses would smuggle any IPv4 address past the IPv4 rules.
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateV6.addSubnet(net, prefix, 'ipv6');
}

/** True for loopback, private, link-local, multicast and otherwise non-public addresses. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip);
  if (family === 4) return privateV4.check(ip, 'ipv4');
  if (family === 6) return privateV6.check(ip, 'ipv6');
  return false;
}

function isLocalName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost');
}

/** The rule for what a URL itself says: scheme, user info, literal and local addresses. */
function checkUrl(url: URL, policy: Pick<OutboundPolicy, 'allowPrivateAddresses'>): void {
  if (url.username || url.password) throw new ServiceUrlNotAllowed(url.origin, 'user info in the URL');
  const local = isLocalName(url.hostname) || isPrivateAddress(url.hostname);
  if (local && !policy.allowPrivateAddresses) {
    throw new ServiceUrlNotAllowed(url.origin, 'loopback and private-network addresses are refused');
  }
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && local) return;
  throw new ServiceUrlNotAllowed(url.origin, 'https:// required');
}

/**
 * Parses the service URL a person typed and applies the rule to what the URL itself says. Names are
 * checked again against what they resolve to before each connection (`checkHost`).
 */
export function parseServiceUrl(raw: string, policy: Pick<OutboundPolicy, 'allowPrivateAddresses'>): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ServiceUrlNotAllowed(raw, 'not a URL');
  }
  if (url.search || url.hash) throw new ServiceUrlNotAllowed(url.origin, 'query or fragment in the URL');
  checkUrl(url, policy);
  return url;
}

/** Resolves the host and refuses it when any of its addresses is private (unless the policy allows). */
export async function checkHost(url: URL, policy: OutboundPolicy): Promise<void> {
  checkUrl(url, policy);
  if (policy.allowPrivateAddresses || isIP(url.hostname.replace(/^\[|\]$/g, ''))) return;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(url.hostname, { all: true });
  } catch (err) {
    throw new Transient(`cannot resolve ${url.hostname}`, { cause: err });
  }
  if (addresses.some((a) => isPrivateAddress(a.address))) {
    throw new ServiceUrlNotAllowed(url.origin, `${url.hostname} resolves to a private address`);
  }
}

/** Bound on a network's answer: posts, sessions and notification pages are far smaller. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export class ResponseTooLarge extends Error {
  override name = 'ResponseTooLarge';
}

async function readBounded(res: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!res.body) return null;
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await res.body.cancel();
    throw new ResponseTooLarge(`response larger than ${limit} bytes`);
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ResponseTooLarge(`response larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * A fetch for a network's client library: every URL it asks for (the library may move on to another host,
 * as atproto does with the PDS named in a DID document) passes the rule, no redirect is followed, the
 * whole exchange is bounded in time and the body in size.
 */
export function guardedFetch(policy: OutboundPolicy): typeof globalThis.fetch {
  return async (input, init) => {
    const target = new URL(input instanceof Request ? input.url : input);
    await checkHost(target, policy);
    const signals = [AbortSignal.timeout(policy.timeoutMs)];
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : null);
    if (callerSignal) signals.push(callerSignal);
    const res = await fetch(input, { ...init, redirect: 'manual', signal: AbortSignal.any(signals) });
    const body = await readBounded(res, policy.maxResponseBytes ?? MAX_RESPONSE_BYTES);
    const headers = new Headers(res.headers);
    // The body is already decoded and complete; these would describe the original bytes.
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(NULL_BODY_STATUS.has(res.status) ? null : body, {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  };
}
