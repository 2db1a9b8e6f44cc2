import type { Catalogue } from '../../platform/http/messages.ts';

export const integrationMessages: Catalogue = {
  webhook_url_not_allowed: {
    title: { de: 'Adresse nicht erlaubt', en: 'Address not allowed' },
    detail: {
      de: 'Diese Webhook-Adresse ist nicht erlaubt: {reason}. Verwenden Sie eine öffentliche https-Adresse.',
      en: 'This webhook address is not allowed: {reason}. Use a public https address.',
    },
  },
  webhook_not_found: {
    title: { de: 'Webhook nicht gefunden', en: 'Webhook not found' },
    detail: {
      de: 'Diesen Webhook gibt es in Ihrer Organisation nicht (mehr).',
      en: 'This webhook does not exist in your organisation (any more).',
    },
  },
  webhook_limit: {
    title: { de: 'Zu viele Webhooks', en: 'Too many webhooks' },
    detail: {
      de: 'Eine Organisation kann höchstens {max} Webhooks haben.',
      en: 'An organisation can have at most {max} webhooks.',
    },
  },
  webhook_event_type_unknown: {
    title: { de: 'Unbekannte Ereignisart', en: 'Unknown event type' },
    detail: { de: 'Die Ereignisart „{type}“ gibt es nicht.', en: 'There is no event type "{type}".' },
  },
  webhook_payload_too_large: {
    title: { de: 'Ereignis zu groß', en: 'Event too large' },
    detail: {
      de: 'Ein Webhook-Ereignis darf höchstens {max} Bytes groß sein.',
      en: 'A webhook event may be at most {max} bytes.',
    },
  },
};
