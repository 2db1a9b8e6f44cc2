import { z } from 'zod';
import { type SecretBox, SecretBoxError } from '../../platform/crypto.ts';

/**
 * Where a single sign-on in progress keeps its state (PKCE verifier, state, nonce) between the start and
 * the provider's redirect back: sealed with the secret box into a short-lived HttpOnly cookie, scoped to
 * the SSO routes. Chosen over a table because
 * - the cookie binds the flow to the browser that started it, so a callback URL forged or captured
 *   elsewhere (login CSRF, "sign in as me" links) finds no flow there;
 * - the public start route writes nothing to the database, so it cannot be used to fill a table, and
 *   no purge job is needed;
 * - it works unchanged across several server processes.
 * The cookie is SameSite=Lax: the provider's redirect back is a top-level GET, which carries it.
 * It is single-use in practice: the callback clears it, and the provider redeems a code only once.
 */
export const SSO_FLOW_COOKIE = 'chorus_sso';
export const SSO_FLOW_PATH = '/api/v1/auth/sso';
export const SSO_FLOW_MINUTES = 10;
const CONTEXT = 'sso-flow';

const flowSchema = z.object({
  orgId: z.uuid(),
  issuer: z.string(),
  state: z.string().min(16),
  nonce: z.string().min(16),
  verifier: z.string().min(43),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
  /** The page to return to after signing in (a local path, checked when the flow started). */
  next: z.string().optional(),
});
export type SsoFlow = z.infer<typeof flowSchema>;

export function sealFlow(box: SecretBox, flow: SsoFlow): string {
  return box.seal(JSON.stringify(flow), CONTEXT);
}

/** The flow, or null when the cookie is missing, tampered with, not ours or expired. */
export function openFlow(box: SecretBox, sealed: string | undefined, now = Date.now()): SsoFlow | null {
  if (!sealed) return null;
  let json: string;
  try {
    json = box.open(sealed, CONTEXT);
  } catch (err) {
    if (err instanceof SecretBoxError) return null;
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
  const parsed = flowSchema.safeParse(raw);
  if (!parsed.success || parsed.data.expiresAt < now) return null;
  return parsed.data;
}
