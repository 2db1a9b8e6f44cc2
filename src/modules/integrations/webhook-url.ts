import { isPrivateAddress } from '../../connectors/outbound.ts';
import { DomainError } from '../../platform/http/problem.ts';

/**
 * The rule for a webhook URL someone types, applied when it is saved: https, no user info or fragment,
 * and no loopback or private-network host unless the operator allows private networks (tests, a local
 * ticket system) — then plain http is allowed to those hosts only. Names are checked again against what
 * they resolve to before every delivery (connectors/outbound.ts checkHost), which also stops DNS rebinding.
 */
export function parseWebhookUrl(raw: string, policy: { allowPrivateAddresses: boolean }): URL {
  const refuse = (reason: string) =>
    new DomainError(
      422,
      'webhook_url_not_allowed',
      { reason },
      { fieldErrors: [{ path: 'url', message: reason }] },
    );
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse('not a URL');
  }
  if (url.username || url.password) throw refuse('user info in the URL');
  if (url.hash) throw refuse('fragment in the URL');
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const local = host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host);
  if (local && !policy.allowPrivateAddresses)
    throw refuse('loopback and private-network addresses are refused');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && local) return url;
  throw refuse('https:// required');
}
