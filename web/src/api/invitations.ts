import { request } from './client.ts';
import type { Invitation } from './types.ts';

const path = (token: string) => `/api/v1/invitations/${encodeURIComponent(token)}`;

export const fetchInvitation = (token: string) =>
  request<Invitation>(path(token), { onUnauthorized: 'throw' });

/** The server answers by setting the session cookie; the body is not relied on (the app reloads /me). */
export const acceptInvitation = (token: string, password: string) =>
  request<unknown>(`${path(token)}/accept`, { method: 'POST', body: { password }, onUnauthorized: 'throw' });
