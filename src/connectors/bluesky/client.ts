import { createHash } from 'node:crypto';
import {
  type $Typed,
  type AppBskyEmbedImages,
  type AppBskyFeedPost,
  AppBskyRichtextFacet,
  AtpAgent,
  type AtpSessionData,
  type AtpSessionEvent,
  RichText,
} from '@atproto/api';
import { BLUESKY_CAPABILITIES } from '../capabilities.ts';
import {
  type Account,
  AuthExpired,
  type Connector,
  type Credentials,
  type InboundItem,
  type NetworkSearchQuery,
  type PublishedPost,
  type PublishRequest,
  Rejected,
  type SearchPage,
} from '../connector.ts';
import { guardedFetch, type OutboundPolicy, parseServiceUrl } from '../outbound.ts';
import { checkPost } from '../validate.ts';
import {
  blueskySearchQ,
  INBOUND_REASONS,
  isRecordNotFound,
  notificationKey,
  POST_COLLECTION,
  parsePostUri,
  postKey,
  postUri,
  rkeyFromIdempotencyKey,
  toConnectorError,
  toFoundPost,
  toInboundItem,
  toMetrics,
  webUrl,
} from './mapping.ts';

/**
 * Sessions shared by the connectors of one process, keyed by service, identifier and a hash of the app
 * password. A PDS allows 30 logins per account in 5 minutes; a connector made for every job would use
 * them up, so connectors start from a cached session and log in only when there is none or it is refused.
 */
export type BlueskySessionCache = Map<string, { session: AtpSessionData; pdsUrl: string | null }>;

export interface BlueskyOptions extends OutboundPolicy {
  sessions?: BlueskySessionCache;
}

/** Notifications asked for per page while catching up with the cursor. */
const NOTIFICATION_PAGE = 50;
/** Pages read at most for one fetchInbound: far more than a poll interval brings. */
const MAX_NOTIFICATION_PAGES = 20;

interface PostRecord {
  text?: string;
  createdAt?: string;
  reply?: { root?: { uri: string; cid: string }; parent?: { uri: string; cid: string } };
}

/**
 * A channel on Bluesky (any PDS), through @atproto/api: `credentials.serviceUrl` is the service
 * (https://bsky.social or an own PDS), `identifier` the handle or DID, `secret` an app password.
 * Posts are written with `com.atproto.repo.createRecord` at a record key derived from the idempotency
 * key; metrics and notifications come from the AppView the PDS proxies to.
 */
export function blueskyConnector(credentials: Credentials, options: BlueskyOptions): Connector {
  const service = parseServiceUrl(credentials.serviceUrl, options);
  const cacheKey = [
    service.origin,
    credentials.identifier.toLowerCase(),
    createHash('sha256').update(credentials.secret).digest('hex'),
  ].join('\n');
  const agent = new AtpAgent({
    service,
    fetch: guardedFetch(options),
    persistSession: (event: AtpSessionEvent, session: AtpSessionData | undefined) => {
      if (!options.sessions) return;
      if ((event === 'create' || event === 'update') && session) {
        options.sessions.set(cacheKey, { session, pdsUrl: agent.sessionManager.pdsUrl?.href ?? null });
      } else if (event === 'expired' || event === 'create-failed') {
        options.sessions.delete(cacheKey);
      }
    },
  });
  let login: Promise<void> | null = null;

  /** The account's DID, once there is a session (a cached one, or a new login). */
  async function session(): Promise<{ did: string; fromCache: boolean }> {
    if (agent.session) return { did: agent.session.did, fromCache: false };
    const cached = options.sessions?.get(cacheKey);
    if (cached) {
      agent.sessionManager.session = cached.session;
      if (cached.pdsUrl) agent.sessionManager.pdsUrl = new URL(cached.pdsUrl);
      return { did: cached.session.did, fromCache: true };
    }
    login ??= agent.login({ identifier: credentials.identifier, password: credentials.secret }).then(
      () => undefined,
      (err: unknown) => {
        login = null;
        throw err;
      },
    );
    await login;
    return { did: agent.session!.did, fromCache: false };
  }

  /**
   * Runs an operation with a session, mapping every failure. A cached session another process may have
   * rotated away is tried once, then replaced by a fresh login — operations here are safe to repeat.
   */
  async function call<T>(op: (did: string) => Promise<T>): Promise<T> {
    try {
      const { did, fromCache } = await session();
      try {
        return await op(did);
      } catch (err) {
        if (!fromCache || !(toConnectorError(err) instanceof AuthExpired)) throw err;
        options.sessions?.delete(cacheKey);
        agent.sessionManager.session = undefined;
        const fresh = await session();
        return await op(fresh.did);
      }
    } catch (err) {
      throw toConnectorError(err);
    }
  }

  async function getPost(
    repo: string,
    rkey: string,
  ): Promise<{ uri: string; cid: string; value: PostRecord } | null> {
    try {
      const res = await agent.com.atproto.repo.getRecord({ repo, collection: POST_COLLECTION, rkey });
      return { uri: res.data.uri, cid: res.data.cid ?? '', value: res.data.value as PostRecord };
    } catch (err) {
      if (isRecordNotFound(err)) return null;
      throw err;
    }
  }

  function published(did: string, rkey: string, record: PostRecord, fallback: Date): PublishedPost {
    const at = record.createdAt ? new Date(record.createdAt) : fallback;
    return {
      id: postUri(did, rkey),
      url: webUrl(agent.session?.handle ?? did, rkey),
      publishedAt: Number.isNaN(at.getTime()) ? fallback : at,
    };
  }

  /** A reply names the thread's root and the post it answers; the root comes from the parent's record. */
  async function replyRef(replyToId: string): Promise<AppBskyFeedPost.ReplyRef> {
    const uri = parsePostUri(replyToId);
    const parent = uri ? await getPost(uri.host, uri.rkey) : null;
    if (!parent) throw new Rejected('the post to reply to does not exist');
    const parentRef = { uri: parent.uri, cid: parent.cid };
    return { root: parent.value.reply?.root ?? parentRef, parent: parentRef };
  }

  async function images(req: PublishRequest): Promise<$Typed<AppBskyEmbedImages.Main> | undefined> {
    if (req.media.length === 0) return undefined;
    const list: AppBskyEmbedImages.Image[] = [];
    for (const media of req.media) {
      const res = await agent.uploadBlob(media.data, { encoding: media.mimeType });
      list.push({ image: res.data.blob, alt: media.altText });
    }
    return { $type: 'app.bsky.embed.images', images: list };
  }

  async function publish(did: string, req: PublishRequest): Promise<PublishedPost> {
    const rkey = rkeyFromIdempotencyKey(req.idempotencyKey);
    const earlier = await getPost(did, rkey);
    if (earlier) return published(did, rkey, earlier.value, new Date());
    const rt = new RichText({ text: req.text });
    await rt.detectFacets(agent);
    // A mention of a handle that does not resolve keeps an empty DID, which no PDS accepts: it stays text.
    const facets = rt.facets?.filter((f) =>
      f.features.every((feature) => !AppBskyRichtextFacet.isMention(feature) || feature.did !== ''),
    );
    const createdAt = new Date();
    const record: AppBskyFeedPost.Record = {
      $type: POST_COLLECTION,
      text: rt.text,
      createdAt: createdAt.toISOString(),
      ...(facets && facets.length > 0 ? { facets } : {}),
      ...(req.replyToId ? { reply: await replyRef(req.replyToId) } : {}),
    };
    const embed = await images(req);
    if (embed) record.embed = embed;
    try {
      await agent.com.atproto.repo.createRecord({ repo: did, collection: POST_COLLECTION, rkey, record });
    } catch (err) {
      // A second attempt racing the first (or one whose answer was lost) finds the record taken: it is the post.
      const mapped = toConnectorError(err);
      if (mapped instanceof Rejected || mapped instanceof AuthExpired) throw err;
      const existing = await getPost(did, rkey).catch(() => null);
      if (existing) return published(did, rkey, existing.value, createdAt);
      throw err;
    }
    return published(did, rkey, record, createdAt);
  }

  async function profileName(did: string): Promise<string | null> {
    try {
      const res = await agent.com.atproto.repo.getRecord({
        repo: did,
        collection: 'app.bsky.actor.profile',
        rkey: 'self',
      });
      const name = (res.data.value as { displayName?: unknown }).displayName;
      return typeof name === 'string' && name !== '' ? name : null;
    } catch (err) {
      if (isRecordNotFound(err)) return null;
      throw err;
    }
  }

  async function inbound(
    since: string | null,
    limit: number,
  ): Promise<{ items: InboundItem[]; cursor: string | null }> {
    // The AppView lists notifications newest first and pages backwards: read until the cursor is reached.
    type Notification = Awaited<
      ReturnType<typeof agent.app.bsky.notification.listNotifications>
    >['data']['notifications'][number];
    const fresh: Notification[] = [];
    let page: string | undefined;
    for (let i = 0; i < MAX_NOTIFICATION_PAGES; i++) {
      const res = await agent.app.bsky.notification.listNotifications({
        limit: since === null ? Math.min(limit, 100) : NOTIFICATION_PAGE,
        reasons: [...INBOUND_REASONS],
        ...(page ? { cursor: page } : {}),
      });
      const newer = res.data.notifications.filter((n) => since === null || notificationKey(n) > since);
      fresh.push(...newer);
      page = res.data.cursor;
      if (since === null || newer.length < res.data.notifications.length || !page) break;
    }
    // Oldest first, and only `limit` of them: the cursor then points at the last one returned. A backlog
    // beyond MAX_NOTIFICATION_PAGES loses its oldest part — a gap taken knowingly over an unbounded read.
    fresh.sort((a, b) => (notificationKey(a) < notificationKey(b) ? -1 : 1));
    const taken = fresh.slice(0, limit);
    const items = taken.map(toInboundItem).filter((i) => i !== null);
    const last = taken.at(-1);
    return { items, cursor: last ? notificationKey(last) : since };
  }

  /** Like the notifications: the AppView answers newest first, so page back until the cursor is reached. */
  async function search(query: NetworkSearchQuery, since: string | null, limit: number): Promise<SearchPage> {
    type View = Awaited<ReturnType<typeof agent.app.bsky.feed.searchPosts>>['data']['posts'][number];
    const fresh: View[] = [];
    let page: string | undefined;
    for (let i = 0; i < MAX_NOTIFICATION_PAGES; i++) {
      const res = await agent.app.bsky.feed.searchPosts({
        q: blueskySearchQ(query),
        sort: 'latest',
        limit: since === null ? limit : NOTIFICATION_PAGE,
        ...(query.language ? { lang: query.language } : {}),
        ...(page ? { cursor: page } : {}),
      });
      const newer = res.data.posts.filter((p) => since === null || postKey(p) > since);
      fresh.push(...newer);
      page = res.data.cursor;
      if (since === null || newer.length < res.data.posts.length || !page) break;
    }
    fresh.sort((a, b) => (postKey(a) < postKey(b) ? -1 : 1));
    const taken = since === null ? fresh.slice(-limit) : fresh.slice(0, limit);
    const last = taken.at(-1);
    return { items: taken.map(toFoundPost), cursor: last ? postKey(last) : since };
  }

  return {
    network: 'bluesky',
    capabilities: BLUESKY_CAPABILITIES,

    verify: () =>
      call(async (did): Promise<Account> => {
        // Asked of the PDS, not read from the session: a cached session must prove it still works.
        const { handle } = (await agent.com.atproto.server.getSession()).data;
        return {
          id: did,
          handle,
          displayName: (await profileName(did)) ?? handle,
          url: `https://bsky.app/profile/${handle}`,
          tokenExpiresAt: null,
        };
      }),

    publish: async (req) => {
      // Checked before anything is uploaded: a post that cannot go out must not half go out.
      const problem = checkPost(req, BLUESKY_CAPABILITIES);
      if (problem) throw new Rejected(problem);
      return call((did) => publish(did, req));
    },

    delete: (postId) =>
      call(async (did) => {
        const uri = parsePostUri(postId);
        if (!uri) return;
        if (uri.host !== did) throw new Rejected('the post belongs to another account');
        await agent.com.atproto.repo.deleteRecord({ repo: did, collection: POST_COLLECTION, rkey: uri.rkey });
      }),

    fetchMetrics: (postId) =>
      call(async () => {
        if (!parsePostUri(postId)) throw new Rejected('not a Bluesky post');
        const res = await agent.app.bsky.feed.getPosts({ uris: [postId] });
        const view = res.data.posts[0];
        if (!view) throw new Rejected('the post does not exist');
        return toMetrics(view);
      }),

    fetchInbound: (since, limit) => call(() => inbound(since, Math.min(Math.max(1, limit), 100))),

    findByIdempotencyKey: (key) =>
      call(async (did) => {
        const rkey = rkeyFromIdempotencyKey(key);
        const record = await getPost(did, rkey);
        return record ? published(did, rkey, record.value, new Date()) : null;
      }),

    search: (query, since, limit) => call(() => search(query, since, Math.min(Math.max(1, limit), 100))),
  };
}
