import type { Catalogue } from '../http/messages.ts';

export const liveMessages: Catalogue = {
  live_topics_invalid: {
    title: { de: 'Unbekanntes Thema', en: 'Unknown topic' },
    detail: {
      de: 'Das Thema „{topic}“ gibt es nicht. Themen haben die Form <art>:<id>.',
      en: 'There is no topic "{topic}". Topics look like <kind>:<id>.',
    },
  },
  live_too_many_topics: {
    title: { de: 'Zu viele Themen', en: 'Too many topics' },
    detail: {
      de: 'Eine Verbindung kann höchstens {max} Themen verfolgen.',
      en: 'One connection can follow at most {max} topics.',
    },
  },
  live_topic_forbidden: {
    title: { de: 'Kein Zugriff', en: 'No access' },
    detail: {
      de: 'Sie dürfen das Thema „{topic}“ nicht verfolgen.',
      en: 'You may not follow the topic "{topic}".',
    },
  },
  live_too_many_connections: {
    title: { de: 'Zu viele Live-Verbindungen', en: 'Too many live connections' },
    detail: {
      de: 'Sie haben schon {max} Live-Verbindungen offen. Schließen Sie andere Fenster oder Tabs.',
      en: 'You already have {max} live connections open. Close other windows or tabs.',
    },
  },
  live_unavailable: {
    title: { de: 'Live-Aktualisierung nicht verfügbar', en: 'Live updates unavailable' },
    detail: {
      de: 'Der Server fährt gerade herunter. Die Seite verbindet sich gleich neu.',
      en: 'The server is shutting down. The page reconnects in a moment.',
    },
  },
};
