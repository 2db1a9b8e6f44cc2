import { request } from './client.ts';
import type {
  ItemList,
  RoleList,
  User,
  UserFilter,
  UserInvite,
  UserInviteResult,
  UserUpdate,
} from './types.ts';

export const fetchUsers = (filter: UserFilter = {}) =>
  request<ItemList<User>>('/api/v1/users', { query: { q: filter.q, status: filter.status } });

export const inviteUser = (invite: UserInvite) =>
  request<UserInviteResult>('/api/v1/users', { method: 'POST', body: invite });

export const updateUser = (id: string, update: UserUpdate) =>
  request<User>(`/api/v1/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: update });

export const fetchRoles = () => request<RoleList>('/api/v1/roles');
