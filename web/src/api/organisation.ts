import { request } from './client.ts';
import type { Organisation, OrganisationUpdate } from './types.ts';

export const fetchOrganisation = () => request<Organisation>('/api/v1/organisation');

export const updateOrganisation = (update: OrganisationUpdate) =>
  request<Organisation>('/api/v1/organisation', { method: 'PATCH', body: update });
