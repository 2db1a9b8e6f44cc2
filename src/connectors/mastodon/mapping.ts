import {
  MastoDeserializeError,
  MastoHttpError,
  MastoTimeoutError,
  MastoUnexpectedError,
  type mastodon,
} from 'masto';
import {
  type Account,
  AuthExpired,
  ConnectorError,
  type FoundPost,
  type InboundItem,
  type NetworkSearchQuery,
  type PostMetrics,
  type PublishedPost,
  RateLimited,
  Rejected,
  Transient,
} from '../connector.ts';

/** Mastodon's entities and failures in the connector's terms. */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      // Surrogates, NUL and out-of-range code points are not characters a post can carry.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? all;
  });
}

/**
 * A status's HTML (from any instance: hostile) as plain text: paragraphs become blank lines, <br> line
 * breaks; script and style content is dropped with its element; every other tag is removed, and only then
 * are entities decoded, so nothing decoded can turn into markup here. The result is text, to be escaped
 * wherever it is shown.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p\s*>\s*<p\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>?/g, '');
  return decodeEntities(text).trim();
}

export function toAccount(account: mastodon.v1.Account): Account {
  let host = '';
  try {
    host = new URL(account.url).host;
  } catch {
    // An account without a parseable URL keeps the short handle; nothing else depends on the host.
  }
  const handle = account.acct.includes('@') || host === '' ? account.acct : `${account.acct}@${host}`;
  return {
    id: account.id,
    handle,
    displayName: account.displayName || account.username,
    url: account.url,
    tokenExpiresAt: null,
  };
}

export function toPublished(status: mastodon.v1.Status): PublishedPost {
  return { id: status.id, url: status.url ?? status.uri, publishedAt: new Date(status.createdAt) };
}

export function toMetrics(status: mastodon.v1.Status): PostMetrics {
  return {
    likes: status.favouritesCount,
    reposts: status.reblogsCount,
    replies: status.repliesCount,
    impressions: null,
  };
}

/** A mention notification as an inbound item; other notification types are not inbox items. */
export function toInboundItem(notification: mastodon.v1.Notification): InboundItem | null {
  if (notification.type !== 'mention' || !notification.status) return null;
  const status = notification.status;
  const kind = status.visibility === 'direct' ? 'direct_message' : status.inReplyToId ? 'reply' : 'mention';
  return {
    // The status, not the notification: it is what an answer replies to.
    id: status.id,
    kind,
    author: {
      id: status.account.id,
      handle: status.account.acct,
      displayName: status.account.displayName || status.account.username,
    },
    text: htmlToText(status.content),
    createdAt: new Date(status.createdAt),
    url: status.url ?? status.uri,
    inReplyToId: status.inReplyToId ?? null,
  };
}

export function toFoundPost(status: mastodon.v1.Status): FoundPost {
  return {
    id: status.id,
    author: {
      id: status.account.id,
      handle: status.account.acct,
      displayName: status.account.displayName || status.account.username,
    },
    text: htmlToText(status.content),
    createdAt: new Date(status.createdAt),
    url: status.url ?? status.uri,
    language: status.language ?? null,
  };
}

/** A term as Mastodon's search reads it: phrases quoted (inner quotes dropped), nothing else special. */
const quote = (s: string) => `"${s.replaceAll('"', ' ').trim()}"`;

/**
 * Where Mastodon finds the query: a query of hashtags only reads the first tag's timeline (every public
 * post with it, indexed or not); anything else goes to full-text search (`/api/v2/search`, statuses),
 * with Mastodon's operators `from:` and `language:`. Words with spaces or colons are quoted, so a term a
 * person typed cannot become an operator.
 */
export function mastodonSearchPlan(
  query: NetworkSearchQuery,
): { kind: 'tag'; tag: string } | { kind: 'search'; q: string } {
  if (
    query.hashtags.length > 0 &&
    query.words.length === 0 &&
    query.phrases.length === 0 &&
    query.accounts.length === 0
  ) {
    return { kind: 'tag', tag: query.hashtags[0]! };
  }
  const parts = [
    ...query.words.map((w) => (/^[\p{L}\p{N}_'-]+$/u.test(w) ? w : quote(w))),
    ...query.phrases.map(quote),
    ...query.hashtags.map((h) => `#${h}`),
    ...query.accounts.map((a) => `from:${a.replace(/^@/, '')}`),
    ...(query.language ? [`language:${query.language}`] : []),
  ];
  return { kind: 'search', q: parts.join(' ') };
}

/** Mastodon ids are decimal numbers too large for a double: compare them as such. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Seconds to wait, from Retry-After (seconds or an HTTP date) or else X-RateLimit-Reset (a date). */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number {
  const retryAfter = headers?.get('retry-after');
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter.trim())) return Math.max(1, Number(retryAfter));
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - now) / 1000));
  }
  const reset = headers?.get('x-ratelimit-reset');
  if (reset) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(1, Math.ceil((at - now) / 1000));
  }
  // Mastodon's limits run in 5-minute windows; without a hint, wait for a good part of one.
  return 60;
}

function responseOf(err: MastoHttpError): Response | undefined {
  return err.cause instanceof Response ? err.cause : undefined;
}

/**
 * Every failure of a call to Mastodon, mapped once: 401/403 → AuthExpired, 404/410/413/422 and other
 * client errors → Rejected (with Mastodon's own words), 429 → RateLimited, 5xx, time-outs, broken
 * connections and garbled answers → Transient. Anything else is a bug of ours and stays as it is.
 */
export function toConnectorError(err: unknown): unknown {
  if (err instanceof ConnectorError) return err;
  if (err instanceof MastoHttpError) {
    const message = err.message || `HTTP ${err.statusCode}`;
    const status = err.statusCode;
    if (status === 401 || status === 403) return new AuthExpired(message);
    if (status === 429) return new RateLimited(retryAfterSeconds(responseOf(err)?.headers), message);
    if (status === 408 || status >= 500)
      return new Transient(`Mastodon answered ${status}: ${message}`, { cause: err });
    if (status >= 300 && status < 400) {
      return new Rejected(`the instance redirects (HTTP ${status}); check the instance URL`);
    }
    if (status === 413) return new Rejected('the upload is larger than the instance accepts');
    return new Rejected(message);
  }
  if (err instanceof MastoTimeoutError)
    return new Transient(`Mastodon did not answer in time: ${err.message}`, { cause: err });
  if (err instanceof MastoUnexpectedError || err instanceof MastoDeserializeError) {
    return new Transient(`Mastodon's answer could not be read: ${err.message}`, { cause: err });
  }
  // fetch() rejects with a TypeError when the connection fails or breaks, and with an abort on our time-out.
  if (err instanceof TypeError && err.message === 'fetch failed') {
    const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
    const why = typeof cause?.code === 'string' ? cause.code : String(cause?.message ?? 'network error');
    return new Transient(`cannot reach the instance: ${why}`, { cause: err });
  }
  if (err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return new Transient('Mastodon did not answer in time', { cause: err });
  }
  return err;
}
