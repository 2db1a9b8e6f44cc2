import type { TFunction } from 'i18next';

/**
 * The reasons the server's SSO callback sends the browser back with (`/sign-in?sso_error=<code>`). The
 * server's own texts for them name the e-mail address, which the redirect does not carry, so the page
 * has its own sentences, each saying what the person can do next.
 */
const SSO_ERROR_KEYS = {
  sso_flow_expired: 'signIn.ssoErrors.flowExpired',
  sso_state_mismatch: 'signIn.ssoErrors.stateMismatch',
  sso_provider_refused: 'signIn.ssoErrors.providerRefused',
  sso_provider_failed: 'signIn.ssoErrors.providerFailed',
  sso_issuer_unreachable: 'signIn.ssoErrors.issuerUnreachable',
  sso_email_unverified: 'signIn.ssoErrors.emailUnverified',
  sso_domain_mismatch: 'signIn.ssoErrors.domainMismatch',
  sso_not_invited: 'signIn.ssoErrors.notInvited',
  sso_not_member: 'signIn.ssoErrors.notMember',
  account_deactivated: 'signIn.ssoErrors.accountDeactivated',
  sso_not_configured: 'signIn.ssoErrors.notConfigured',
} as const;

type KnownSsoError = keyof typeof SSO_ERROR_KEYS;
const isKnownSsoError = (code: string): code is KnownSsoError => Object.hasOwn(SSO_ERROR_KEYS, code);

/** Anyone can put any text in the address; only something shaped like a code is repeated on the page. */
const CODE_SHAPE = /^[a-z][a-z0-9_]{0,63}$/;

/** The sentence for a code from the address; an unknown code gets a general one (with the code for IT). */
export function ssoErrorMessage(t: TFunction, code: string): string {
  if (isKnownSsoError(code)) return t(SSO_ERROR_KEYS[code]);
  return CODE_SHAPE.test(code)
    ? t('signIn.ssoErrors.unknownWithCode', { code })
    : t('signIn.ssoErrors.unknown');
}
