import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, toProblem } from '../../api/api-error.ts';
import { startSso } from '../../api/sso.ts';
import { i18n } from '../../i18n/setup.ts';
import { rememberSsoEmail } from './remembered-email.ts';

/**
 * The provider's address comes from its discovery document, which an administrator pointed us at; only
 * web addresses are followed, never a `javascript:` URL that would run in this page.
 */
function followableUrl(redirectUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(redirectUrl);
  } catch (error) {
    console.warn('Chorus: single sign-on answered an address that is not a URL', error);
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url.href;
  throw new ApiError(toProblem(502, { code: 'sso_bad_redirect' }, i18n.t('signIn.sso.badRedirect')));
}

/** Asks the server where this address signs in and sends the browser there; the page is left behind. */
export function useSsoStart(next: string) {
  const mutation = useMutation({
    mutationFn: async (email: string) => followableUrl((await startSso(email, next)).redirectUrl),
    onSuccess: (url, email) => {
      rememberSsoEmail(email);
      window.location.href = url;
    },
  });
  const { reset } = mutation;
  // "Back" from the provider may restore this page as it was left, with the button still busy.
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) reset();
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [reset]);
  return mutation;
}
