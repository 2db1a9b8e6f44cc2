import { request } from './client.ts';
import type { ItemList } from './types.ts';

// Shapes of the channels API (src/modules/channels/schema.ts).
export type Network = 'sandbox' | 'mastodon' | 'bluesky';

export interface PlanSlot {
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
  /** HH:MM in the channel's plan time zone. */
  time: string;
}

export type TextCounting =
  | { kind: 'graphemes'; urlLength?: number; localMentions?: boolean }
  | { kind: 'graphemes-and-bytes'; maxBytes: number };

export interface ChannelCapabilities {
  maxChars: number;
  counting: TextCounting;
  media: { mimeTypes: string[]; maxBytes: number; maxCount: number; maxAltTextChars: number };
  supportsThreads: boolean;
  directMessages: boolean;
}

export interface Channel {
  id: string;
  network: Network;
  name: string;
  ownership: 'company' | 'personal';
  owner: { id: string; name: string } | null;
  account: { id: string; handle: string; url: string };
  serviceUrl: string;
  health: {
    status: 'active' | 'needs_reauth';
    lastSuccessAt: string | null;
    lastErrorAt: string | null;
    lastError: string | null;
    tokenExpiresAt: string | null;
  };
  members: { id: string; name: string }[];
  plan: PlanSlot[];
  planTimeZone: string;
  mayPublish: boolean;
  mayManage: boolean;
  queuedPosts: number;
  capabilities: ChannelCapabilities;
  createdAt: string;
}

export const fetchChannels = () => request<ItemList<Channel>>('/api/v1/channels');

export const fetchChannel = (id: string) => request<Channel>(`/api/v1/channels/${encodeURIComponent(id)}`);
