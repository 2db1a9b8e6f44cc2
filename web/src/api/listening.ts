import { request, withQuery } from './client.ts';
import type { ItemList } from './types.ts';

// Shapes of the listening API (src/modules/listening/schema.ts).
export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  language: 'de' | 'en' | null;
  channelIds: string[];
  active: boolean;
  createdAt: string;
  lastRunAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  matchCount: number;
}

export interface SearchInput {
  name: string;
  query: string;
  language: 'de' | 'en' | null;
  channelIds: string[];
  active: boolean;
}

export interface Match {
  id: string;
  network: string;
  itemId: string;
  authorHandle: string;
  authorName: string;
  text: string;
  url: string;
  language: string | null;
  sentiment: number;
  postedAt: string;
  foundAt: string;
}

export type AlertKind = 'every_match' | 'volume' | 'negative_share';

export interface AlertRule {
  id: string;
  searchId: string;
  name: string;
  kind: AlertKind;
  threshold: number;
  windowMinutes: number;
  minSample: number;
  quietMinutes: number;
  active: boolean;
  inAppUserIds: string[];
  emails: string[];
  slackHost: string | null;
  teamsHost: string | null;
  lastFiredAt: string | null;
  lastDeliveredAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface RuleInput {
  name: string;
  kind: AlertKind;
  threshold: number;
  windowMinutes: number;
  minSample: number;
  quietMinutes: number;
  active: boolean;
  inAppUserIds: string[];
  emails: string[];
  slackUrl?: string | null;
  teamsUrl?: string | null;
}

export interface StatsPoint {
  at: string;
  total: number;
  negative: number;
  positive: number;
  averageSentiment: number | null;
}

const base = '/api/v1/listening/searches';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const fetchSearches = () => request<ItemList<SavedSearch>>(base);
export const fetchSearch = (id: string) => request<SavedSearch>(one(id));
export const createSearch = (input: SearchInput) =>
  request<SavedSearch>(base, { method: 'POST', body: input });
export const updateSearch = (id: string, input: SearchInput) =>
  request<SavedSearch>(one(id), { method: 'PUT', body: input });
export const deleteSearch = (id: string) => request<void>(one(id), { method: 'DELETE' });
export const runSearchNow = (id: string) => request<{ queued: number }>(`${one(id)}/run`, { method: 'POST' });
export const checkQuery = (query: string) =>
  request<{ clauses: unknown[] }>('/api/v1/listening/query-check', { method: 'POST', body: { query } });

export const fetchMatches = (
  id: string,
  q: { before?: string; sentiment?: string; network?: string; language?: string; q?: string; limit?: number },
) => request<{ items: Match[]; next: string | null }>(withQuery(`${one(id)}/matches`, q));

export const fetchStats = (id: string, q: { bucket: 'hour' | 'day'; days: number; timeZone: string }) =>
  request<{ bucket: string; points: StatsPoint[] }>(withQuery(`${one(id)}/stats`, q));

export const fetchRules = (id: string) => request<ItemList<AlertRule>>(`${one(id)}/rules`);
export const createRule = (id: string, input: RuleInput) =>
  request<AlertRule>(`${one(id)}/rules`, { method: 'POST', body: input });
export const deleteRule = (id: string, ruleId: string) =>
  request<void>(`${one(id)}/rules/${encodeURIComponent(ruleId)}`, { method: 'DELETE' });
