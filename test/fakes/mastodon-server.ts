import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { countableText, countGraphemes } from '../../src/connectors/text-length.ts';

/**
 * A local Mastodon for the connector's tests: the parts of the REST API (4.x, as described in
 * ../shared/reference/mastodon-openapi.json) a channel uses — verify_credentials, statuses with
 * Idempotency-Key, media v2 with asynchronous processing, notifications with since_id/min_id/max_id and
 * a Link header — with bearer tokens, per-token rate limits announced in X-RateLimit-* headers, and
 * fault injection (429, 500, 503, hanging answers, dropped connections, lost answers) that tests drive
 * exactly with a queue or a seeded random function.
 */

export type MastodonFault =
  /** 429 with Retry-After, nothing done. */
  | 'rate_limit'
  /** 500, nothing done. */
  | 'server_error'
  /** 503, nothing done. */
  | 'unavailable'
  /** No answer at all; the connection stays open until the client gives up. */
  | 'hang'
  /** The connection is closed before anything is done. */
  | 'drop'
  /** The request is carried out, then the connection is closed instead of answering. */
  | 'lost_response';

export const MASTODON_FAULTS: readonly MastodonFault[] = [
  'rate_limit',
  'server_error',
  'unavailable',
  'hang',
  'drop',
  'lost_response',
];

export interface FakeAccount {
  id: string;
  username: string;
  displayName: string;
  token: string;
}

export interface FakeMedia {
  id: string;
  accountId: string;
  filename: string;
  mimeType: string;
  size: number;
  description: string | null;
  /** GETs of /api/v1/media/:id still answered with 206 before the file counts as processed. */
  pendingPolls: number;
  statusId: string | null;
}

export interface FakeStatus {
  id: string;
  accountId: string;
  text: string;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  mediaIds: string[];
  mentionIds: string[];
  createdAt: Date;
  deletedAt: Date | null;
  favourites: number;
  reblogs: number;
  replies: number;
  /** ISO 639-1, as the author's client set it. */
  language: string;
}

export interface FakeNotification {
  id: string;
  type: 'mention' | 'favourite' | 'reblog';
  accountId: string;
  fromAccountId: string;
  statusId: string;
  createdAt: Date;
}

export interface FakeMastodonOptions {
  maxChars?: number;
  /** Requests per token and window (Mastodon: 300 per 5 minutes). */
  rateLimit?: number;
  rateLimitWindowSeconds?: number;
  /** 0: images are processed at once (200); n: 202 first, then n polls answered with 206. */
  mediaPendingPolls?: number;
  faultRate?: number;
  faultKinds?: readonly MastodonFault[];
  random?: () => number;
  /** Seconds announced in Retry-After by an injected 429. */
  injectedRetryAfterSeconds?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  fault: MastodonFault | null;
}

export interface FakeMastodon {
  url: string;
  host: string;
  createAccount(username: string, displayName?: string): FakeAccount;
  /** `from` posts a status naming `to` (a mention notification for `to`). */
  mention(
    from: FakeAccount,
    to: FakeAccount,
    text: string,
    opts?: { inReplyToId?: string; visibility?: FakeStatus['visibility'] },
  ): FakeStatus;
  /** `from` posts a public status (what listening finds by search). */
  post(from: FakeAccount, text: string, opts?: { language?: string }): FakeStatus;
  /** Other accounts favourite, boost and reply to a status (replies notify its author). */
  engage(statusId: string, e: { favourites?: number; reblogs?: number; replies?: number }): void;
  statuses(accountId?: string): FakeStatus[];
  status(id: string): FakeStatus | undefined;
  media(id: string): FakeMedia | undefined;
  requests: RecordedRequest[];
  /** The token's rate limit is used up until the window ends. */
  exhaustRateLimit(token: string): void;
  failNext(...faults: MastodonFault[]): void;
  setFaults(rate: number, kinds?: readonly MastodonFault[], random?: () => number): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
const MAX_BODY_BYTES = 20 * 1024 * 1024;

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export async function startFakeMastodon(options: FakeMastodonOptions = {}): Promise<FakeMastodon> {
  const maxChars = options.maxChars ?? 500;
  const rateLimit = options.rateLimit ?? 300;
  const windowMs = (options.rateLimitWindowSeconds ?? 300) * 1000;
  const retryAfter = options.injectedRetryAfterSeconds ?? 7;
  let faultRate = options.faultRate ?? 0;
  let faultKinds = options.faultKinds ?? MASTODON_FAULTS;
  let random = options.random ?? Math.random;
  const queuedFaults: MastodonFault[] = [];

  const accounts = new Map<string, FakeAccount>();
  const byToken = new Map<string, FakeAccount>();
  const statuses = new Map<string, FakeStatus>();
  const media = new Map<string, FakeMedia>();
  const notifications: FakeNotification[] = [];
  const idempotency = new Map<string, string>();
  const buckets = new Map<string, { remaining: number; resetAt: number }>();
  const requests: RecordedRequest[] = [];
  let nextId = 110_000_000_000_000_000n;
  const newId = () => String(nextId++);
  let fanCount = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: `fake server error: ${String(err)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const host = new URL(base).host;

  function bucketOf(key: string): { remaining: number; resetAt: number } {
    const now = Date.now();
    let b = buckets.get(key);
    if (!b || b.resetAt <= now) {
      b = { remaining: rateLimit, resetAt: now + windowMs };
      buckets.set(key, b);
    }
    return b;
  }

  function rateHeaders(key: string): Record<string, string> {
    const b = bucketOf(key);
    return {
      'x-ratelimit-limit': String(rateLimit),
      'x-ratelimit-remaining': String(Math.max(0, b.remaining)),
      'x-ratelimit-reset': new Date(b.resetAt).toISOString(),
    };
  }

  function sendJson(
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      ...headers,
    });
    res.end(payload);
  }

  function renderAccount(a: FakeAccount) {
    return {
      id: a.id,
      username: a.username,
      acct: a.username,
      display_name: a.displayName,
      locked: false,
      bot: false,
      discoverable: true,
      indexable: true,
      group: false,
      created_at: '2024-01-01T00:00:00.000Z',
      note: '',
      url: `${base}/@${a.username}`,
      uri: `${base}/users/${a.username}`,
      avatar: `${base}/avatars/original/missing.png`,
      avatar_static: `${base}/avatars/original/missing.png`,
      header: `${base}/headers/original/missing.png`,
      header_static: `${base}/headers/original/missing.png`,
      followers_count: 0,
      following_count: 0,
      statuses_count: [...statuses.values()].filter((s) => s.accountId === a.id && !s.deletedAt).length,
      last_status_at: null,
      emojis: [],
      fields: [],
    };
  }

  function renderMedia(m: FakeMedia) {
    const processed = m.pendingPolls <= 0;
    return {
      id: m.id,
      type: 'image',
      url: processed ? `${base}/system/media/${m.id}/original/${encodeURIComponent(m.filename)}` : null,
      preview_url: `${base}/system/media/${m.id}/small/${encodeURIComponent(m.filename)}`,
      remote_url: null,
      text_url: null,
      meta: { original: { width: 1, height: 1, size: '1x1', aspect: 1 } },
      description: m.description,
      blurhash: null,
    };
  }

  /** Mastodon's HTML: paragraphs, line breaks, linked URLs (with their invisible parts) and h-card mentions. */
  function renderContent(text: string): string {
    const paragraphs = text.split(/\n{2,}/).map((p) =>
      escapeHtml(p)
        .replace(/https?:\/\/[^\s<]+/g, (url) => {
          const m = /^(https?:\/\/(?:www\.)?)(.*)$/.exec(url)!;
          return `<a href="${url}" target="_blank" rel="nofollow noopener noreferrer" translate="no"><span class="invisible">${m[1]}</span><span class="">${m[2]}</span><span class="invisible"></span></a>`;
        })
        .replace(/(^|\s)@([a-z0-9_]+)/gi, (all, before: string, user: string) => {
          const a = [...accounts.values()].find((x) => x.username.toLowerCase() === user.toLowerCase());
          if (!a) return all;
          return `${before}<span class="h-card" translate="no"><a href="${base}/@${a.username}" class="u-url mention">@<span>${a.username}</span></a></span>`;
        })
        .replace(/\n/g, '<br />'),
    );
    return paragraphs.map((p) => `<p>${p}</p>`).join('');
  }

  function renderStatus(s: FakeStatus, withSource = false) {
    const author = accounts.get(s.accountId)!;
    return {
      id: s.id,
      uri: `${base}/users/${author.username}/statuses/${s.id}`,
      url: `${base}/@${author.username}/${s.id}`,
      created_at: s.createdAt.toISOString(),
      account: renderAccount(author),
      content: renderContent(s.text),
      ...(withSource ? { text: s.text } : {}),
      visibility: s.visibility,
      sensitive: false,
      spoiler_text: '',
      media_attachments: s.mediaIds.map((id) => renderMedia(media.get(id)!)),
      application: { name: 'Chorus', website: null },
      mentions: s.mentionIds.map((id) => {
        const a = accounts.get(id)!;
        return { id: a.id, username: a.username, acct: a.username, url: `${base}/@${a.username}` };
      }),
      tags: [],
      emojis: [],
      reblogs_count: s.reblogs,
      favourites_count: s.favourites,
      replies_count: s.replies,
      quotes_count: 0,
      edited_at: null,
      in_reply_to_id: s.inReplyToId,
      in_reply_to_account_id: s.inReplyToAccountId,
      reblog: null,
      poll: null,
      card: null,
      language: s.language,
      favourited: false,
      reblogged: false,
      muted: false,
      bookmarked: false,
      pinned: false,
    };
  }

  function createStatus(
    author: FakeAccount,
    input: {
      text: string;
      visibility: FakeStatus['visibility'];
      inReplyToId: string | null;
      mediaIds: string[];
      language?: string;
    },
  ): FakeStatus {
    let parent: FakeStatus | undefined;
    if (input.inReplyToId) {
      parent = statuses.get(input.inReplyToId);
      if (!parent || parent.deletedAt) {
        throw new HttpError(404, 'The post you are trying to reply to does not appear to exist.');
      }
    }
    const mentionIds = [...input.text.matchAll(/(?:^|\s)@([a-z0-9_]+)/gi)]
      .map((m) => [...accounts.values()].find((a) => a.username.toLowerCase() === m[1]!.toLowerCase()))
      .filter((a): a is FakeAccount => a !== undefined && a.id !== author.id)
      .map((a) => a.id);
    const status: FakeStatus = {
      id: newId(),
      accountId: author.id,
      text: input.text,
      visibility: input.visibility,
      inReplyToId: parent?.id ?? null,
      inReplyToAccountId: parent?.accountId ?? null,
      mediaIds: input.mediaIds,
      mentionIds: [...new Set(mentionIds)],
      createdAt: new Date(),
      deletedAt: null,
      favourites: 0,
      reblogs: 0,
      replies: 0,
      language: input.language ?? 'de',
    };
    statuses.set(status.id, status);
    for (const id of input.mediaIds) media.get(id)!.statusId = status.id;
    if (parent) parent.replies++;
    for (const accountId of status.mentionIds) {
      notifications.push({
        id: newId(),
        type: 'mention',
        accountId,
        fromAccountId: author.id,
        statusId: status.id,
        createdAt: new Date(),
      });
    }
    return status;
  }

  async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request entity too large');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  /** The request's parameters, whichever of JSON, form or multipart the client sent. */
  async function readParams(req: http.IncomingMessage): Promise<FormData | Record<string, unknown>> {
    const body = await readBody(req);
    const type = req.headers['content-type'] ?? '';
    if (body.length === 0) return {};
    if (type.startsWith('application/json'))
      return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const request = new Request(base, {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(body),
    });
    return request.formData();
  }

  function param(params: FormData | Record<string, unknown>, name: string): unknown {
    if (params instanceof FormData) {
      const all = params.getAll(`${name}[]`);
      if (all.length > 0) return all;
      return params.get(name) ?? undefined;
    }
    return params[name];
  }

  function chooseFault(): MastodonFault | null {
    const next = queuedFaults.shift();
    if (next) return next;
    if (faultRate <= 0 || random() >= faultRate) return null;
    return faultKinds[Math.min(faultKinds.length - 1, Math.floor(random() * faultKinds.length))] ?? null;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const fault = chooseFault();
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      headers: req.headers,
      fault,
    });
    if (fault === 'hang') return;
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const rateKey = token ?? `ip:${req.socket.remoteAddress}`;
    if (fault === 'rate_limit') {
      sendJson(
        res,
        429,
        { error: 'Too many requests' },
        { ...rateHeaders(rateKey), 'x-ratelimit-remaining': '0', 'retry-after': String(retryAfter) },
      );
      return;
    }
    if (fault === 'server_error') {
      sendJson(res, 500, { error: 'Something went wrong on our end' }, rateHeaders(rateKey));
      return;
    }
    if (fault === 'unavailable') {
      sendJson(res, 503, { error: 'Remote data could not be fetched' }, rateHeaders(rateKey));
      return;
    }
    const bucket = bucketOf(rateKey);
    if (bucket.remaining <= 0) {
      const wait = Math.max(1, Math.ceil((bucket.resetAt - Date.now()) / 1000));
      sendJson(
        res,
        429,
        { error: 'Too many requests' },
        { ...rateHeaders(rateKey), 'retry-after': String(wait) },
      );
      return;
    }
    bucket.remaining--;
    let status = 200;
    let body: unknown;
    const extra: Record<string, string> = {};
    try {
      const account = token ? byToken.get(token) : undefined;
      if (!account) throw new HttpError(401, 'The access token is invalid');
      ({ status, body } = await route(req, url, account, extra));
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      status = err.status;
      body = { error: err.message };
    }
    if (fault === 'lost_response') {
      req.socket.destroy();
      return;
    }
    sendJson(res, status, body, { ...rateHeaders(rateKey), ...extra });
  }

  async function route(
    req: http.IncomingMessage,
    url: URL,
    me: FakeAccount,
    extra: Record<string, string>,
  ): Promise<{ status: number; body: unknown }> {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') {
      return {
        status: 200,
        body: {
          ...renderAccount(me),
          source: { privacy: 'public', sensitive: false, language: 'de', note: '', fields: [] },
        },
      };
    }
    if (method === 'POST' && path === '/api/v1/statuses') {
      const key = req.headers['idempotency-key'];
      const params = await readParams(req);
      if (typeof key === 'string' && key !== '') {
        const earlier = idempotency.get(`${me.token}\n${key}`);
        if (earlier) return { status: 200, body: renderStatus(statuses.get(earlier)!) };
      }
      const text = String(param(params, 'status') ?? '');
      const rawIds = param(params, 'media_ids');
      const mediaIds = (Array.isArray(rawIds) ? rawIds : rawIds === undefined ? [] : [rawIds]).map(String);
      const visibility = String(param(params, 'visibility') ?? 'public') as FakeStatus['visibility'];
      const inReply = param(params, 'in_reply_to_id');
      if (text.trim() === '' && mediaIds.length === 0)
        throw new HttpError(422, "Validation failed: Text can't be blank");
      const length = countGraphemes(countableText(text, 23, true));
      if (length > maxChars)
        throw new HttpError(422, `Validation failed: Text character limit of ${maxChars} exceeded`);
      if (mediaIds.length > 4) throw new HttpError(422, 'Validation failed: You can attach at most 4 files');
      for (const id of mediaIds) {
        const m = media.get(id);
        if (!m || m.accountId !== me.id || m.statusId)
          throw new HttpError(422, 'Validation failed: Media attachments are invalid');
        if (m.pendingPolls > 0)
          throw new HttpError(
            422,
            'Cannot attach files that have not finished processing. Try again in a moment!',
          );
      }
      if (!['public', 'unlisted', 'private', 'direct'].includes(visibility)) {
        throw new HttpError(422, 'Validation failed: Visibility is not included in the list');
      }
      const status = createStatus(me, {
        text,
        visibility,
        inReplyToId: inReply === undefined || inReply === null || inReply === '' ? null : String(inReply),
        mediaIds,
      });
      if (typeof key === 'string' && key !== '') idempotency.set(`${me.token}\n${key}`, status.id);
      return { status: 200, body: renderStatus(status) };
    }
    const statusPath = /^\/api\/v1\/statuses\/([^/]+)$/.exec(path);
    if (statusPath) {
      const s = statuses.get(statusPath[1]!);
      if (
        !s ||
        s.deletedAt ||
        (s.visibility === 'direct' && s.accountId !== me.id && !s.mentionIds.includes(me.id))
      ) {
        throw new HttpError(404, 'Record not found');
      }
      if (method === 'GET') return { status: 200, body: renderStatus(s) };
      if (method === 'DELETE') {
        if (s.accountId !== me.id) throw new HttpError(404, 'Record not found');
        s.deletedAt = new Date();
        if (s.inReplyToId) {
          const parent = statuses.get(s.inReplyToId);
          if (parent) parent.replies--;
        }
        return { status: 200, body: renderStatus(s, true) };
      }
    }
    if (method === 'POST' && path === '/api/v2/media') {
      const params = await readParams(req);
      const file = param(params, 'file');
      if (!(file instanceof Blob)) throw new HttpError(422, "Validation failed: File can't be blank");
      const description = param(params, 'description');
      const mimeType = file.type.split(';')[0]!.trim();
      if (!IMAGE_TYPES.includes(mimeType)) {
        throw new HttpError(422, 'Validation failed: File content type is invalid, File is invalid');
      }
      if (file.size > MAX_IMAGE_BYTES)
        throw new HttpError(422, 'Validation failed: File file size must be less than 16 MB');
      if (typeof description === 'string' && countGraphemes(description) > 1500) {
        throw new HttpError(422, 'Validation failed: Description is too long (maximum is 1500 characters)');
      }
      const m: FakeMedia = {
        id: newId(),
        accountId: me.id,
        filename: file instanceof File ? file.name : 'file',
        mimeType,
        size: file.size,
        description: typeof description === 'string' ? description : null,
        pendingPolls: options.mediaPendingPolls ?? 0,
        statusId: null,
      };
      media.set(m.id, m);
      return { status: m.pendingPolls > 0 ? 202 : 200, body: renderMedia(m) };
    }
    const mediaPath = /^\/api\/v1\/media\/([^/]+)$/.exec(path);
    if (method === 'GET' && mediaPath) {
      const m = media.get(mediaPath[1]!);
      if (!m || m.accountId !== me.id) throw new HttpError(404, 'Record not found');
      if (m.pendingPolls > 0) {
        m.pendingPolls--;
        return { status: 206, body: renderMedia({ ...m, pendingPolls: 1 }) };
      }
      return { status: 200, body: renderMedia(m) };
    }
    if (method === 'GET' && (path === '/api/v2/search' || path.startsWith('/api/v1/timelines/tag/'))) {
      return { status: 200, body: searchStatuses(url) };
    }
    if (method === 'GET' && path === '/api/v1/notifications') {
      const q = url.searchParams;
      const types = [...q.getAll('types[]'), ...q.getAll('types')];
      const exclude = [...q.getAll('exclude_types[]'), ...q.getAll('exclude_types')];
      const limit = Math.min(80, Math.max(1, Number(q.get('limit') ?? 40) || 40));
      const big = (v: string | null) => (v && /^\d+$/.test(v) ? BigInt(v) : null);
      const maxId = big(q.get('max_id'));
      const sinceId = big(q.get('since_id'));
      const minId = big(q.get('min_id'));
      let list = notifications.filter(
        (n) =>
          n.accountId === me.id &&
          (types.length === 0 || types.includes(n.type)) &&
          !exclude.includes(n.type) &&
          !statuses.get(n.statusId)?.deletedAt &&
          (maxId === null || BigInt(n.id) < maxId) &&
          (sinceId === null || BigInt(n.id) > sinceId) &&
          (minId === null || BigInt(n.id) > minId),
      );
      // min_id pages forward from the cursor (the oldest newer ones); otherwise the newest come first.
      list.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1));
      list = minId !== null ? list.slice(-limit) : list.slice(0, limit);
      if (list.length > 0) {
        const here = `${base}/api/v1/notifications`;
        extra.link = `<${here}?max_id=${list.at(-1)!.id}>; rel="next", <${here}?min_id=${list[0]!.id}>; rel="prev"`;
      }
      return {
        status: 200,
        body: list.map((n) => ({
          id: n.id,
          type: n.type,
          created_at: n.createdAt.toISOString(),
          group_key: `ungrouped-${n.id}`,
          account: renderAccount(accounts.get(n.fromAccountId)!),
          status: renderStatus(statuses.get(n.statusId)!),
        })),
      };
    }
    throw new HttpError(404, 'Record not found');
  }

  /**
   * Full-text search over public statuses (what an instance with Elasticsearch answers: every term,
   * `"phrases"`, `#tags`, and the operators `from:` and `language:`), or a hashtag's timeline; paged
   * with max_id / since_id / min_id like every Mastodon list.
   */
  function searchStatuses(url: URL): unknown {
    const q = url.searchParams;
    const limit = Math.min(40, Math.max(1, Number(q.get('limit') ?? 20) || 20));
    const big = (v: string | null) => (v && /^\d+$/.test(v) ? BigInt(v) : null);
    const maxId = big(q.get('max_id'));
    const sinceId = big(q.get('since_id'));
    const minId = big(q.get('min_id'));
    const tagPath = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
    const needles: string[] = [];
    let from: string | null = null;
    let language: string | null = null;
    if (tagPath) {
      needles.push(`#${decodeURIComponent(tagPath[1]!)}`);
    } else {
      if (q.get('type') !== 'statuses') throw new HttpError(422, 'this fake searches statuses only');
      for (const m of (q.get('q') ?? '').matchAll(/"([^"]*)"|(\S+)/g)) {
        const term = m[1] ?? m[2]!;
        if (m[2]?.startsWith('from:')) from = m[2].slice(5).toLowerCase();
        else if (m[2]?.startsWith('language:')) language = m[2].slice(9);
        else if (term.trim()) needles.push(term);
      }
    }
    let list = [...statuses.values()].filter((s) => {
      const text = s.text.toLowerCase();
      return (
        s.visibility === 'public' &&
        !s.deletedAt &&
        needles.every((n) => text.includes(n.toLowerCase())) &&
        (from === null || accounts.get(s.accountId)!.username.toLowerCase() === from) &&
        (language === null || s.language === language) &&
        (maxId === null || BigInt(s.id) < maxId) &&
        (sinceId === null || BigInt(s.id) > sinceId) &&
        (minId === null || BigInt(s.id) > minId)
      );
    });
    list.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? 1 : -1));
    list = minId !== null ? list.slice(-limit) : list.slice(0, limit);
    const rendered = list.map((s) => renderStatus(s));
    return tagPath ? rendered : { accounts: [], statuses: rendered, hashtags: [] };
  }

  function createAccount(username: string, displayName = username): FakeAccount {
    const account: FakeAccount = {
      id: newId(),
      username,
      displayName,
      token: `tok_${username}_${Math.random().toString(36).slice(2)}`,
    };
    accounts.set(account.id, account);
    byToken.set(account.token, account);
    return account;
  }

  function fan(): FakeAccount {
    fanCount++;
    return createAccount(`fan${fanCount}`, `Fan ${fanCount}`);
  }

  return {
    url: base,
    host,
    createAccount,
    mention(from, to, text, opts = {}) {
      const body = text.includes(`@${to.username}`) ? text : `@${to.username} ${text}`;
      return createStatus(from, {
        text: body,
        visibility: opts.visibility ?? 'public',
        inReplyToId: opts.inReplyToId ?? null,
        mediaIds: [],
      });
    },
    post(from, text, opts = {}) {
      return createStatus(from, {
        text,
        visibility: 'public',
        inReplyToId: null,
        mediaIds: [],
        ...(opts.language ? { language: opts.language } : {}),
      });
    },
    engage(statusId, e) {
      const s = statuses.get(statusId);
      if (!s) throw new Error(`no status ${statusId}`);
      for (let i = 0; i < (e.favourites ?? 0); i++) {
        s.favourites++;
        notifications.push({
          id: newId(),
          type: 'favourite',
          accountId: s.accountId,
          fromAccountId: fan().id,
          statusId,
          createdAt: new Date(),
        });
      }
      for (let i = 0; i < (e.reblogs ?? 0); i++) {
        s.reblogs++;
        notifications.push({
          id: newId(),
          type: 'reblog',
          accountId: s.accountId,
          fromAccountId: fan().id,
          statusId,
          createdAt: new Date(),
        });
      }
      const author = accounts.get(s.accountId)!;
      for (let i = 0; i < (e.replies ?? 0); i++) {
        createStatus(fan(), {
          text: `@${author.username} Toll!`,
          visibility: 'public',
          inReplyToId: statusId,
          mediaIds: [],
        });
      }
    },
    statuses: (accountId) =>
      [...statuses.values()].filter((s) => accountId === undefined || s.accountId === accountId),
    status: (id) => statuses.get(id),
    media: (id) => media.get(id),
    requests,
    exhaustRateLimit(token) {
      bucketOf(token).remaining = 0;
    },
    failNext(...faults) {
      queuedFaults.push(...faults);
    },
    setFaults(rate, kinds = MASTODON_FAULTS, rnd = random) {
      faultRate = rate;
      faultKinds = kinds;
      random = rnd;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
