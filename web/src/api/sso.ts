import { request } from './client.ts';
import type { Sso, SsoStart, SsoUpdate } from './types.ts';

export const fetchSso = () => request<Sso>('/api/v1/sso');

/** The server fetches the issuer's discovery document first, so an unreachable provider fails here. */
export const saveSso = (update: SsoUpdate) => request<Sso>('/api/v1/sso', { method: 'PUT', body: update });

export const deleteSso = () => request<void>('/api/v1/sso', { method: 'DELETE' });

/** Public: asked from the sign-in page, where a 401 must be shown rather than lead back to sign-in. */
export const startSso = (email: string, next: string) =>
  request<SsoStart>('/api/v1/auth/sso/start', {
    method: 'POST',
    // The server returns the browser to this page after the provider (a local path, like next= here).
    body: { email, ...(next !== '/' ? { next } : {}) },
    onUnauthorized: 'throw',
  });
