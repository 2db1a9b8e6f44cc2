import { and, asc, desc, eq, gt, ilike, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
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
import { type NetworkSearchQuery, type PostMetrics, Rejected } from '../connector.ts';
import { isFailureKind, takeToken } from './faults.ts';
import { type SandboxAccount, type SandboxInbound, SandboxInputError, type SandboxPost } from './types.ts';

/** The sandbox's queries. Every one is scoped to an organisation, and references between rows carry it too. */

const HANDLE_RE = /^[a-z0-9_]+(?:[.-][a-z0-9_]+)*$/i;
const MENTION_RE = /(?<![\p{L}\p{N}_@/.])@([a-z0-9_]+(?:[.-][a-z0-9_]+)*)/giu;
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type AccountRow = typeof sandboxAccounts.$inferSelect;
type PostRow = typeof sandboxPosts.$inferSelect;

export function toAccount(row: AccountRow): SandboxAccount {
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

export type SandboxRepo = ReturnType<typeof createSandboxRepo>;

interface NewPostInput {
  text: string;
  media: SandboxMedia[];
  replyToId: string | null;
  directToAccountId: string | null;
  idempotencyKey: string | null;
}

export function createSandboxRepo(db: Executor, publicUrl: string) {
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
  /** The post's row, or — when the idempotency key is known already — the first post with that key. */
  async function insertRow(
    tx: Executor,
    orgId: string,
    from: SandboxAccount,
    input: NewPostInput,
  ): Promise<{ post: SandboxPost; inserted: boolean }> {
    const [row] = await tx
      .insert(sandboxPosts)
      .values({ orgId, accountId: from.id, ...input })
      .onConflictDoNothing({ target: [sandboxPosts.accountId, sandboxPosts.idempotencyKey] })
      .returning();
    if (row)
      return {
        post: toPost({ post: row, handle: from.handle, displayName: from.displayName }),
        inserted: true,
      };
    const [existing] = await selectPosts(tx).where(
      and(eq(sandboxPosts.accountId, from.id), eq(sandboxPosts.idempotencyKey, input.idempotencyKey ?? '')),
    );
    return { post: toPost(existing!), inserted: false };
  }

  async function insertPost(orgId: string, from: SandboxAccount, input: NewPostInput): Promise<SandboxPost> {
    const handles = [...new Set([...input.text.matchAll(MENTION_RE)].map((m) => m[1]!.toLowerCase()))];
    // The common case — no reply, no mention — is one statement: the network's side of a send should not
    // cost the benchmark and the demo more than a real network's would cost Chorus.
    if (!input.replyToId && handles.length === 0) return (await insertRow(db, orgId, from, input)).post;
    return db.transaction(async (tx) => {
      if (input.replyToId) {
        const parent = await getPost(tx, orgId, input.replyToId);
        if (!parent || parent.deletedAt) throw new Rejected('the post to reply to does not exist');
      }
      const { post, inserted } = await insertRow(tx, orgId, from, input);
      // A concurrent attempt with the same key won: its post is the post, with its mentions.
      if (!inserted || handles.length === 0) return post;
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
          .values(mentioned.map((m) => ({ orgId, postId: post.id, accountId: m.id })));
      }
      return post;
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

  async function inbound(
    account: SandboxAccount,
    since: number,
    limit: number,
  ): Promise<{ items: SandboxInbound[]; cursor: number }> {
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
  }

  /**
   * Public posts of the organisation's sandbox (no direct messages, nothing deleted) containing every
   * term, after the arrival number `since`; with `since` null the newest `limit`. Oldest first.
   */
  async function search(
    orgId: string,
    query: NetworkSearchQuery,
    since: number | null,
    limit: number,
  ): Promise<{ posts: SandboxPost[]; cursor: number }> {
    const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const terms: SQL[] = [
      ...[...query.words, ...query.phrases].map((w) => ilike(sandboxPosts.text, like(w))),
      ...query.hashtags.map((h) => ilike(sandboxPosts.text, like(`#${h}`))),
      ...query.accounts.map((a) => eq(sql`lower(${author.handle})`, a.toLowerCase())),
    ];
    const where = and(
      eq(sandboxPosts.orgId, orgId),
      isNull(sandboxPosts.deletedAt),
      isNull(sandboxPosts.directToAccountId),
      ...(since !== null ? [gt(sandboxPosts.seq, since)] : []),
      ...terms,
    );
    const rows = await selectPosts(db)
      .where(where)
      .orderBy(since === null ? desc(sandboxPosts.seq) : asc(sandboxPosts.seq))
      .limit(limit);
    const posts = rows.map(toPost);
    if (since === null) posts.reverse();
    return { posts, cursor: posts.at(-1)?.seq ?? since ?? 0 };
  }

  /** Takes a token from the account's bucket, in the database so that every process shares it. */
  function takeBucketToken(accountId: string, perMinute: number, at: number): Promise<number | null> {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .select({ tokens: sandboxAccounts.bucketTokens, at: sandboxAccounts.bucketAt })
        .from(sandboxAccounts)
        .where(eq(sandboxAccounts.id, accountId))
        .for('update');
      const bucket = row?.tokens != null && row.at ? { tokens: row.tokens, at: row.at.getTime() } : null;
      const taken = takeToken(bucket, perMinute, at);
      await tx
        .update(sandboxAccounts)
        .set({ bucketTokens: taken.bucket.tokens, bucketAt: new Date(taken.bucket.at) })
        .where(eq(sandboxAccounts.id, accountId));
      return taken.retryAfterSeconds;
    });
  }

  return {
    selectPosts,
    toPost,
    getPost,
    getAccount,
    requireAccount,
    insertAccount,
    insertPost,
    findByKey,
    metrics,
    audienceFor,
    inbound,
    search,
    takeToken: takeBucketToken,
  };
}
