import { request } from './client.ts';
import type { ApiToken, ApiTokenCreated, ApiTokenInput, ItemList } from './types.ts';

export const fetchTokens = () => request<ItemList<ApiToken>>('/api/v1/me/tokens');

export const createToken = (input: ApiTokenInput) =>
  request<ApiTokenCreated>('/api/v1/me/tokens', { method: 'POST', body: input });

export const revokeToken = (id: string) =>
  request<void>(`/api/v1/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
