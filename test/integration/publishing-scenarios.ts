import { eq } from 'drizzle-orm';
import { postTargets } from '../../src/platform/db/schema/publishing.ts';
import type { Session, TestApp } from '../app.ts';

export interface Call {
  method: 'POST' | 'PATCH' | 'DELETE' | 'PUT' | 'GET';
  url: string;
  headers?: Record<string, string>;
  payload?: object | string | Buffer;
  /** When success is not a 2xx (a redirect back to the web app). */
  status?: number;
  /** Reads what later scenarios need from the answer. */
  after?: (body: Record<string, unknown>) => void;
}

/** The smallest PNG there is: one transparent pixel. */
export const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export function multipartImage(file: Buffer, altText: string): { body: Buffer; contentType: string } {
  const boundary = `----chorus${Date.now()}`;
  const body = [
    `--${boundary}\r\nContent-Disposition: form-data; name="altText"\r\n\r\n${altText}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pixel.png"\r\nContent-Type: image/png\r\n\r\n`,
  ].join('');
  return {
    body: Buffer.concat([Buffer.from(body, 'utf8'), file, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The write routes of channels and publishing, in an order where each finds what it needs. */
export function publishingScenarios(
  get: () => { t: TestApp; admin: Session },
): Record<string, () => Promise<Call>> {
  const st: Record<string, string> = {};
  // Signed in when needed: an earlier scenario changes the manager's password, which ends their sessions.
  const manager = () => get().t.signIn(get().t.emailOf('manager'));
  const stamp = Date.now() % 1_000_000;
  const newPost = async (text: string) => {
    const { t, admin } = get();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/posts',
      headers: admin.headers,
      payload: { baseText: text, targets: [{ channelId: st.channelId }] },
    });
    return res.json() as { id: string; targets: { id: string }[] };
  };
  return {
    'POST /api/v1/channels/sandbox': async () => ({
      method: 'POST',
      url: '/api/v1/channels/sandbox',
      headers: get().admin.headers,
      payload: { ownership: 'company', name: 'Audit-Kanal', handle: `audit_${stamp}` },
      after: (b) => {
        st.channelId = b.id as string;
        st.accountId = (b.account as { id: string }).id;
      },
    }),
    'POST /api/v1/channels': async () => {
      const { t, admin } = get();
      const { token } = await t.ctx.sandbox.createAccount(t.orgs.demo, {
        handle: `zweit_${stamp}`,
        displayName: 'Zweitkonto',
      });
      return {
        method: 'POST',
        url: '/api/v1/channels',
        headers: admin.headers,
        payload: { network: 'sandbox', ownership: 'company', credentials: { identifier: token } },
        after: (b) => {
          st.secondChannelId = b.id as string;
        },
      };
    },
    'PATCH /api/v1/channels/:id': async () => ({
      method: 'PATCH',
      url: `/api/v1/channels/${st.channelId}`,
      headers: get().admin.headers,
      payload: { name: 'Audit-Kanal (umbenannt)', plan: [{ weekday: 1, time: '09:00' }] },
    }),
    'POST /api/v1/channels/:id/check': async () => ({
      method: 'POST',
      url: `/api/v1/channels/${st.channelId}/check`,
      headers: get().admin.headers,
    }),
    'PATCH /api/v1/sandbox/accounts/:id': async () => ({
      method: 'PATCH',
      url: `/api/v1/sandbox/accounts/${st.accountId}`,
      headers: get().admin.headers,
      payload: { latencyMs: 0 },
    }),
    'POST /api/v1/sandbox/accounts/:id/mentions': async () => ({
      method: 'POST',
      url: `/api/v1/sandbox/accounts/${st.accountId}/mentions`,
      headers: get().admin.headers,
      payload: { text: 'Wann öffnet die Filiale?' },
      after: (b) => {
        st.sandboxPostId = b.id as string;
      },
    }),
    'POST /api/v1/sandbox/posts/:id/engage': async () => ({
      method: 'POST',
      url: `/api/v1/sandbox/posts/${st.sandboxPostId}/engage`,
      headers: get().admin.headers,
      payload: { likes: 3 },
    }),
    'POST /api/v1/campaigns': async () => ({
      method: 'POST',
      url: '/api/v1/campaigns',
      headers: get().admin.headers,
      payload: { name: `Audit ${stamp}` },
      after: (b) => {
        st.campaignId = b.id as string;
      },
    }),
    'PATCH /api/v1/campaigns/:id': async () => ({
      method: 'PATCH',
      url: `/api/v1/campaigns/${st.campaignId}`,
      headers: get().admin.headers,
      payload: { name: `Audit ${stamp} (2)`, archived: true },
    }),
    'POST /api/v1/workflows': async () => ({
      method: 'POST',
      url: '/api/v1/workflows',
      headers: get().admin.headers,
      payload: { name: 'Audit', channelId: st.channelId, steps: [{ roles: ['manager'], count: 1 }] },
      after: (b) => {
        st.workflowId = b.id as string;
      },
    }),
    'PATCH /api/v1/workflows/:id': async () => ({
      method: 'PATCH',
      url: `/api/v1/workflows/${st.workflowId}`,
      headers: get().admin.headers,
      payload: {
        name: 'Audit (geändert)',
        channelId: st.channelId,
        steps: [{ roles: ['manager'], count: 1 }],
        ordered: false,
      },
    }),
    'POST /api/v1/posts': async () => ({
      method: 'POST',
      url: '/api/v1/posts',
      headers: get().admin.headers,
      payload: { baseText: 'Guten Morgen!', targets: [{ channelId: st.channelId }] },
      after: (b) => {
        st.postId = b.id as string;
        st.targetId = (b.targets as { id: string }[])[0]!.id;
      },
    }),
    'PATCH /api/v1/posts/:id': async () => ({
      method: 'PATCH',
      url: `/api/v1/posts/${st.postId}`,
      headers: get().admin.headers,
      payload: { baseText: 'Guten Morgen, Hamburg!' },
    }),
    'POST /api/v1/posts/:id/media': async () => {
      const form = multipartImage(ONE_PIXEL_PNG, 'Ein leeres Bild');
      return {
        method: 'POST',
        url: `/api/v1/posts/${st.postId}/media`,
        headers: { ...get().admin.headers, 'content-type': form.contentType },
        payload: form.body,
        after: (b) => {
          st.mediaId = b.id as string;
        },
      };
    },
    'PATCH /api/v1/posts/:id/media/:mediaId': async () => ({
      method: 'PATCH',
      url: `/api/v1/posts/${st.postId}/media/${st.mediaId}`,
      headers: get().admin.headers,
      payload: { altText: 'Ein transparentes Pixel' },
    }),
    'DELETE /api/v1/posts/:id/media/:mediaId': async () => ({
      method: 'DELETE',
      url: `/api/v1/posts/${st.postId}/media/${st.mediaId}`,
      headers: get().admin.headers,
    }),
    'POST /api/v1/posts/:id/comments': async () => ({
      method: 'POST',
      url: `/api/v1/posts/${st.postId}/comments`,
      headers: get().admin.headers,
      payload: { body: 'Bitte noch ein Bild dazu.' },
    }),
    'POST /api/v1/posts/:id/submit': async () => ({
      method: 'POST',
      url: `/api/v1/posts/${st.postId}/submit`,
      headers: get().admin.headers,
    }),
    'POST /api/v1/posts/:id/request-changes': async () => {
      const { t, admin } = get();
      const other = await newPost('Zweiter Entwurf');
      await t.app.inject({ method: 'POST', url: `/api/v1/posts/${other.id}/submit`, headers: admin.headers });
      return {
        method: 'POST',
        url: `/api/v1/posts/${other.id}/request-changes`,
        headers: (await manager()).headers,
        payload: { comment: 'Bitte kürzer.' },
      };
    },
    'POST /api/v1/posts/:id/approve': async () => ({
      method: 'POST',
      url: `/api/v1/posts/${st.postId}/approve`,
      headers: (await manager()).headers,
      payload: { comment: 'Gut so.' },
    }),
    'POST /api/v1/posts/:id/schedule': async () => ({
      method: 'POST',
      url: `/api/v1/posts/${st.postId}/schedule`,
      headers: get().admin.headers,
      payload: { mode: 'at', at: new Date(Date.now() + 86_400_000).toISOString() },
    }),
    'PATCH /api/v1/posts/:id/targets/:targetId': async () => ({
      method: 'PATCH',
      url: `/api/v1/posts/${st.postId}/targets/${st.targetId}`,
      headers: get().admin.headers,
      payload: { scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString() },
    }),
    'POST /api/v1/posts/:id/unschedule': async () => ({
      method: 'POST',
      url: `/api/v1/posts/${st.postId}/unschedule`,
      headers: get().admin.headers,
    }),
    'POST /api/v1/posts/:id/targets/:targetId/resolve': async () => {
      // An interrupted send the network could not confirm.
      await get()
        .t.ctx.db.update(postTargets)
        .set({ state: 'needs_decision' })
        .where(eq(postTargets.id, st.targetId!));
      return {
        method: 'POST',
        url: `/api/v1/posts/${st.postId}/targets/${st.targetId}/resolve`,
        headers: get().admin.headers,
        payload: { decision: 'published', url: 'https://sandbox.example/@audit/1' },
      };
    },
    'DELETE /api/v1/posts/:id': async () => {
      const gone = await newPost('Wird gelöscht');
      return { method: 'DELETE', url: `/api/v1/posts/${gone.id}`, headers: get().admin.headers };
    },
    'DELETE /api/v1/workflows/:id': async () => ({
      method: 'DELETE',
      url: `/api/v1/workflows/${st.workflowId}`,
      headers: get().admin.headers,
    }),
    'DELETE /api/v1/channels/:id': async () => ({
      method: 'DELETE',
      url: `/api/v1/channels/${st.secondChannelId}`,
      headers: get().admin.headers,
    }),
  };
}

/** Routes that look like writes but change nothing a person did, and why. */
export const PUBLISHING_NOT_WRITES: Record<string, string> = {
  'POST /api/v1/posts/:id/metrics': 'copies counts from the network; nobody changed anything',
  'POST /api/v1/notifications/:id/read': 'marks one of your own notifications read',
  'POST /api/v1/notifications/read-all': 'marks your own notifications read',
};
