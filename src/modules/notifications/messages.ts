import type { Catalogue } from '../../platform/http/messages.ts';

export const notificationMessages: Catalogue = {
  notification_not_found: {
    title: { de: 'Benachrichtigung nicht gefunden', en: 'Notification not found' },
    detail: { de: 'Diese Benachrichtigung gibt es nicht.', en: 'This notification does not exist.' },
  },
};
