import type { Catalogue } from '../../platform/http/messages.ts';

export const channelMessages: Catalogue = {
  channel_credentials_refused: {
    title: { de: 'Zugangsdaten abgelehnt', en: 'Credentials refused' },
    detail: {
      de: 'Das Netzwerk hat die Zugangsdaten abgelehnt: {reason}',
      en: 'The network refused the credentials: {reason}',
    },
  },
  network_rate_limited: {
    title: { de: 'Netzwerk bremst', en: 'Network rate limit' },
    detail: {
      de: 'Das Netzwerk nimmt gerade keine Anfragen an. Versuchen Sie es in {seconds} Sekunden erneut.',
      en: 'The network is not taking requests right now. Try again in {seconds} seconds.',
    },
  },
  network_unavailable: {
    title: { de: 'Netzwerk nicht erreichbar', en: 'Network unreachable' },
    detail: {
      de: 'Das Netzwerk hat nicht geantwortet: {reason}. Versuchen Sie es später erneut.',
      en: 'The network did not answer: {reason}. Try again later.',
    },
  },
  channel_exists: {
    title: { de: 'Kanal schon verbunden', en: 'Channel already connected' },
    detail: {
      de: 'Dieses Konto ist bereits als Kanal „{name}“ verbunden.',
      en: 'This account is already connected as the channel "{name}".',
    },
  },
  channel_member_unknown: {
    title: { de: 'Unbekannte Person', en: 'Unknown person' },
    detail: {
      de: 'Ein Teammitglied gehört nicht zu Ihrer Organisation oder ist deaktiviert.',
      en: 'A team member does not belong to your organisation or is deactivated.',
    },
  },
  channel_not_found: {
    title: { de: 'Kanal nicht gefunden', en: 'Channel not found' },
    detail: {
      de: 'Diesen Kanal gibt es nicht (mehr), oder Sie dürfen ihn nicht sehen.',
      en: 'This channel does not exist (any more), or you may not see it.',
    },
  },
  personal_channel_has_no_team: {
    title: { de: 'Persönlicher Kanal', en: 'Personal channel' },
    detail: {
      de: 'Ein persönlicher Kanal gehört einer Person allein und hat kein Team.',
      en: 'A personal channel belongs to one person alone and has no team.',
    },
  },
  channel_account_mismatch: {
    title: { de: 'Anderes Konto', en: 'Different account' },
    detail: {
      de: 'Die neuen Zugangsdaten gehören zu {handle}, der Kanal aber zu {expected}. Verbinden Sie ein anderes Konto als neuen Kanal.',
      en: 'The new credentials belong to {handle}, but the channel to {expected}. Connect another account as a new channel.',
    },
  },
  sandbox_handle_taken: {
    title: { de: 'Name vergeben', en: 'Handle taken' },
    detail: {
      de: 'Im Sandbox-Netzwerk gibt es {handle} schon.',
      en: '{handle} already exists on the sandbox network.',
    },
  },
  sandbox_account_not_found: {
    title: { de: 'Konto nicht gefunden', en: 'Account not found' },
    detail: {
      de: 'Dieses Sandbox-Konto gibt es nicht.',
      en: 'This sandbox account does not exist.',
    },
  },
  sandbox_post_not_found: {
    title: { de: 'Beitrag nicht gefunden', en: 'Post not found' },
    detail: {
      de: 'Diesen Beitrag gibt es im Sandbox-Netzwerk nicht.',
      en: 'This post does not exist on the sandbox network.',
    },
  },
};
