import { ApiError } from './api-error.ts';
import { request } from './client.ts';
import type { Me, MeUpdate, PasswordChange, SignInInput } from './types.ts';

/** The signed-in user, or null when there is no session (the one 401 that is not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await request<Me>('/api/v1/me', { onUnauthorized: 'throw' });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (input: SignInInput) =>
  request<Me>('/api/v1/auth/sign-in', { method: 'POST', body: input, onUnauthorized: 'throw' });

export const signOut = () =>
  request<void>('/api/v1/auth/sign-out', { method: 'POST', onUnauthorized: 'throw' });

export const signOutEverywhere = () => request<void>('/api/v1/auth/sign-out-everywhere', { method: 'POST' });

export const updateMe = (update: MeUpdate) => request<Me>('/api/v1/me', { method: 'PATCH', body: update });

export const changePassword = (change: PasswordChange) =>
  request<void>('/api/v1/me/password', { method: 'POST', body: change });
