import type { Catalogue } from '../../platform/http/messages.ts';

export const requestMessages: Catalogue = {
  request_not_found: {
    title: { de: 'Anfrage nicht gefunden', en: 'Request not found' },
    detail: {
      de: 'Diese Anfrage gibt es nicht, oder Sie dürfen sie nicht sehen.',
      en: 'This request does not exist, or you may not see it.',
    },
  },
  due_date_past: {
    title: { de: 'Fälligkeit liegt in der Vergangenheit', en: 'Due date in the past' },
    detail: {
      de: 'Das Fälligkeitsdatum {dueDate} liegt vor dem heutigen Tag ({today}).',
      en: 'The due date {dueDate} is before today ({today}).',
    },
  },
  request_channel_not_found: {
    title: { de: 'Kanal nicht gefunden', en: 'Channel not found' },
    detail: {
      de: 'Mindestens einer der gewünschten Kanäle existiert nicht.',
      en: 'At least one of the desired channels does not exist.',
    },
  },
  assignee_not_handler: {
    title: { de: 'Keine Bearbeiterin, kein Bearbeiter', en: 'Not a handler' },
    detail: {
      de: 'Anfragen können nur Personen des Social-Media-Teams zugewiesen werden.',
      en: 'Requests can be assigned only to people of the social media team.',
    },
  },
  request_status_invalid: {
    title: { de: 'Statuswechsel nicht möglich', en: 'Status change not possible' },
    detail: {
      de: 'Eine Anfrage im Status „{from}“ kann nicht auf „{to}“ gesetzt werden.',
      en: 'A request in status "{from}" cannot be set to "{to}".',
    },
  },
  decline_reason_required: {
    title: { de: 'Begründung fehlt', en: 'Reason missing' },
    detail: {
      de: 'Wer eine Anfrage ablehnt, sagt der anfragenden Person, warum.',
      en: 'Declining a request needs a reason for the person who filed it.',
    },
  },
  internal_note_forbidden: {
    title: { de: 'Interne Notiz nicht erlaubt', en: 'Internal note not allowed' },
    detail: {
      de: 'Interne Notizen schreibt nur das Social-Media-Team.',
      en: 'Only the social media team writes internal notes.',
    },
  },
  attachment_missing: {
    title: { de: 'Datei fehlt', en: 'File missing' },
    detail: { de: 'Bitte wählen Sie eine Datei.', en: 'Please choose a file.' },
  },
  attachment_too_large: {
    title: { de: 'Datei zu groß', en: 'File too large' },
    detail: {
      de: '„{file}“ ist größer als {maxMb} MB.',
      en: '"{file}" is larger than {maxMb} MB.',
    },
  },
  attachment_type_unsupported: {
    title: { de: 'Dateityp nicht unterstützt', en: 'File type not supported' },
    detail: {
      de: '„{file}“ ist weder ein Bild (PNG, JPEG, GIF, WebP) noch ein PDF.',
      en: '"{file}" is neither an image (PNG, JPEG, GIF, WebP) nor a PDF.',
    },
  },
  too_many_attachments: {
    title: { de: 'Zu viele Anhänge', en: 'Too many attachments' },
    detail: {
      de: 'Eine Anfrage kann höchstens {max} Anhänge haben.',
      en: 'A request can have at most {max} attachments.',
    },
  },
  attachment_not_found: {
    title: { de: 'Anhang nicht gefunden', en: 'Attachment not found' },
    detail: { de: 'Diesen Anhang gibt es nicht.', en: 'This attachment does not exist.' },
  },
  request_closed: {
    title: { de: 'Anfrage abgeschlossen', en: 'Request closed' },
    detail: {
      de: 'Die Anfrage ist abgeschlossen; sie muss erst wieder geöffnet werden.',
      en: 'The request is closed; it has to be reopened first.',
    },
  },
  request_not_posting: {
    title: { de: 'Keine Beitragsanfrage', en: 'Not a posting request' },
    detail: {
      de: 'Nur eine Beitragsanfrage wird zu einem Beitragsentwurf.',
      en: 'Only a posting request becomes a draft post.',
    },
  },
  request_already_posted: {
    title: { de: 'Entwurf existiert schon', en: 'Draft exists' },
    detail: {
      de: 'Aus dieser Anfrage wurde schon ein Beitragsentwurf erstellt.',
      en: 'A draft post was already made from this request.',
    },
  },
};
