import { request } from './client.ts';
import type { Invitation, Me } from './types.ts';

const path = (token: string) => `/api/v1/invitations/${encodeURIComponent(token)}`;

export const fetchInvitation = (token: string) =>
  request<Invitation>(path(token), { onUnauthorized: 'throw' });

/** Sets the password and signs in: the server sets the session cookies and answers like GET /me. */
export const acceptInvitation = (token: string, password: string) =>
  request<Me>(`${path(token)}/accept`, { method: 'POST', body: { password }, onUnauthorized: 'throw' });
