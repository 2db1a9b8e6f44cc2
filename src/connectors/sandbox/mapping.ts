import type { Account, FoundPost, InboundItem, PublishedPost } from '../connector.ts';
import type { SandboxAccount, SandboxInbound, SandboxPost } from './network.ts';

/** The sandbox's own records in the connector's terms. */

export function toAccount(account: SandboxAccount, url: string): Account {
  return {
    id: account.id,
    handle: account.handle,
    displayName: account.displayName,
    url,
    tokenExpiresAt: null,
  };
}

export function toPublished(post: SandboxPost): PublishedPost {
  return { id: post.id, url: post.url, publishedAt: post.createdAt };
}

export function toInboundItem({ post, kind }: SandboxInbound): InboundItem {
  return {
    id: post.id,
    kind,
    author: { id: post.accountId, handle: post.handle, displayName: post.displayName },
    text: post.text,
    createdAt: post.createdAt,
    url: post.url,
    inReplyToId: post.replyToId,
  };
}

export function toFoundPost(post: SandboxPost): FoundPost {
  return {
    id: post.id,
    author: { id: post.accountId, handle: post.handle, displayName: post.displayName },
    text: post.text,
    createdAt: post.createdAt,
    url: post.url,
    // The sandbox does not tag languages; listening detects them itself.
    language: null,
  };
}

/** The search cursor, like the inbound one, is an arrival number; null (or garbage) means "the newest". */
export function parseSearchCursor(since: string | null): number | null {
  return since !== null && /^\d{1,15}$/.test(since) ? Number(since) : null;
}

/** The inbound cursor is the arrival number of the newest item seen; anything else starts from the beginning. */
export function parseCursor(since: string | null): number {
  return since !== null && /^\d{1,15}$/.test(since) ? Number(since) : 0;
}
