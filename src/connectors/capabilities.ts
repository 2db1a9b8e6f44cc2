import type { Capabilities, NetworkId } from './connector.ts';

/**
 * What each network accepts, known without credentials: the composer counts characters and checks media
 * with these before anything is sent. Pure data (the web app bundles it); each connector reports the same
 * object as its `capabilities`.
 */

/** A key the network refuses a second time for as long as the post exists. */
const WHILE_THE_POST_EXISTS = 2 ** 31 - 1;

export const SANDBOX_CAPABILITIES: Capabilities = {
  maxChars: 500,
  counting: { kind: 'graphemes' },
  media: {
    mimeTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
    maxBytes: 5 * 1024 * 1024,
    maxCount: 4,
    maxAltTextChars: 1500,
  },
  supportsThreads: true,
  directMessages: true,
  canLookUpByIdempotencyKey: true,
  idempotencyWindowSeconds: WHILE_THE_POST_EXISTS,
  metrics: ['likes', 'reposts', 'replies', 'impressions'],
  search: true,
};

export const MASTODON_CAPABILITIES: Capabilities = {
  // The default of a Mastodon instance; some instances allow more (instance configuration, statuses.max_characters).
  maxChars: 500,
  counting: { kind: 'graphemes', urlLength: 23, localMentions: true },
  media: {
    mimeTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
    maxBytes: 16 * 1024 * 1024,
    maxCount: 4,
    maxAltTextChars: 1500,
  },
  supportsThreads: true,
  directMessages: true,
  canLookUpByIdempotencyKey: false,
  // Mastodon keeps an Idempotency-Key for an hour.
  idempotencyWindowSeconds: 3600,
  metrics: ['likes', 'reposts', 'replies'],
  search: true,
};

export const BLUESKY_CAPABILITIES: Capabilities = {
  maxChars: 300,
  counting: { kind: 'graphemes-and-bytes', maxBytes: 3000 },
  media: {
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
    maxBytes: 1_000_000,
    maxCount: 4,
    maxAltTextChars: 2000,
  },
  supportsThreads: true,
  directMessages: false,
  // The record key is derived from the idempotency key (bluesky/mapping.ts): a second attempt cannot
  // create a second post, and the record can be looked up.
  canLookUpByIdempotencyKey: true,
  idempotencyWindowSeconds: WHILE_THE_POST_EXISTS,
  metrics: ['likes', 'reposts', 'replies'],
  search: true,
};

const BY_NETWORK: Record<NetworkId, Capabilities> = {
  sandbox: SANDBOX_CAPABILITIES,
  mastodon: MASTODON_CAPABILITIES,
  bluesky: BLUESKY_CAPABILITIES,
};

/** Static: no credentials needed (the composer's character counts). */
export function capabilitiesOf(network: NetworkId): Capabilities {
  return BY_NETWORK[network];
}
