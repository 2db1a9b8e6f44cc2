import { type APIRequestContext, expect, request } from '@playwright/test';
import { E2E_PASSWORD } from '../../playwright.config.ts';

const CSRF_COOKIE = 'chorus_csrf';
const CSRF_HEADER = 'x-csrf-token';

export interface ApiSession {
  call: <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: object) => Promise<T>;
  dispose: () => Promise<void>;
}

/**
 * A demo person signed in through the API, for preparing data a browser test then looks at. Writes carry
 * the CSRF token from the cookie, as the web app sends it.
 */
export async function apiSession(baseURL: string, email: string): Promise<ApiSession> {
  const ctx: APIRequestContext = await request.newContext({ baseURL });
  const signedIn = await ctx.post('/api/v1/auth/sign-in', { data: { email, password: E2E_PASSWORD } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const csrf = (await ctx.storageState()).cookies.find((c) => c.name === CSRF_COOKIE)?.value ?? '';
  return {
    async call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: object) {
      const res = await ctx.fetch(`/api/v1${path}`, {
        method,
        headers: method === 'GET' ? {} : { [CSRF_HEADER]: csrf },
        ...(body ? { data: body } : {}),
      });
      expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
      return (res.status() === 204 ? undefined : await res.json()) as T;
    },
    dispose: () => ctx.dispose(),
  };
}
