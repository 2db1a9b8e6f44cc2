import type { Catalogue } from '../../platform/http/messages.ts';

const queryError = (de: string, en: string) => ({
  title: { de: 'Suchanfrage ungültig', en: 'Invalid search query' },
  detail: { de: `${de} (Zeichen {position}).`, en: `${en} (character {position}).` },
});

export const listeningMessages: Catalogue = {
  search_not_found: {
    title: { de: 'Suche nicht gefunden', en: 'Search not found' },
    detail: { de: 'Diese gespeicherte Suche gibt es nicht.', en: 'This saved search does not exist.' },
  },
  search_name_taken: {
    title: { de: 'Name vergeben', en: 'Name taken' },
    detail: {
      de: 'Es gibt schon eine Suche „{name}“.',
      en: 'A search "{name}" already exists.',
    },
  },
  alert_rule_not_found: {
    title: { de: 'Alarmregel nicht gefunden', en: 'Alert rule not found' },
    detail: { de: 'Diese Alarmregel gibt es nicht.', en: 'This alert rule does not exist.' },
  },
  listening_channel_unknown: {
    title: { de: 'Kanal unbekannt', en: 'Unknown channel' },
    detail: {
      de: 'Mindestens ein gewählter Kanal existiert nicht oder kann nicht suchen.',
      en: 'At least one chosen channel does not exist or cannot search.',
    },
  },
  listening_recipient_unknown: {
    title: { de: 'Empfänger unbekannt', en: 'Unknown recipient' },
    detail: {
      de: 'Mindestens eine gewählte Person gehört nicht zur Organisation.',
      en: 'At least one chosen person is not a member of the organisation.',
    },
  },
  alert_no_destination: {
    title: { de: 'Kein Ziel', en: 'No destination' },
    detail: {
      de: 'Eine Alarmregel braucht mindestens ein Ziel: Personen in der App, E-Mail, Slack oder Teams.',
      en: 'An alert rule needs at least one destination: people in the app, e-mail, Slack or Teams.',
    },
  },
  webhook_url_invalid: {
    title: { de: 'Webhook-Adresse ungültig', en: 'Invalid webhook URL' },
    detail: {
      de: 'Die Adresse für {field} ist keine gültige URL (ohne Benutzerangaben).',
      en: 'The {field} address is not a valid URL (without user info).',
    },
  },
  webhook_url_not_https: {
    title: { de: 'Nur https', en: 'https only' },
    detail: {
      de: 'Die Adresse für {field} muss mit https:// beginnen.',
      en: 'The {field} address must start with https://.',
    },
  },
  webhook_url_private: {
    title: { de: 'Adresse nicht erlaubt', en: 'Address not allowed' },
    detail: {
      de: 'Die Adresse für {field} zeigt auf ein internes Netz oder diesen Rechner; das ist nicht erlaubt.',
      en: 'The {field} address points at an internal network or this machine, which is not allowed.',
    },
  },
  query_empty: queryError('Die Suchanfrage ist leer', 'The query is empty'),
  query_too_long: queryError('Die Suchanfrage ist zu lang', 'The query is too long'),
  query_too_many_terms: queryError('Die Suchanfrage hat zu viele Begriffe', 'The query has too many terms'),
  query_unclosed_quote: queryError(
    'Ein Anführungszeichen wird nicht geschlossen',
    'A quotation mark is not closed',
  ),
  query_empty_phrase: queryError('Zwischen den Anführungszeichen steht nichts', 'The quotes enclose nothing'),
  query_unclosed_paren: queryError('Eine Klammer wird nicht geschlossen', 'A parenthesis is not closed'),
  query_unexpected_paren: queryError(
    'Diese schließende Klammer hat keine öffnende',
    'This closing parenthesis has no opening one',
  ),
  query_missing_operand: queryError(
    'Hier fehlt ein Suchbegriff (nach AND, OR, NOT oder in Klammern)',
    'A search term is missing here (after AND, OR, NOT or in parentheses)',
  ),
  query_empty_tag: queryError('Nach # fehlt das Hashtag', 'The hashtag after # is missing'),
  query_bad_account: queryError(
    'Nach @ oder from: fehlt ein gültiges Konto',
    'A valid account is missing after @ or from:',
  ),
  query_only_negative: queryError(
    'Jeder Zweig der Suche braucht mindestens einen Begriff, der vorkommen soll (nicht nur NOT)',
    'Every branch of the query needs at least one term that must occur (not only NOT)',
  ),
  query_too_broad: queryError(
    'Die Suche ergibt zu viele ODER-Kombinationen (höchstens 8)',
    'The query expands to too many OR combinations (at most 8)',
  ),
};
