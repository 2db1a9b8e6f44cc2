/**
 * The one interface every social network sits behind (DESIGN convention 5): a few required operations,
 * capability flags instead of optional members, and typed errors mapped once in each connector's client.
 * Connectors are pure libraries: they never import a module; what they need (HTTP, the database for the
 * sandbox) is handed to their factory.
 */

/** How a network counts the length of a text. */
export type CharCounting =
  /**
   * Unicode grapheme clusters; a URL counts as `urlLength` characters however long it is, and with
   * `localMentions` a mention of a remote account (`@user@domain`) counts as `@user` only (Mastodon).
   */
  | { kind: 'graphemes'; urlLength?: number; localMentions?: boolean }
  /** Grapheme clusters, and additionally a limit on UTF-8 bytes (Bluesky: 300 graphemes, 3000 bytes). */
  | { kind: 'graphemes-and-bytes'; maxBytes: number };

export interface MediaCapability {
  /** MIME types the network accepts, e.g. image/png. */
  mimeTypes: readonly string[];
  maxBytes: number;
  maxCount: number;
  /** The longest alt text the network stores (graphemes). */
  maxAltTextChars: number;
}

export interface Capabilities {
  maxChars: number;
  counting: CharCounting;
  media: MediaCapability;
  /** Replies to the channel's own posts form a thread. */
  supportsThreads: boolean;
  directMessages: boolean;
  /** `findByIdempotencyKey` can tell whether a post with a given key went out (reconciliation after a crash). */
  canLookUpByIdempotencyKey: boolean;
  /**
   * For how long the network itself refuses a second post with the same idempotency key (Mastodon keeps
   * Idempotency-Key for an hour); 0 when it does not. Within that window a retry after an unclear failure
   * is safe; beyond it, and without a look-up, a person must decide.
   */
  idempotencyWindowSeconds: number;
  /** Which metrics `fetchMetrics` fills in; others stay null. */
  metrics: readonly MetricName[];
  /** `search` finds public posts of the whole network (listening); false: it throws Rejected. */
  search: boolean;
}

export type MetricName = 'likes' | 'reposts' | 'replies' | 'impressions';

/** Credentials as the channel stores them (sealed at rest by the channels module). */
export interface Credentials {
  /** Base URL of the instance or service (Mastodon instance, Bluesky PDS); empty for the sandbox. */
  serviceUrl: string;
  /** Access token (Mastodon, sandbox) or handle/identifier (Bluesky). */
  identifier: string;
  /** App password (Bluesky); empty where the token alone suffices. */
  secret: string;
}

export interface Account {
  /** The network's stable id of the account (DID, account id). */
  id: string;
  handle: string;
  displayName: string;
  url: string;
  /** When the token stops working, where the network says so. */
  tokenExpiresAt: Date | null;
}

export interface MediaUpload {
  data: Uint8Array;
  mimeType: string;
  altText: string;
  filename: string;
}

export interface PublishRequest {
  text: string;
  media: readonly MediaUpload[];
  /** The network's id of the post this one answers (a reply or a thread continuation). */
  replyToId: string | null;
  /**
   * Unique per attempt-group of one post on one channel; the same key is sent again on a retry so that the
   * network (where it supports it) refuses a second copy.
   */
  idempotencyKey: string;
}

export interface PublishedPost {
  /** The network's id of the new post. */
  id: string;
  url: string;
  publishedAt: Date;
}

export interface PostMetrics {
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  impressions: number | null;
}

export type InboundKind = 'mention' | 'reply' | 'comment' | 'direct_message';

export interface InboundItem {
  /** The network's id, unique within the channel. */
  id: string;
  kind: InboundKind;
  author: { id: string; handle: string; displayName: string };
  text: string;
  createdAt: Date;
  url: string;
  /** The network's id of the post this item answers, if any. */
  inReplyToId: string | null;
}

export interface InboundPage {
  /** Oldest first. */
  items: InboundItem[];
  /** Pass back as `since` to get only what came after this page. */
  cursor: string | null;
}

/**
 * One conjunction of positive terms, as listening asks a network for public posts: every word, phrase,
 * hashtag and account must hold. Boolean logic beyond that (OR, NOT, parentheses) stays with the caller,
 * which runs one query per OR-branch and checks every result again itself — networks' search is fuzzy.
 */
export interface NetworkSearchQuery {
  /** Single words, without quotes. */
  words: readonly string[];
  /** Word sequences, searched as phrases where the network can. */
  phrases: readonly string[];
  /** Without the leading #. */
  hashtags: readonly string[];
  /** Authors (handles without the leading @). */
  accounts: readonly string[];
  /** Only posts in this language, where the network knows it. */
  language: string | null;
}

/** A public post a network's search found. */
export interface FoundPost {
  /** The network's id. */
  id: string;
  author: { id: string; handle: string; displayName: string };
  text: string;
  createdAt: Date;
  url: string;
  /** The language the network tagged the post with (BCP 47), if any. */
  language: string | null;
}

export interface SearchPage {
  /** Oldest first. */
  items: FoundPost[];
  /** Pass back as `since` to get only posts found after this page. */
  cursor: string | null;
}

export interface Connector {
  readonly network: NetworkId;
  readonly capabilities: Capabilities;
  /** Checks the credentials and tells whose account they open. Throws AuthExpired when they do not. */
  verify(): Promise<Account>;
  publish(req: PublishRequest): Promise<PublishedPost>;
  /** Deleting a post that is already gone succeeds. */
  delete(postId: string): Promise<void>;
  fetchMetrics(postId: string): Promise<PostMetrics>;
  fetchInbound(since: string | null, limit: number): Promise<InboundPage>;
  /**
   * After a crash between "sending" and the answer: did a post with this key go out? Only meaningful when
   * `capabilities.canLookUpByIdempotencyKey`; others return `'unknown'`.
   */
  findByIdempotencyKey(key: string): Promise<PublishedPost | null | 'unknown'>;
  /**
   * Public posts matching the query, newer than the cursor `since` (null: the newest `limit`), oldest
   * first. Throws Rejected where `capabilities.search` is false.
   */
  search(query: NetworkSearchQuery, since: string | null, limit: number): Promise<SearchPage>;
}

export const NETWORKS = ['sandbox', 'mastodon', 'bluesky'] as const;
export type NetworkId = (typeof NETWORKS)[number];

// ── Typed errors ─────────────────────────────────────────────────────────────────────────────────────
// Each client maps its network's failures to exactly one of these; the publisher decides from the class
// alone whether to retry (RateLimited, Transient) or to stop and tell a person (AuthExpired, Rejected).

export abstract class ConnectorError extends Error {
  abstract readonly retryable: boolean;
}

export class RateLimited extends ConnectorError {
  readonly retryable = true;
  /** Seconds the network asks us to wait. */
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, message = `rate limited; retry after ${retryAfterSeconds} s`) {
    super(message);
    this.name = 'RateLimited';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class AuthExpired extends ConnectorError {
  readonly retryable = false;
  constructor(message = 'the access token was refused') {
    super(message);
    this.name = 'AuthExpired';
  }
}

export class Rejected extends ConnectorError {
  readonly retryable = false;
  /** The network's own words, for the person who must fix the post. */
  readonly reason: string;
  constructor(reason: string) {
    super(`rejected: ${reason}`);
    this.name = 'Rejected';
    this.reason = reason;
  }
}

export class Transient extends ConnectorError {
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Transient';
  }
}
