import { request } from './client.ts';
import type {
  InvitationLink,
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

/** Only for users who have not accepted yet (409 no_open_invitation otherwise); earlier links stop working. */
export const renewInvitation = (id: string) =>
  request<InvitationLink>(`/api/v1/users/${encodeURIComponent(id)}/invitation`, { method: 'POST' });

export const fetchRoles = () => request<RoleList>('/api/v1/roles');
