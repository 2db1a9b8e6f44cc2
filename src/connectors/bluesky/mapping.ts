import { createHash } from 'node:crypto';
import {
  type AppBskyFeedDefs,
  type AppBskyNotificationListNotifications,
  AtUri,
  XRPCError,
} from '@atproto/api';
import {
  AuthExpired,
  ConnectorError,
  type FoundPost,
  type InboundItem,
  type InboundKind,
  type NetworkSearchQuery,
  type PostMetrics,
  RateLimited,
  Rejected,
  Transient,
} from '../connector.ts';

/** Bluesky's records, views and failures in the connector's terms. */

export const POST_COLLECTION = 'app.bsky.feed.post';

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
/** 2023-01-01T00:00:00Z in microseconds: derived record keys fall into the year after it. */
const TID_EPOCH_US = 1_672_531_200_000_000n;

/**
 * The record key of the post with this idempotency key: a valid TID (13 base32-sortable characters,
 * 53-bit microsecond timestamp and 10-bit clock id), derived from a SHA-256 of the key. The same key
 * always names the same record, so a second attempt cannot create a second post (the repository has one
 * record per key) and a look-up finds the first. The timestamp lies in 2023 — never ahead of the clock,
 * where it would sort above every later post of the account; 55 bits keep two keys from meeting.
 */
export function rkeyFromIdempotencyKey(key: string): string {
  const digest = createHash('sha256').update(`chorus-post:${key}`, 'utf8').digest();
  const h = digest.readBigUInt64BE(0);
  const micros = TID_EPOCH_US + (h >> 19n);
  const clockId = h & 0x3ffn;
  let value = (micros << 10n) | clockId;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = S32[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

export function postUri(did: string, rkey: string): string {
  return `at://${did}/${POST_COLLECTION}/${rkey}`;
}

/** The post's AT URI, or null when the id is not one of a post. */
export function parsePostUri(id: string): AtUri | null {
  try {
    const uri = new AtUri(id);
    return uri.collection === POST_COLLECTION && uri.rkey ? uri : null;
  } catch {
    // Not an AT URI: some other network's id, or garbage from a person.
    return null;
  }
}

/** Where people open the post: the Bluesky web app names posts by author and record key. */
export function webUrl(author: string, rkey: string): string {
  return `https://bsky.app/profile/${author}/post/${rkey}`;
}

export function toMetrics(view: AppBskyFeedDefs.PostView): PostMetrics {
  return {
    likes: view.likeCount ?? 0,
    reposts: view.repostCount ?? 0,
    replies: view.replyCount ?? 0,
    impressions: null,
  };
}

export const INBOUND_REASONS = ['mention', 'reply', 'quote'] as const;

const KIND_OF: Record<(typeof INBOUND_REASONS)[number], InboundKind> = {
  mention: 'mention',
  reply: 'reply',
  quote: 'mention',
};

/** The inbound cursor orders notifications by (indexedAt, uri): a total order the AppView's pages follow. */
export function notificationKey(
  n: Pick<AppBskyNotificationListNotifications.Notification, 'indexedAt' | 'uri'>,
): string {
  return `${new Date(n.indexedAt).toISOString()} ${n.uri}`;
}

export function toInboundItem(n: AppBskyNotificationListNotifications.Notification): InboundItem | null {
  const kind = KIND_OF[n.reason as (typeof INBOUND_REASONS)[number]];
  if (!kind) return null;
  const record = n.record as { text?: unknown; createdAt?: unknown; reply?: { parent?: { uri?: unknown } } };
  const uri = parsePostUri(n.uri);
  const created = typeof record.createdAt === 'string' ? new Date(record.createdAt) : new Date(n.indexedAt);
  const parent = record.reply?.parent?.uri;
  return {
    id: n.uri,
    kind,
    author: {
      id: n.author.did,
      handle: n.author.handle,
      displayName: n.author.displayName || n.author.handle,
    },
    text: typeof record.text === 'string' ? record.text : '',
    createdAt: Number.isNaN(created.getTime()) ? new Date(n.indexedAt) : created,
    url: uri ? webUrl(n.author.handle, uri.rkey) : n.uri,
    inReplyToId: typeof parent === 'string' ? parent : null,
  };
}

/** The search cursor orders posts as the AppView's `sort=latest` pages do: by (indexedAt, uri). */
export function postKey(view: Pick<AppBskyFeedDefs.PostView, 'indexedAt' | 'uri'>): string {
  return `${new Date(view.indexedAt).toISOString()} ${view.uri}`;
}

/**
 * The query in Bluesky's search syntax (`app.bsky.feed.searchPosts`, Lucene-like): words, quoted phrases,
 * `#tag`, `from:handle`; the language goes in the `lang` parameter. Quotes inside a term are dropped, so a
 * term cannot close its phrase and become an operator.
 */
export function blueskySearchQ(query: NetworkSearchQuery): string {
  const quote = (s: string) => `"${s.replaceAll('"', ' ').trim()}"`;
  return [
    ...query.words.map((w) => (/^[\p{L}\p{N}_'-]+$/u.test(w) ? w : quote(w))),
    ...query.phrases.map(quote),
    ...query.hashtags.map((h) => `#${h}`),
    ...query.accounts.map((a) => `from:${a.replace(/^@/, '')}`),
  ].join(' ');
}

export function toFoundPost(view: AppBskyFeedDefs.PostView): FoundPost {
  const record = view.record as { text?: unknown; createdAt?: unknown; langs?: unknown };
  const created =
    typeof record.createdAt === 'string' ? new Date(record.createdAt) : new Date(view.indexedAt);
  const uri = parsePostUri(view.uri);
  const langs = Array.isArray(record.langs) ? record.langs.filter((l) => typeof l === 'string') : [];
  return {
    id: view.uri,
    author: {
      id: view.author.did,
      handle: view.author.handle,
      displayName: view.author.displayName || view.author.handle,
    },
    text: typeof record.text === 'string' ? record.text : '',
    createdAt: Number.isNaN(created.getTime()) ? new Date(view.indexedAt) : created,
    url: uri ? webUrl(view.author.handle, uri.rkey) : view.uri,
    language: langs[0] ?? null,
  };
}

const AUTH_ERRORS = new Set([
  'AuthenticationRequired',
  'AuthMissing',
  'ExpiredToken',
  'InvalidToken',
  'AccountTakedown',
  'AccountDeactivated',
]);

function header(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Seconds to wait, from Retry-After or else RateLimit-Reset (epoch seconds). */
export function retryAfterSeconds(
  headers: Record<string, string | undefined> | undefined,
  now = Date.now(),
): number {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) return Math.max(1, Number(retryAfter));
  const reset = header(headers, 'ratelimit-reset');
  if (reset && /^\d+$/.test(reset.trim())) return Math.max(1, Math.ceil(Number(reset) - now / 1000));
  return 60;
}

/**
 * Every failure of a call to a PDS, mapped once: refused or expired sessions → AuthExpired,
 * 429 → RateLimited, invalid requests and records → Rejected with the service's message, 5xx, network
 * failures, time-outs and unreadable answers → Transient. What our own guarded fetch refused travels
 * inside the XRPC error as its cause and comes out as it was.
 */
export function toConnectorError(err: unknown): unknown {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (e instanceof ConnectorError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  if (err instanceof XRPCError) {
    const status = err.status as number;
    const message = err.message || err.error;
    if (status === 401 || status === 403 || AUTH_ERRORS.has(err.error)) return new AuthExpired(message);
    if (status === 429 || err.error === 'RateLimitExceeded') {
      return new RateLimited(retryAfterSeconds(err.headers), message);
    }
    // 1 and 2 are XRPC's "Unknown" (no answer: network, time-out) and "InvalidResponse" (unreadable answer).
    if (status >= 500 || status < 100)
      return new Transient(`the Bluesky service failed: ${message}`, { cause: err });
    return new Rejected(message);
  }
  if (err instanceof TypeError && err.message === 'fetch failed') {
    return new Transient('cannot reach the Bluesky service', { cause: err });
  }
  if (err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return new Transient('the Bluesky service did not answer in time', { cause: err });
  }
  return err;
}

/** True when the PDS says there is no such record (getRecord answers 400 RecordNotFound). */
export function isRecordNotFound(err: unknown): boolean {
  return err instanceof XRPCError && (err.error === 'RecordNotFound' || (err.status as number) === 404);
}
