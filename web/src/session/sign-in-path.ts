/** Where to send a signed-out user, remembering the page they wanted so sign-in can return them there. */
export function signInPath(next: string): string {
  return next === '/' || next.startsWith('/sign-in')
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** Only same-site paths are followed after sign-in: "//evil.example" or "https://…" would be an open redirect. */
export function safeNext(next: string | null): string {
  const isLocalPath = next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\');
  return isLocalPath && next ? next : '/';
}
