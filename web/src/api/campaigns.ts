import { request } from './client.ts';
import type { ItemList } from './types.ts';

export interface Campaign {
  id: string;
  name: string;
  department: { id: string; name: string } | null;
  archived: boolean;
}

export interface CampaignInput {
  name: string;
  departmentId: string | null;
}

export const fetchCampaigns = () => request<ItemList<Campaign>>('/api/v1/campaigns');

export const createCampaign = (input: CampaignInput) =>
  request<Campaign>('/api/v1/campaigns', { method: 'POST', body: input });

/** Sent whole: a department left out would be cleared by the server. */
export interface CampaignUpdate extends CampaignInput {
  archived?: boolean;
}

export const updateCampaign = (id: string, input: CampaignUpdate) =>
  request<Campaign>(`/api/v1/campaigns/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
