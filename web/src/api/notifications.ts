import { request } from './client.ts';

// Shapes of the notifications API (src/modules/notifications/routes.ts).

export interface AppNotification {
  id: string;
  /** What happened, e.g. "post.approved"; the web app words it from `params`. */
  kind: string;
  params: Record<string, string>;
  /** A path inside the web app, e.g. "/publishing/posts/<id>". */
  link: string;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationList {
  unread: number;
  items: AppNotification[];
}

export const fetchNotifications = () => request<NotificationList>('/api/v1/notifications');

export const markNotificationRead = (id: string) =>
  request<void>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });

export const markAllNotificationsRead = () =>
  request<void>('/api/v1/notifications/read-all', { method: 'POST' });
