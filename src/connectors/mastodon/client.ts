import { createRestAPIClient, MastoHttpError, type mastodon } from 'masto';
import { MASTODON_CAPABILITIES } from '../capabilities.ts';
import { type Connector, type Credentials, type MediaUpload, Transient } from '../connector.ts';
import { checkHost, type OutboundPolicy, parseServiceUrl } from '../outbound.ts';
import {
  compareIds,
  mastodonSearchPlan,
  toAccount,
  toConnectorError,
  toFoundPost,
  toInboundItem,
  toMetrics,
  toPublished,
} from './mapping.ts';

export interface MastodonOptions extends OutboundPolicy {
  /** How long an uploaded image may stay "processing" before the post gives up (Transient). */
  mediaProcessingTimeoutMs?: number;
  /** Pause between two looks at an image still processing. */
  mediaPollIntervalMs?: number;
}

/** Mastodon answers at most 80 notifications a page. */
const MAX_PAGE = 80;
/** …and at most 40 statuses of a search or a timeline. */
const MAX_SEARCH_PAGE = 40;

/**
 * A channel on a Mastodon instance, through masto: `credentials.serviceUrl` is the instance,
 * `credentials.identifier` the access token. The instance URL passes the outbound rule before any
 * request; every request is bounded by `timeoutMs`, follows no redirect, and every failure leaves
 * through `toConnectorError` as one of the typed errors.
 */
export function mastodonConnector(credentials: Credentials, options: MastodonOptions): Connector {
  const instance = parseServiceUrl(credentials.serviceUrl, options);
  const client = createRestAPIClient({
    url: instance.origin,
    accessToken: credentials.identifier,
    timeout: options.timeoutMs,
    requestInit: { redirect: 'manual' },
    log: 'error',
  });
  const pollMs = options.mediaPollIntervalMs ?? 500;
  const processingMs = options.mediaProcessingTimeoutMs ?? 60_000;
  let hostChecked: Promise<void> | null = null;

  async function call<T>(op: () => Promise<T>): Promise<T> {
    try {
      // masto uses the global fetch, so the address the name resolves to is checked once per connector.
      hostChecked ??= checkHost(instance, options);
      await hostChecked;
      return await op();
    } catch (err) {
      throw toConnectorError(err);
    }
  }

  async function upload(media: MediaUpload): Promise<string> {
    const file = new File([media.data as Uint8Array<ArrayBuffer>], media.filename, { type: media.mimeType });
    // masto would poll by itself, once a second even for an image processed at once; we look only while
    // the instance says it is still processing (202, then url null).
    let attachment: mastodon.v1.MediaAttachment = await client.v2.media.create({
      file,
      description: media.altText,
      skipPolling: true,
    });
    const deadline = Date.now() + processingMs;
    while (!attachment.url) {
      if (Date.now() > deadline) throw new Transient(`the instance is still processing ${media.filename}`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      attachment = await client.v1.media.$select(attachment.id).fetch();
    }
    return attachment.id;
  }

  return {
    network: 'mastodon',
    capabilities: MASTODON_CAPABILITIES,

    verify: () => call(async () => toAccount(await client.v1.accounts.verifyCredentials())),

    publish: (req) =>
      call(async () => {
        const mediaIds: string[] = [];
        for (const media of req.media) mediaIds.push(await upload(media));
        const params = {
          status: req.text,
          visibility: 'public' as const,
          inReplyToId: req.replyToId,
          ...(mediaIds.length > 0 ? { mediaIds } : {}),
        };
        // Mastodon keeps the key for an hour: a retry within it returns the first status, not a second one.
        const status = await client.v1.statuses.create(params, {
          requestInit: { headers: { 'Idempotency-Key': req.idempotencyKey } },
        });
        return toPublished(status);
      }),

    delete: (postId) =>
      call(async () => {
        try {
          await client.v1.statuses.$select(postId).remove();
        } catch (err) {
          // Already gone is what deleting wants.
          if (err instanceof MastoHttpError && (err.statusCode === 404 || err.statusCode === 410)) return;
          throw err;
        }
      }),

    fetchMetrics: (postId) => call(async () => toMetrics(await client.v1.statuses.$select(postId).fetch())),

    fetchInbound: (since, limit) =>
      call(async () => {
        const page = await client.v1.notifications.list({
          types: ['mention'],
          limit: Math.min(Math.max(1, limit), MAX_PAGE),
          // min_id pages forward from the cursor without gaps; since_id would skip to the newest page.
          ...(since ? { minId: since } : {}),
        });
        const notifications = [...(page ?? [])].sort((a, b) => compareIds(a.id, b.id));
        const items = notifications.map(toInboundItem).filter((i) => i !== null);
        return { items, cursor: notifications.at(-1)?.id ?? since };
      }),

    // Mastodon cannot be asked for a status by its Idempotency-Key; only a retry within the hour can tell.
    findByIdempotencyKey: async () => 'unknown',

    search: (query, since, limit) =>
      call(async () => {
        const plan = mastodonSearchPlan(query);
        const page = {
          limit: Math.min(Math.max(1, limit), MAX_SEARCH_PAGE),
          // min_id pages forward from the cursor: the oldest newer ones first, no gaps between polls.
          ...(since ? { minId: since } : {}),
        };
        const statuses =
          plan.kind === 'tag'
            ? await client.v1.timelines.tag.$select(plan.tag).list(page)
            : (await client.v2.search.list({ q: plan.q, type: 'statuses', ...page })).statuses;
        const found = [...(statuses ?? [])]
          // A boost is someone else's post: the original is found on its own.
          .filter((s) => !s.reblog && (since === null || compareIds(s.id, since) > 0))
          .sort((a, b) => compareIds(a.id, b.id));
        return { items: found.map(toFoundPost), cursor: found.at(-1)?.id ?? since };
      }),
  };
}
