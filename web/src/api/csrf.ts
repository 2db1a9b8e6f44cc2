/** Name of the readable cookie the server sets beside the HttpOnly session cookie. */
export const CSRF_COOKIE = 'chorus_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The double-submit token: read at each request, because signing in or out replaces it. */
export function readCsrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}
