import { isIP } from 'node:net';
import * as oidc from 'openid-client';
import { DomainError } from '../../platform/http/problem.ts';

/**
 * Everything about talking to an organisation's OpenID Connect provider: which issuer URLs are allowed,
 * how every request to the provider is bounded, and how the provider's failures become problems.
 * The provider is outside our control — an admin typed its URL — so its answers are treated as hostile.
 */

export const OIDC_TIMEOUT_SECONDS = 10;
/** Discovery documents, JWKS, token and userinfo answers are a few KiB; anything far larger is refused. */
export const OIDC_MAX_RESPONSE_BYTES = 256 * 1024;
export const OIDC_SCOPES = 'openid email profile';

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

/**
 * The SSRF rule for anything we fetch from a provider: https only. Plain http is allowed solely for a
 * provider on this machine's loopback address, which is what tests (and a developer's local Keycloak)
 * run on; nothing on the network is ever fetched without TLS.
 */
export function urlAllowed(url: URL): boolean {
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopback(url.hostname);
}

/** Parses the issuer an admin typed and applies the SSRF rule, as a field error they can act on. */
export function parseIssuer(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch (err) {
    throw issuerNotAllowed(err instanceof Error ? err.message : 'not a URL');
  }
  if (!urlAllowed(url) || url.search || url.hash) throw issuerNotAllowed(url.protocol);
  return url;
}

function issuerNotAllowed(reason: string): DomainError {
  return new DomainError(
    422,
    'sso_issuer_not_allowed',
    { reason },
    { fieldErrors: [{ path: 'issuer', message: 'https:// required (http:// only on loopback)' }] },
  );
}

class OidcRequestRefused extends Error {
  override name = 'OidcRequestRefused';
}

/** Reads at most `limit` bytes of a body; a longer one is cancelled, not buffered. */
async function readBounded(res: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!res.body) return null;
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await res.body.cancel();
    throw new OidcRequestRefused(`response larger than ${limit} bytes`);
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
      throw new OidcRequestRefused(`response larger than ${limit} bytes`);
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
 * Every request openid-client makes goes through this fetch: the same scheme rule for every endpoint
 * the discovery document names (a loopback issuer must not lead us to plain http elsewhere), no
 * redirects, a time-out of our own besides the library's, and a bounded, fully read body.
 */
export const boundedFetch: oidc.CustomFetch = async (url, options) => {
  const target = new URL(url);
  if (!urlAllowed(target)) throw new OidcRequestRefused(`request to ${target.origin} refused`);
  const timeout = AbortSignal.timeout(OIDC_TIMEOUT_SECONDS * 1000);
  const res = await fetch(target, {
    method: options.method,
    headers: options.headers,
    body: options.body as BodyInit | null | undefined,
    redirect: 'manual',
    signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
  });
  const body = await readBounded(res, OIDC_MAX_RESPONSE_BYTES);
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

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Fetches the provider's discovery document (no client needed): proves the issuer is what it claims. */
export async function discoverIssuer(issuer: URL): Promise<oidc.Configuration> {
  return oidc.discovery(issuer, 'chorus', undefined, oidc.None(), {
    [oidc.customFetch]: boundedFetch,
    timeout: OIDC_TIMEOUT_SECONDS,
    // Only reachable for loopback issuers: parseIssuer refused every other http:// URL, and boundedFetch
    // refuses plain http to any other host the discovery document may name.
    execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
  });
}

/** The client configuration for one organisation's provider, authenticating with its client secret. */
export async function providerClient(settings: ProviderSettings): Promise<oidc.Configuration> {
  const issuer = parseIssuer(settings.issuer);
  const discovered = await discoverIssuer(issuer);
  const metadata = discovered.serverMetadata();
  // client_secret_basic is the OpenID Connect default; use the form post only where that is all a provider offers.
  const methods = metadata.token_endpoint_auth_methods_supported;
  const auth =
    methods && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')
      ? oidc.ClientSecretPost(settings.clientSecret)
      : oidc.ClientSecretBasic(settings.clientSecret);
  const config = new oidc.Configuration(metadata, settings.clientId, undefined, auth);
  config[oidc.customFetch] = boundedFetch;
  config.timeout = OIDC_TIMEOUT_SECONDS;
  if (issuer.protocol === 'http:') oidc.allowInsecureRequests(config);
  return config;
}

/** A provider's error code goes into a message: keep it to the characters such codes are made of. */
function safeCode(value: unknown): string {
  return typeof value === 'string' && /^[\w.:-]{1,64}$/.test(value) ? value : 'unknown_error';
}

export type OidcFailure =
  /** Could not talk to the provider at all: network, DNS, TLS, time-out. */
  | { kind: 'unreachable'; reason: string }
  /** The provider answered, but not with what the protocol requires (or with something too large). */
  | { kind: 'invalid'; reason: string }
  /** The provider answered with an OAuth error (access_denied, invalid_grant, invalid_client …). */
  | { kind: 'refused'; error: string };

/**
 * Classifies what openid-client threw. Returns null for anything that is not the provider's doing (a
 * bug of ours), which must stay a 500.
 */
export function classifyOidcError(err: unknown): OidcFailure | null {
  if (err instanceof oidc.AuthorizationResponseError || err instanceof oidc.ResponseBodyError) {
    return { kind: 'refused', error: safeCode(err.error) };
  }
  if (err instanceof oidc.WWWAuthenticateChallengeError) {
    return { kind: 'refused', error: safeCode(err.cause[0]?.parameters.error) };
  }
  if (err instanceof oidc.ClientError) {
    if (err.cause instanceof OidcRequestRefused) return { kind: 'invalid', reason: err.cause.message };
    if (err.code === 'OAUTH_TIMEOUT' || err.code === 'OAUTH_ABORT') {
      return { kind: 'unreachable', reason: 'timed out' };
    }
    return { kind: 'invalid', reason: err.message };
  }
  if (err instanceof OidcRequestRefused) return { kind: 'invalid', reason: err.message };
  // fetch() rejects with a TypeError for network failures; openid-client passes those through as they are.
  if (err instanceof TypeError && err.message === 'fetch failed') {
    const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
    const reason = typeof cause?.code === 'string' ? cause.code : String(cause?.message ?? 'network error');
    return { kind: 'unreachable', reason };
  }
  if (err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return { kind: 'unreachable', reason: 'timed out' };
  }
  return null;
}
