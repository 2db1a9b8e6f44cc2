import { guardedFetch, isPrivateAddress } from '../../connectors/outbound.ts';
import { DomainError } from '../../platform/http/problem.ts';

/**
 * Slack and Microsoft Teams incoming webhooks. Their URLs are secrets typed by people and reached from the
 * workers, so they pass the connectors' outbound rule: https only (http only to loopback, and only when
 * the operator allows private networks — tests), no user info, no private addresses, as written and as
 * resolved; no redirect is followed, and each delivery is bounded in time.
 */

export type WebhookKind = 'slack' | 'teams';

function isLocalName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost');
}

/** The URL as stored, or a 422 naming what is wrong with it. */
export function checkWebhookUrl(raw: string, field: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DomainError(422, 'webhook_url_invalid', { field });
  }
  if (url.username || url.password) throw new DomainError(422, 'webhook_url_invalid', { field });
  const local = isLocalName(url.hostname) || isPrivateAddress(url.hostname);
  if (local && !allowPrivate) throw new DomainError(422, 'webhook_url_private', { field });
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && local) return url;
  throw new DomainError(422, 'webhook_url_not_https', { field });
}

export interface AlertMessage {
  /** One line: what happened. */
  title: string;
  /** A few lines of detail (plain text). */
  lines: string[];
  /** Example posts, as found: plain text, never markup. */
  excerpts: string[];
  link: string;
}

/** Slack reads `mrkdwn`: &, < and > must be escaped or a post's text could become a link or a mention. */
function slackEscape(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function slackPayload(m: AlertMessage): object {
  return {
    text: m.title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: m.title.slice(0, 150) } },
      ...(m.lines.length > 0
        ? [{ type: 'section', text: { type: 'mrkdwn', text: slackEscape(m.lines.join('\n')) } }]
        : []),
      ...m.excerpts.map((e) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: `> ${slackEscape(e).replaceAll('\n', '\n> ')}` },
      })),
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Chorus' }, url: m.link }],
      },
    ],
  };
}

/** Teams: an Adaptive Card in a message, the shape incoming webhooks and Workflows both accept. */
export function teamsPayload(m: AlertMessage): object {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', size: 'Medium', weight: 'Bolder', wrap: true, text: m.title },
            ...m.lines.map((l) => ({ type: 'TextBlock', wrap: true, text: l })),
            ...m.excerpts.map((e) => ({ type: 'TextBlock', wrap: true, isSubtle: true, text: e })),
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Chorus', url: m.link }],
        },
      },
    ],
  };
}

/** Posts the message; throws with the status (or the network's failure) so the job retries with backoff. */
export async function deliverWebhook(
  kind: WebhookKind,
  url: string,
  message: AlertMessage,
  policy: { allowPrivateAddresses: boolean; timeoutMs: number },
): Promise<void> {
  checkWebhookUrl(url, kind, policy.allowPrivateAddresses);
  const res = await guardedFetch(policy)(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(kind === 'slack' ? slackPayload(message) : teamsPayload(message)),
  });
  if (res.status < 200 || res.status >= 300) {
    const body = (await res.text()).slice(0, 200);
    throw new Error(`${kind} answered ${res.status}${body ? `: ${body}` : ''}`);
  }
}
