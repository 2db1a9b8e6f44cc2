import * as oidc from 'openid-client';
import type { Context } from '../../context.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { classifyOidcError, OIDC_SCOPES, providerClient } from './oidc-client.ts';
import { findSsoConfigByDomain, type SsoConfig } from './repo.ts';
import { SSO_FLOW_MINUTES, sealFlow } from './sso-flow.ts';
import { domainOf, secretContext, ssoCallbackUrl } from './sso-settings.ts';

/** The provider's client for an organisation; a provider that cannot be reached or read is a 502. */
export async function clientFor(ctx: Context, config: SsoConfig): Promise<oidc.Configuration> {
  try {
    return await providerClient({
      issuer: config.issuer,
      clientId: config.clientId,
      clientSecret: ctx.secrets.open(config.clientSecretSealed, secretContext(config.orgId)),
    });
  } catch (err) {
    throw providerProblem(err, config.issuer);
  }
}

/** Turns what the provider did wrong into a problem; our own bugs stay what they are. */
export function providerProblem(err: unknown, issuer: string): unknown {
  const failure = classifyOidcError(err);
  if (!failure) return err;
  switch (failure.kind) {
    case 'unreachable':
      return new DomainError(502, 'sso_issuer_unreachable', { issuer, reason: failure.reason });
    case 'invalid':
      return new DomainError(502, 'sso_provider_failed', { reason: failure.reason });
    case 'refused':
      return new DomainError(403, 'sso_provider_refused', { error: failure.error });
  }
}

/**
 * Starts single sign-on for an e-mail address: finds the organisation whose SSO covers its domain and
 * builds the provider's authorization URL (code flow with PKCE, state and nonce). The flow's secrets
 * come back sealed, for the browser's cookie (see sso-flow.ts).
 */
export async function startSso(
  ctx: Context,
  email: string,
  next?: string,
): Promise<{ redirectUrl: string; sealedFlow: string; expiresAt: Date }> {
  const config = await findSsoConfigByDomain(ctx.db, domainOf(email));
  if (!config?.enabled) throw new DomainError(404, 'sso_not_configured');
  const client = await clientFor(ctx, config);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: ssoCallbackUrl(ctx),
    response_type: 'code',
    scope: OIDC_SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: email,
  });
  const expiresAt = new Date(Date.now() + SSO_FLOW_MINUTES * 60_000);
  const sealedFlow = sealFlow(ctx.secrets, {
    orgId: config.orgId,
    issuer: config.issuer,
    state,
    nonce,
    verifier,
    expiresAt: expiresAt.getTime(),
    ...(next ? { next } : {}),
  });
  return { redirectUrl: url.href, sealedFlow, expiresAt };
}
