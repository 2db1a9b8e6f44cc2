import { request } from './client.ts';
import type { ItemList } from './types.ts';

// Shapes of the sandbox network's API (src/modules/channels/sandbox-routes.ts).

export interface SandboxSettings {
  latencyMs: number;
  /** null: unlimited. */
  rateLimitPerMinute: number | null;
  /** Share of calls (0..1) that fail on purpose. */
  failureRate: number;
}

export interface SandboxAccount {
  id: string;
  handle: string;
  displayName: string;
  /** The channel this account is connected as, if any. */
  channelId: string | null;
  settings: SandboxSettings;
}

/** null where the network could not tell (an injected failure while counting). */
export interface SandboxMetrics {
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  impressions: number | null;
}

export interface SandboxPost {
  id: string;
  /** Written by whoever published it: shown as plain text only. */
  text: string;
  url: string;
  createdAt: string;
  deleted: boolean;
  media: { altText: string }[];
  metrics: SandboxMetrics;
}

export interface Engagement {
  likes?: number;
  reposts?: number;
  replies?: number;
  impressions?: number;
}

export interface MentionInput {
  text: string;
  replyToId: string | null;
}

const accountPath = (id: string) => `/api/v1/sandbox/accounts/${encodeURIComponent(id)}`;

export const fetchSandboxAccounts = () => request<ItemList<SandboxAccount>>('/api/v1/sandbox/accounts');

export const fetchSandboxPosts = (accountId: string) =>
  request<ItemList<SandboxPost>>(`${accountPath(accountId)}/posts`);

export const engageSandboxPost = (postId: string, engagement: Engagement) =>
  request<SandboxMetrics>(`/api/v1/sandbox/posts/${encodeURIComponent(postId)}/engage`, {
    method: 'POST',
    body: engagement,
  });

export const updateSandboxSettings = (accountId: string, settings: Partial<SandboxSettings>) =>
  request<SandboxSettings>(accountPath(accountId), { method: 'PATCH', body: settings });

/** Someone of the simulated audience writes to the account; it reaches the channel's inbox like a real one. */
export const simulateMention = (accountId: string, input: MentionInput) =>
  request<{ id: string; url: string }>(`${accountPath(accountId)}/mentions`, { method: 'POST', body: input });
