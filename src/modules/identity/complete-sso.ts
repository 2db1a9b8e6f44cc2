import * as oidc from 'openid-client';
import type { Context } from '../../context.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { findSsoConfig } from './repo.ts';
import { emailSchema } from './schema.ts';
import type { NewSession } from './sessions.ts';
import { openFlow } from './sso-flow.ts';
import { domainOf, ssoCallbackUrl } from './sso-settings.ts';
import { type SsoIdentity, signInWithSso } from './sso-sign-in.ts';
import { clientFor, providerProblem } from './start-sso.ts';

export interface SsoCallbackInput {
  /** The sealed flow from the browser's cookie. */
  sealedFlow: string | undefined;
  /** The query string the provider redirected back with (`?code=…&state=…`). */
  search: string;
  ip: string;
  userAgent: string;
  requestId: string;
}

/**
 * Completes single sign-on when the provider redirects back: checks the flow belongs to this browser,
 * redeems the code (PKCE, state, nonce and the ID token are checked by openid-client), reads the
 * verified e-mail address and signs the person in — or provisions them when the organisation allows.
 */
export async function completeSso(
  ctx: Context,
  input: SsoCallbackInput,
): Promise<NewSession & { userId: string; orgId: string; next: string }> {
  const flow = openFlow(ctx.secrets, input.sealedFlow);
  if (!flow) throw new DomainError(400, 'sso_flow_expired');
  const callback = new URL(ssoCallbackUrl(ctx));
  callback.search = input.search;
  if (callback.searchParams.get('state') !== flow.state) throw new DomainError(400, 'sso_state_mismatch');
  const config = await findSsoConfig(ctx.db, flow.orgId);
  // Switched off or pointed elsewhere while the person was at the provider: the flow no longer holds.
  if (!config?.enabled || config.issuer !== flow.issuer) throw new DomainError(404, 'sso_not_configured');

  const client = await clientFor(ctx, config);
  let identity: SsoIdentity;
  try {
    const tokens = await oidc.authorizationCodeGrant(client, callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    // Many providers keep e-mail claims out of the ID token and answer them at the userinfo endpoint.
    const hasEmail = typeof claims.email === 'string' && claims.email_verified !== undefined;
    const info = hasEmail ? claims : await oidc.fetchUserInfo(client, tokens.access_token, claims.sub);
    identity = identityFrom(info);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw providerProblem(err, config.issuer);
  }
  ctx.log.info({ reqId: input.requestId, orgId: config.orgId }, 'single sign-on completed at the provider');

  if (!config.domains.includes(domainOf(identity.email))) {
    throw new DomainError(403, 'sso_domain_mismatch', { email: identity.email });
  }
  return { ...(await signInWithSso(ctx, config, identity, input)), next: flow.next ?? '/' };
}

/** The person as the provider describes them; only a verified address is good enough to match on. */
function identityFrom(claims: Record<string, unknown>): SsoIdentity {
  const parsed = emailSchema.safeParse(claims.email);
  if (!parsed.success) throw new DomainError(403, 'sso_email_unverified');
  // Some providers (older Cognito pools) send the flag as a string; anything else is not "verified".
  if (claims.email_verified !== true && claims.email_verified !== 'true') {
    throw new DomainError(403, 'sso_email_unverified');
  }
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const fullName = text(claims.name) || `${text(claims.given_name)} ${text(claims.family_name)}`.trim();
  const locale = text(claims.locale).slice(0, 2).toLowerCase();
  return {
    email: parsed.data,
    name: (fullName || parsed.data.split('@')[0]!).slice(0, 120),
    locale: locale === 'de' || locale === 'en' ? locale : undefined,
  };
}
