import type { SandboxMedia } from '../../platform/db/schema/sandbox.ts';
import type { NetworkSearchQuery, PostMetrics, PublishRequest } from '../connector.ts';
import type { FailureKind } from './faults.ts';

/** The sandbox network's public shapes: its service API (tests, demo) and the API its connector calls. */

export interface SandboxSettings {
  /** Every call of the connector waits this long before it is answered. */
  latencyMs: number;
  /** Calls per minute (a token bucket of this size); null: unlimited. */
  rateLimitPerMinute: number | null;
  /** Share of calls (0..1) that fail, with one of `failureKinds` chosen at random. */
  failureRate: number;
  failureKinds: FailureKind[];
}

export interface SandboxAccount {
  id: string;
  orgId: string;
  handle: string;
  displayName: string;
  /** A simulated member of the audience (created by `engage`), not an account a channel connects to. */
  audience: boolean;
  settings: SandboxSettings;
  createdAt: Date;
}

export interface SandboxPost {
  id: string;
  /** Order of arrival within the whole sandbox: the inbound cursor. */
  seq: number;
  orgId: string;
  accountId: string;
  handle: string;
  displayName: string;
  text: string;
  media: SandboxMedia[];
  replyToId: string | null;
  directToAccountId: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  url: string;
}

export interface Engagement {
  likes?: number;
  reposts?: number;
  replies?: number;
  impressions?: number;
}

/** A post that reached an account: a mention, a reply to one of its posts, or a direct message. */
export interface SandboxInbound {
  post: SandboxPost;
  kind: 'mention' | 'reply' | 'direct_message';
}

/** Wrong input to the sandbox's own service API (not a network refusal, which are ConnectorErrors). */
export class SandboxInputError extends Error {
  readonly code: 'handle_taken' | 'invalid_handle' | 'invalid_settings' | 'not_found';
  constructor(code: SandboxInputError['code'], message: string) {
    super(message);
    this.name = 'SandboxInputError';
    this.code = code;
  }
}

export interface SandboxNetworkOptions {
  /** Chance of each call; tests pass `seededRandom(seed)` (faults.ts). */
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Where the sandbox's posts are shown: post URLs are `<publicUrl>/@<handle>/<id>`. */
  publicUrl?: string;
  /** Seconds an injected `rate_limit` asks the client to wait (default INJECTED_RETRY_AFTER_SECONDS). */
  injectedRetryAfterSeconds?: number;
}

/** What the sandbox connector calls: the network's "HTTP API", in process. */
export interface SandboxApi {
  authenticate(orgId: string, token: string): Promise<SandboxAccount>;
  /** Applies the account's rate limit (throws RateLimited) and picks this call's failure, if any. */
  admit(account: SandboxAccount): Promise<FailureKind | null>;
  publish(account: SandboxAccount, req: PublishRequest): Promise<SandboxPost>;
  deletePost(account: SandboxAccount, postId: string): Promise<void>;
  metrics(account: SandboxAccount, postId: string): Promise<PostMetrics>;
  inbound(
    account: SandboxAccount,
    since: number,
    limit: number,
  ): Promise<{ items: SandboxInbound[]; cursor: number }>;
  findByIdempotencyKey(account: SandboxAccount, key: string): Promise<SandboxPost | null>;
  /** Public posts of the whole sandbox (every account's, the audience's too) matching the query. */
  search(
    orgId: string,
    query: NetworkSearchQuery,
    since: number | null,
    limit: number,
  ): Promise<{ posts: SandboxPost[]; cursor: number }>;
  sleep(ms: number): Promise<void>;
  accountUrl(handle: string): string;
  /** The Retry-After of an injected `rate_limit`. */
  readonly injectedRetryAfterSeconds: number;
}

export interface SandboxNetwork {
  /** Creates an account; the token is returned only here (the sandbox keeps its SHA-256). */
  createAccount(
    orgId: string,
    input: { handle: string; displayName: string },
  ): Promise<{ account: SandboxAccount; token: string }>;
  getAccount(orgId: string, accountId: string): Promise<SandboxAccount | null>;
  /** The accounts channels can connect to (not the simulated audience), by handle. */
  listAccounts(orgId: string): Promise<SandboxAccount[]>;
  updateSettings(
    orgId: string,
    accountId: string,
    settings: Partial<SandboxSettings>,
  ): Promise<SandboxAccount>;
  /** A new token; the old one stops working (AuthExpired), as when a person revokes an app. */
  resetToken(orgId: string, accountId: string): Promise<string>;
  /** The account's posts, newest first, deleted ones included (with `deletedAt`). */
  listPosts(orgId: string, accountId: string): Promise<SandboxPost[]>;
  getPost(orgId: string, postId: string): Promise<SandboxPost | null>;
  /** Replies to a post, oldest first. */
  listReplies(orgId: string, postId: string): Promise<SandboxPost[]>;
  /**
   * A simulated audience reacts: as many other sandbox accounts (created as needed) like, repost and
   * reply; replies reach the author's inbound feed. Impressions are a counter.
   */
  engage(orgId: string, postId: string, engagement: Engagement): Promise<PostMetrics>;
  /** Another sandbox account posts: a mention (`@handle` in the text) or a reply. */
  postAs(orgId: string, fromAccountId: string, text: string, replyToId?: string | null): Promise<SandboxPost>;
  sendDirectMessage(
    orgId: string,
    fromAccountId: string,
    toAccountId: string,
    text: string,
  ): Promise<SandboxPost>;
  /** The next calls of this account fail with these kinds, in order, whatever the failure rate says. */
  failNext(accountId: string, ...kinds: FailureKind[]): void;
  readonly api: SandboxApi;
}
