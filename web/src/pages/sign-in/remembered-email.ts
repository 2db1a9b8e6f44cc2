const STORAGE_KEY = 'chorus.ssoEmail';

/**
 * The provider sends the browser back to a fresh page; remembering the address for this tab lets a
 * person whose single sign-on failed try again with one click instead of typing it once more.
 */
export function rememberSsoEmail(email: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, email);
  } catch (error) {
    // Storage can be switched off; the person then types the address again, nothing worse.
    console.warn('Chorus: cannot remember the e-mail address for single sign-on', error);
  }
}

export function rememberedSsoEmail(): string {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? '';
  } catch (error) {
    console.warn('Chorus: cannot read the remembered e-mail address', error);
    return '';
  }
}
