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

/** The networks Chorus can connect to, with what each counts and accepts. */
export interface NetworkInfo {
  network: Network;
  capabilities: ChannelCapabilities;
}

export interface Credentials {
  /** Mastodon instance or Bluesky PDS; empty for the sandbox. */
  serviceUrl: string;
  /** The access token (Mastodon) or the handle (Bluesky). */
  identifier: string;
  /** The app password (Bluesky); empty where the token alone suffices. */
  secret: string;
}

export type Ownership = Channel['ownership'];

export interface ConnectChannelInput {
  network: Exclude<Network, 'sandbox'>;
  ownership: Ownership;
  name?: string;
  credentials: Credentials;
  memberIds?: string[];
}

export interface SandboxChannelInput {
  ownership: Ownership;
  name: string;
  /** a–z, 0–9 and _, 2 to 30 characters: the server's rule, checked in the form as well. */
  handle: string;
  memberIds?: string[];
}

export interface ChannelUpdate {
  name?: string;
  plan?: PlanSlot[];
  planTimeZone?: string;
  memberIds?: string[];
  credentials?: Credentials;
}

export interface ChannelCheck {
  ok: boolean;
  error: string | null;
}

const channelPath = (id: string) => `/api/v1/channels/${encodeURIComponent(id)}`;

export const fetchNetworks = () => request<ItemList<NetworkInfo>>('/api/v1/networks');

/** The network checks the credentials first; a refusal comes back as a problem, nothing is stored. */
export const connectChannel = (input: ConnectChannelInput) =>
  request<Channel>('/api/v1/channels', { method: 'POST', body: input });

export const connectSandboxChannel = (input: SandboxChannelInput) =>
  request<Channel>('/api/v1/channels/sandbox', { method: 'POST', body: input });

export const updateChannel = (id: string, update: ChannelUpdate) =>
  request<Channel>(channelPath(id), { method: 'PATCH', body: update });

/** Posts still queued for the channel fail with a reason, and their authors are told. */
export const removeChannel = (id: string) => request<void>(channelPath(id), { method: 'DELETE' });

export const checkChannel = (id: string) =>
  request<ChannelCheck>(`${channelPath(id)}/check`, { method: 'POST' });
