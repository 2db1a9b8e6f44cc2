import type { Session, TestApp } from '../app.ts';
import { type Call, ONE_PIXEL_PNG } from './publishing-scenarios.ts';

/** One file in a multipart body, under the field name "file". */
export function multipartFile(
  data: Buffer,
  filename: string,
  contentType = 'application/octet-stream',
): { body: Buffer; contentType: string } {
  const boundary = `----chorus${Date.now()}${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A minimal PDF: what matters for the desk is its signature. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** The write routes of the requests desk, in an order where each finds what it needs. */
export function requestsScenarios(
  get: () => { t: TestApp; admin: Session },
): Record<string, () => Promise<Call>> {
  const st: Record<string, string> = {};
  return {
    'POST /api/v1/requests': async () => ({
      method: 'POST',
      url: '/api/v1/requests',
      headers: get().admin.headers,
      payload: {
        type: 'posting',
        title: 'Audit: Sommerfest ankündigen',
        fields: { content: 'Unser Sommerfest am 1. Juli!' },
      },
      after: (b) => {
        st.requestId = b.id as string;
      },
    }),
    'PATCH /api/v1/requests/:id': async () => ({
      method: 'PATCH',
      url: `/api/v1/requests/${st.requestId}`,
      headers: get().admin.headers,
      payload: { priority: 'high' },
    }),
    'POST /api/v1/requests/:id/messages': async () => ({
      method: 'POST',
      url: `/api/v1/requests/${st.requestId}/messages`,
      headers: get().admin.headers,
      payload: { body: 'Wir kümmern uns darum.' },
    }),
    'POST /api/v1/requests/:id/attachments': async () => {
      const { body, contentType } = multipartFile(ONE_PIXEL_PNG, 'plakat.png', 'image/png');
      return {
        method: 'POST',
        url: `/api/v1/requests/${st.requestId}/attachments`,
        headers: { ...get().admin.headers, 'content-type': contentType },
        payload: body,
      };
    },
    'POST /api/v1/requests/:id/post': async () => ({
      method: 'POST',
      url: `/api/v1/requests/${st.requestId}/post`,
      headers: get().admin.headers,
    }),
  };
}
