import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import type { Executor } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import {
  type SandboxMedia,
  sandboxAccounts,
  sandboxLikes,
  sandboxMentions,
  sandboxPosts,
  sandboxReposts,
} from '../../platform/db/schema/sandbox.ts';
import { SANDBOX_CAPABILITIES } from '../capabilities.ts';
import { AuthExpired, type PostMetrics, type PublishRequest, RateLimited, Rejected } from '../connector.ts';
import { checkPost } from '../validate.ts';
import { chooseFailure, FAILURE_KINDS, type FailureKind, isFailureKind, takeToken } from './faults.ts';

/**
 * The sandbox: a small social network inside each organisation, kept in the database. People of the
 * demo and tests create accounts on it, post as other accounts (mentions, replies, direct messages) and
 * simulate an audience; channels connect to its accounts through the sandbox connector (client.ts),
 * which behaves like a real network down to latency, rate limits and failures.
 */

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
  sleep(ms: number): Promise<void>;
  accountUrl(handle: string): string;
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

const HANDLE_RE = /^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$/i;
const MENTION_RE = /(?<![\p{L}\p{N}_@/.])@([a-z0-9_]+(?:[.-][a-z0-9_]+)*)/giu;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AUDIENCE_LINES = [
  'Toller Beitrag!',
  'Danke fürs Teilen 👍',
  'Interesting — tell me more.',
  'Sehr hilfreich, danke.',
  'Great news! 🎉',
  'Wo finde ich mehr dazu?',
];

type AccountRow = typeof sandboxAccounts.$inferSelect;
type PostRow = typeof sandboxPosts.$inferSelect;

function toAccount(row: AccountRow): SandboxAccount {
  return {
    id: row.id,
    orgId: row.orgId,
    handle: row.handle,
    displayName: row.displayName,
    audience: row.audience,
    settings: {
      latencyMs: row.latencyMs,
      rateLimitPerMinute: row.rateLimitPerMinute,
      failureRate: row.failureRate,
      failureKinds: row.failureKinds.filter(isFailureKind),
    },
    createdAt: row.createdAt,
  };
}

function checkSettings(s: Partial<SandboxSettings>): void {
  const bad = (why: string) => new SandboxInputError('invalid_settings', why);
  if (
    s.latencyMs !== undefined &&
    !(Number.isInteger(s.latencyMs) && s.latencyMs >= 0 && s.latencyMs <= 120_000)
  ) {
    throw bad('latencyMs must be a whole number of milliseconds from 0 to 120000');
  }
  if (
    s.rateLimitPerMinute !== undefined &&
    s.rateLimitPerMinute !== null &&
    !(
      Number.isInteger(s.rateLimitPerMinute) &&
      s.rateLimitPerMinute >= 1 &&
      s.rateLimitPerMinute <= 1_000_000
    )
  ) {
    throw bad('rateLimitPerMinute must be null or a whole number from 1 to 1000000');
  }
  if (s.failureRate !== undefined && !(s.failureRate >= 0 && s.failureRate <= 1)) {
    throw bad('failureRate must be between 0 and 1');
  }
  if (s.failureKinds !== undefined && !s.failureKinds.every((k) => isFailureKind(k))) {
    throw bad(`failureKinds must be among ${FAILURE_KINDS.join(', ')}`);
  }
}

export function createSandboxNetwork(db: Executor, options: SandboxNetworkOptions = {}): SandboxNetwork {
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const publicUrl = (options.publicUrl ?? '/sandbox').replace(/\/$/, '');
  /** Queued failures per account: in this process only, which is all a test needs. */
  const queued = new Map<string, FailureKind[]>();

  const author = alias(sandboxAccounts, 'author');
  const postColumns = {
    post: sandboxPosts,
    handle: author.handle,
    displayName: author.displayName,
  };

  function toPost(row: { post: PostRow; handle: string; displayName: string }): SandboxPost {
    const p = row.post;
    return {
      id: p.id,
      seq: p.seq,
      orgId: p.orgId,
      accountId: p.accountId,
      handle: row.handle,
      displayName: row.displayName,
      text: p.text,
      media: p.media,
      replyToId: p.replyToId,
      directToAccountId: p.directToAccountId,
      idempotencyKey: p.idempotencyKey,
      createdAt: p.createdAt,
      deletedAt: p.deletedAt,
      url: `${publicUrl}/@${row.handle}/${p.id}`,
    };
  }

  function selectPosts(tx: Executor) {
    return tx
      .select(postColumns)
      .from(sandboxPosts)
      .innerJoin(author, and(eq(author.orgId, sandboxPosts.orgId), eq(author.id, sandboxPosts.accountId)));
  }

  async function getPost(tx: Executor, orgId: string, postId: string): Promise<SandboxPost | null> {
    if (!UUID_RE.test(postId)) return null;
    const [row] = await selectPosts(tx).where(
      and(eq(sandboxPosts.orgId, orgId), eq(sandboxPosts.id, postId)),
    );
    return row ? toPost(row) : null;
  }

  async function getAccount(tx: Executor, orgId: string, accountId: string): Promise<SandboxAccount | null> {
    if (!UUID_RE.test(accountId)) return null;
    const [row] = await tx
      .select()
      .from(sandboxAccounts)
      .where(and(eq(sandboxAccounts.orgId, orgId), eq(sandboxAccounts.id, accountId)));
    return row ? toAccount(row) : null;
  }

  async function requireAccount(tx: Executor, orgId: string, accountId: string): Promise<SandboxAccount> {
    const account = await getAccount(tx, orgId, accountId);
    if (!account) throw new SandboxInputError('not_found', `no sandbox account ${accountId}`);
    return account;
  }

  async function insertAccount(
    tx: Executor,
    orgId: string,
    input: { handle: string; displayName: string; audience?: boolean },
  ): Promise<{ account: SandboxAccount; token: string }> {
    if (!HANDLE_RE.test(input.handle) || input.handle.length > 64) {
      throw new SandboxInputError('invalid_handle', 'a handle is letters, digits and _ . - (at most 64)');
    }
    const token = `sbx_${randomToken(32)}`;
    try {
      const [row] = await tx
        .insert(sandboxAccounts)
        .values({
          orgId,
          handle: input.handle,
          displayName: input.displayName,
          tokenHash: sha256Hex(token),
          audience: input.audience ?? false,
        })
        .returning();
      return { account: toAccount(row!), token };
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new SandboxInputError('handle_taken', `@${input.handle} exists in this sandbox`);
      }
      throw err;
    }
  }

  /** Stores a post with its mentions; a second post with the same idempotency key returns the first. */
  async function insertPost(
    orgId: string,
    from: SandboxAccount,
    input: {
      text: string;
      media: SandboxMedia[];
      replyToId: string | null;
      directToAccountId: string | null;
      idempotencyKey: string | null;
    },
  ): Promise<SandboxPost> {
    return db.transaction(async (tx) => {
      if (input.replyToId) {
        const parent = await getPost(tx, orgId, input.replyToId);
        if (!parent || parent.deletedAt) throw new Rejected('the post to reply to does not exist');
      }
      const [inserted] = await tx
        .insert(sandboxPosts)
        .values({ orgId, accountId: from.id, ...input })
        .onConflictDoNothing({ target: [sandboxPosts.accountId, sandboxPosts.idempotencyKey] })
        .returning({ id: sandboxPosts.id });
      if (!inserted) {
        // A concurrent attempt with the same key won: its post is the post.
        const [existing] = await selectPosts(tx).where(
          and(
            eq(sandboxPosts.accountId, from.id),
            eq(sandboxPosts.idempotencyKey, input.idempotencyKey ?? ''),
          ),
        );
        return toPost(existing!);
      }
      const handles = [...new Set([...input.text.matchAll(MENTION_RE)].map((m) => m[1]!.toLowerCase()))];
      if (handles.length > 0) {
        const mentioned = await tx
          .select({ id: sandboxAccounts.id })
          .from(sandboxAccounts)
          .where(
            and(
              eq(sandboxAccounts.orgId, orgId),
              inArray(sql`lower(${sandboxAccounts.handle})`, handles),
              ne(sandboxAccounts.id, from.id),
            ),
          );
        if (mentioned.length > 0) {
          await tx
            .insert(sandboxMentions)
            .values(mentioned.map((m) => ({ orgId, postId: inserted.id, accountId: m.id })));
        }
      }
      return (await getPost(tx, orgId, inserted.id))!;
    });
  }

  async function findByKey(account: SandboxAccount, key: string): Promise<SandboxPost | null> {
    const [row] = await selectPosts(db).where(
      and(
        eq(sandboxPosts.orgId, account.orgId),
        eq(sandboxPosts.accountId, account.id),
        eq(sandboxPosts.idempotencyKey, key),
      ),
    );
    return row ? toPost(row) : null;
  }

  async function metrics(orgId: string, postId: string): Promise<PostMetrics> {
    const post = await getPost(db, orgId, postId);
    if (!post || post.deletedAt) throw new Rejected('the post does not exist');
    const [row] = await db
      .select({
        likes: sql<number>`(select count(*)::int from ${sandboxLikes} where ${sandboxLikes.postId} = ${postId})`,
        reposts: sql<number>`(select count(*)::int from ${sandboxReposts} where ${sandboxReposts.postId} = ${postId})`,
        replies: sql<number>`(select count(*)::int from ${sandboxPosts} where ${sandboxPosts.replyToId} = ${postId} and ${sandboxPosts.deletedAt} is null)`,
        impressions: sandboxPosts.impressions,
      })
      .from(sandboxPosts)
      .where(and(eq(sandboxPosts.orgId, orgId), eq(sandboxPosts.id, postId)));
    return row!;
  }

  /**
   * Audience accounts of the organisation that have not yet done something to a post (`done` is the set
   * of those who have), creating new ones until there are `n`.
   */
  async function audienceFor(
    tx: Executor,
    orgId: string,
    exclude: Set<string>,
    n: number,
  ): Promise<string[]> {
    if (n <= 0) return [];
    const rows = await tx
      .select({ id: sandboxAccounts.id })
      .from(sandboxAccounts)
      .where(and(eq(sandboxAccounts.orgId, orgId), eq(sandboxAccounts.audience, true)))
      .orderBy(asc(sandboxAccounts.createdAt), asc(sandboxAccounts.handle));
    const ids = rows.map((r) => r.id).filter((id) => !exclude.has(id));
    let k = rows.length;
    while (ids.length < n) {
      k++;
      const handle = `audience_${k}`;
      const [row] = await tx
        .insert(sandboxAccounts)
        .values({
          orgId,
          handle,
          displayName: `Audience ${k}`,
          tokenHash: sha256Hex(randomToken(32)),
          audience: true,
        })
        .onConflictDoNothing()
        .returning({ id: sandboxAccounts.id });
      if (row) ids.push(row.id);
    }
    return ids.slice(0, n);
  }

  const api: SandboxApi = {
    async authenticate(orgId, token) {
      const [row] = await db
        .select()
        .from(sandboxAccounts)
        .where(and(eq(sandboxAccounts.tokenHash, sha256Hex(token)), eq(sandboxAccounts.orgId, orgId)));
      // A token of another organisation's sandbox is as unknown here as a made-up one.
      if (!row || row.audience) throw new AuthExpired('the sandbox access token is invalid');
      return toAccount(row);
    },

    async admit(account) {
      const limit = account.settings.rateLimitPerMinute;
      if (limit !== null) {
        const retryAfter = await db.transaction(async (tx) => {
          const [row] = await tx
            .select({ tokens: sandboxAccounts.bucketTokens, at: sandboxAccounts.bucketAt })
            .from(sandboxAccounts)
            .where(eq(sandboxAccounts.id, account.id))
            .for('update');
          const bucket = row?.tokens != null && row.at ? { tokens: row.tokens, at: row.at.getTime() } : null;
          const taken = takeToken(bucket, limit, now());
          await tx
            .update(sandboxAccounts)
            .set({ bucketTokens: taken.bucket.tokens, bucketAt: new Date(taken.bucket.at) })
            .where(eq(sandboxAccounts.id, account.id));
          return taken.retryAfterSeconds;
        });
        if (retryAfter !== null) throw new RateLimited(retryAfter);
      }
      return chooseFailure(
        queued.get(account.id),
        account.settings.failureRate,
        account.settings.failureKinds,
        random,
      );
    },

    async publish(account, req) {
      if (req.idempotencyKey) {
        // Like a network that remembers the key: the first post is the answer, nothing is checked again.
        const existing = await findByKey(account, req.idempotencyKey);
        if (existing) return existing;
      }
      const problem = checkPost(req, SANDBOX_CAPABILITIES);
      if (problem) throw new Rejected(problem);
      if (req.replyToId !== null && !UUID_RE.test(req.replyToId)) {
        throw new Rejected('the post to reply to does not exist');
      }
      return insertPost(account.orgId, account, {
        text: req.text,
        media: req.media.map((m) => ({
          filename: m.filename,
          mimeType: m.mimeType,
          size: m.data.byteLength,
          altText: m.altText,
        })),
        replyToId: req.replyToId,
        directToAccountId: null,
        idempotencyKey: req.idempotencyKey || null,
      });
    },

    async deletePost(account, postId) {
      const post = await getPost(db, account.orgId, postId);
      if (!post || post.deletedAt) return;
      if (post.accountId !== account.id) throw new Rejected('the post belongs to another account');
      await db
        .update(sandboxPosts)
        .set({ deletedAt: new Date(now()) })
        .where(and(eq(sandboxPosts.id, postId), isNull(sandboxPosts.deletedAt)));
    },

    metrics: (account, postId) => metrics(account.orgId, postId),

    async inbound(account, since, limit) {
      const parent = alias(sandboxPosts, 'parent');
      const rows = await db
        .select({ ...postColumns, parentAccountId: parent.accountId })
        .from(sandboxPosts)
        .innerJoin(author, and(eq(author.orgId, sandboxPosts.orgId), eq(author.id, sandboxPosts.accountId)))
        .leftJoin(parent, and(eq(parent.orgId, sandboxPosts.orgId), eq(parent.id, sandboxPosts.replyToId)))
        .where(
          and(
            eq(sandboxPosts.orgId, account.orgId),
            isNull(sandboxPosts.deletedAt),
            ne(sandboxPosts.accountId, account.id),
            gt(sandboxPosts.seq, since),
            or(
              eq(sandboxPosts.directToAccountId, account.id),
              eq(parent.accountId, account.id),
              inArray(
                sandboxPosts.id,
                db
                  .select({ id: sandboxMentions.postId })
                  .from(sandboxMentions)
                  .where(
                    and(eq(sandboxMentions.orgId, account.orgId), eq(sandboxMentions.accountId, account.id)),
                  ),
              ),
            ),
          ),
        )
        .orderBy(asc(sandboxPosts.seq))
        .limit(limit);
      const items = rows.map((row): SandboxInbound => {
        const post = toPost(row);
        const kind = post.directToAccountId
          ? 'direct_message'
          : row.parentAccountId === account.id
            ? 'reply'
            : 'mention';
        return { post, kind };
      });
      return { items, cursor: items.at(-1)?.post.seq ?? since };
    },

    findByIdempotencyKey: findByKey,
    sleep,
    accountUrl: (handle) => `${publicUrl}/@${handle}`,
  };

  return {
    api,

    createAccount: (orgId, input) => insertAccount(db, orgId, input),

    getAccount: (orgId, accountId) => getAccount(db, orgId, accountId),

    async listAccounts(orgId) {
      const rows = await db
        .select()
        .from(sandboxAccounts)
        .where(and(eq(sandboxAccounts.orgId, orgId), eq(sandboxAccounts.audience, false)))
        .orderBy(asc(sandboxAccounts.handle));
      return rows.map(toAccount);
    },

    async updateSettings(orgId, accountId, settings) {
      checkSettings(settings);
      await requireAccount(db, orgId, accountId);
      const [row] = await db
        .update(sandboxAccounts)
        .set({
          ...(settings.latencyMs !== undefined ? { latencyMs: settings.latencyMs } : {}),
          ...(settings.rateLimitPerMinute !== undefined
            ? { rateLimitPerMinute: settings.rateLimitPerMinute, bucketTokens: null, bucketAt: null }
            : {}),
          ...(settings.failureRate !== undefined ? { failureRate: settings.failureRate } : {}),
          ...(settings.failureKinds !== undefined ? { failureKinds: settings.failureKinds } : {}),
        })
        .where(and(eq(sandboxAccounts.orgId, orgId), eq(sandboxAccounts.id, accountId)))
        .returning();
      return toAccount(row!);
    },

    async resetToken(orgId, accountId) {
      await requireAccount(db, orgId, accountId);
      const token = `sbx_${randomToken(32)}`;
      await db
        .update(sandboxAccounts)
        .set({ tokenHash: sha256Hex(token) })
        .where(and(eq(sandboxAccounts.orgId, orgId), eq(sandboxAccounts.id, accountId)));
      return token;
    },

    async listPosts(orgId, accountId) {
      if (!UUID_RE.test(accountId)) return [];
      const rows = await selectPosts(db)
        .where(and(eq(sandboxPosts.orgId, orgId), eq(sandboxPosts.accountId, accountId)))
        .orderBy(desc(sandboxPosts.seq));
      return rows.map(toPost);
    },

    getPost: (orgId, postId) => getPost(db, orgId, postId),

    async listReplies(orgId, postId) {
      if (!UUID_RE.test(postId)) return [];
      const rows = await selectPosts(db)
        .where(
          and(
            eq(sandboxPosts.orgId, orgId),
            eq(sandboxPosts.replyToId, postId),
            isNull(sandboxPosts.deletedAt),
          ),
        )
        .orderBy(asc(sandboxPosts.seq));
      return rows.map(toPost);
    },

    async engage(orgId, postId, engagement) {
      const post = await getPost(db, orgId, postId);
      if (!post || post.deletedAt) throw new SandboxInputError('not_found', `no sandbox post ${postId}`);
      const count = (n: number | undefined) => Math.max(0, Math.floor(n ?? 0));
      const likes = count(engagement.likes);
      const reposts = count(engagement.reposts);
      const replies = count(engagement.replies);
      const impressions = count(engagement.impressions);
      await db.transaction(async (tx) => {
        for (const [table, n] of [
          [sandboxLikes, likes],
          [sandboxReposts, reposts],
        ] as const) {
          if (n === 0) continue;
          const done = await tx.select({ id: table.accountId }).from(table).where(eq(table.postId, postId));
          const exclude = new Set([post.accountId, ...done.map((d) => d.id)]);
          const who = await audienceFor(tx, orgId, exclude, n);
          await tx.insert(table).values(who.map((accountId) => ({ orgId, postId, accountId })));
        }
        if (impressions > 0) {
          await tx
            .update(sandboxPosts)
            .set({ impressions: sql`${sandboxPosts.impressions} + ${impressions}` })
            .where(and(eq(sandboxPosts.orgId, orgId), eq(sandboxPosts.id, postId)));
        }
      });
      // Replies are posts of their own, each reaching the author's inbound feed.
      if (replies > 0) {
        const who = await db.transaction((tx) => audienceFor(tx, orgId, new Set([post.accountId]), replies));
        for (const [i, accountId] of who.entries()) {
          const from = await requireAccount(db, orgId, accountId);
          const line = AUDIENCE_LINES[(post.seq + i) % AUDIENCE_LINES.length];
          await insertPost(orgId, from, {
            text: `@${post.handle} ${line}`,
            media: [],
            replyToId: postId,
            directToAccountId: null,
            idempotencyKey: null,
          });
        }
      }
      return metrics(orgId, postId);
    },

    async postAs(orgId, fromAccountId, text, replyToId = null) {
      const from = await requireAccount(db, orgId, fromAccountId);
      const problem = checkPost({ text, media: [] }, SANDBOX_CAPABILITIES);
      if (problem) throw new Rejected(problem);
      return insertPost(orgId, from, {
        text,
        media: [],
        replyToId,
        directToAccountId: null,
        idempotencyKey: null,
      });
    },

    async sendDirectMessage(orgId, fromAccountId, toAccountId, text) {
      const from = await requireAccount(db, orgId, fromAccountId);
      await requireAccount(db, orgId, toAccountId);
      const problem = checkPost({ text, media: [] }, SANDBOX_CAPABILITIES);
      if (problem) throw new Rejected(problem);
      return insertPost(orgId, from, {
        text,
        media: [],
        replyToId: null,
        directToAccountId: toAccountId,
        idempotencyKey: null,
      });
    },

    failNext(accountId, ...kinds) {
      const list = queued.get(accountId) ?? [];
      list.push(...kinds);
      queued.set(accountId, list);
    },
  };
}
