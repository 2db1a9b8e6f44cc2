import type { Account, InboundItem, PublishedPost } from '../connector.ts';
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

/** The inbound cursor is the arrival number of the newest item seen; anything else starts from the beginning. */
export function parseCursor(since: string | null): number {
  return since !== null && /^\d{1,15}$/.test(since) ? Number(since) : 0;
}
