import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import type { Executor } from '../../platform/db/client.ts';
import {
  sandboxAccounts,
  sandboxLikes,
  sandboxPosts,
  sandboxReposts,
} from '../../platform/db/schema/sandbox.ts';
import { SANDBOX_CAPABILITIES } from '../capabilities.ts';
import { AuthExpired, RateLimited, Rejected } from '../connector.ts';
import { checkPost } from '../validate.ts';
import {
  chooseFailure,
  FAILURE_KINDS,
  type FailureKind,
  INJECTED_RETRY_AFTER_SECONDS,
  isFailureKind,
} from './faults.ts';
import { createSandboxRepo, toAccount, UUID_RE } from './repo.ts';
import {
  type SandboxApi,
  SandboxInputError,
  type SandboxNetwork,
  type SandboxNetworkOptions,
  type SandboxSettings,
} from './types.ts';

export type {
  Engagement,
  SandboxAccount,
  SandboxApi,
  SandboxInbound,
  SandboxNetwork,
  SandboxNetworkOptions,
  SandboxPost,
  SandboxSettings,
} from './types.ts';
export { SandboxInputError } from './types.ts';

/**
 * The sandbox: a small social network inside each organisation, kept in the database. People of the
 * demo and tests create accounts on it, post as other accounts (mentions, replies, direct messages) and
 * simulate an audience; channels connect to its accounts through the sandbox connector (client.ts),
 * which behaves like a real network down to latency, rate limits and failures.
 */

const AUDIENCE_LINES = [
  'Toller Beitrag!',
  'Danke fürs Teilen 👍',
  'Interesting — tell me more.',
  'Sehr hilfreich, danke.',
  'Great news! 🎉',
  'Wo finde ich mehr dazu?',
];

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

/** Where the web app shows the sandbox; its accounts and posts have addresses below it. */
export const sandboxPublicUrl = (baseUrl: string) => `${baseUrl.replace(/\/$/, '')}/channels/sandbox`;

export function createSandboxNetwork(db: Executor, options: SandboxNetworkOptions = {}): SandboxNetwork {
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const publicUrl = (options.publicUrl ?? '/sandbox').replace(/\/$/, '');
  /** Queued failures per account: in this process only, which is all a test needs. */
  const queued = new Map<string, FailureKind[]>();
  const repo = createSandboxRepo(db, publicUrl);
  const {
    getPost,
    getAccount,
    requireAccount,
    insertAccount,
    insertPost,
    findByKey,
    metrics,
    audienceFor,
    selectPosts,
    toPost,
  } = repo;

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
        const retryAfter = await repo.takeToken(account.id, limit, now());
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
      const problem =
        checkPost(req, SANDBOX_CAPABILITIES) ??
        (req.replyToId !== null && !UUID_RE.test(req.replyToId)
          ? 'the post to reply to does not exist'
          : null);
      if (problem) {
        // Like a network that remembers the key: the first post is the answer, nothing is checked again.
        const existing = req.idempotencyKey ? await findByKey(account, req.idempotencyKey) : null;
        if (existing) return existing;
        throw new Rejected(problem);
      }
      // A known key comes back as the first post from insertPost (its insert meets the key's unique index).
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

    inbound: repo.inbound,

    findByIdempotencyKey: findByKey,
    search: repo.search,
    sleep,
    accountUrl: (handle) => `${publicUrl}/@${handle}`,
    injectedRetryAfterSeconds: options.injectedRetryAfterSeconds ?? INJECTED_RETRY_AFTER_SECONDS,
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
