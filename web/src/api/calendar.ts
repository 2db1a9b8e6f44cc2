import { request } from './client.ts';
import type { ItemList } from './types.ts';

// Shapes of the calendar API (calendarEventSchema in src/modules/publishing/schema.ts).
export const TARGET_STATES = [
  'draft',
  'scheduled',
  'sending',
  'published',
  'failed',
  'needs_decision',
  'cancelled',
] as const;
export type TargetState = (typeof TARGET_STATES)[number];

export const isTargetState = (value: string): value is TargetState => TARGET_STATES.some((s) => s === value);

/** One channel's copy of a post at its time: scheduledAt, or publishedAt once published (UTC). */
export interface CalendarEvent {
  targetId: string;
  postId: string;
  channel: { id: string; name: string; network: string };
  department: { id: string; name: string } | null;
  campaign: { id: string; name: string } | null;
  state: TargetState;
  at: string;
  excerpt: string;
  /** Whether the caller may drag it to another time. */
  movable: boolean;
}

/** The server filters by one value each; several values of a filter are applied in the page. */
export interface CalendarQuery {
  from: string;
  to: string;
  channelId?: string;
  departmentId?: string;
  campaignId?: string;
  state?: TargetState;
}

export const fetchCalendar = (query: CalendarQuery, signal?: AbortSignal) =>
  request<ItemList<CalendarEvent>>('/api/v1/calendar', { query: { ...query }, signal });

/** Moves one channel's scheduled post; the server applies the scheduling rules (future, approval, rights). */
export const rescheduleTarget = (postId: string, targetId: string, scheduledAt: string) =>
  request<unknown>(`/api/v1/posts/${encodeURIComponent(postId)}/targets/${encodeURIComponent(targetId)}`, {
    method: 'PATCH',
    body: { scheduledAt },
  });
