import type { Locale } from '../i18n/locale.ts';

/**
 * Every message a person may read in an error response, in German and English. Modules add their own
 * catalogues with `registerMessages`; `{name}` placeholders are filled from the error's params.
 */
export type Catalogue = Record<
  string,
  { title: { de: string; en: string }; detail: { de: string; en: string } }
>;

const catalogue: Catalogue = {
  bad_request: {
    title: { de: 'Ungültige Anfrage', en: 'Bad request' },
    detail: { de: 'Die Anfrage ist ungültig.', en: 'The request is not valid.' },
  },
  validation_failed: {
    title: { de: 'Eingaben ungültig', en: 'Invalid input' },
    detail: {
      de: 'Einige Angaben sind ungültig: {fields}.',
      en: 'Some of the input is not valid: {fields}.',
    },
  },
  malformed_json: {
    title: { de: 'Fehlerhaftes JSON', en: 'Malformed JSON' },
    detail: {
      de: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
      en: 'The request body is not valid JSON.',
    },
  },
  unsupported_media_type: {
    title: { de: 'Nicht unterstütztes Format', en: 'Unsupported media type' },
    detail: {
      de: 'Dieses Format wird nicht angenommen; senden Sie application/json.',
      en: 'This content type is not accepted; send application/json.',
    },
  },
  body_too_large: {
    title: { de: 'Anfrage zu groß', en: 'Request too large' },
    detail: {
      de: 'Der Inhalt der Anfrage ist größer als die erlaubten {limit}.',
      en: 'The request body is larger than the allowed {limit}.',
    },
  },
  unauthenticated: {
    title: { de: 'Anmeldung erforderlich', en: 'Sign-in required' },
    detail: {
      de: 'Bitte melden Sie sich an; Ihre Sitzung ist abgelaufen oder fehlt.',
      en: 'Please sign in; your session has expired or is missing.',
    },
  },
  forbidden: {
    title: { de: 'Keine Berechtigung', en: 'Not allowed' },
    detail: {
      de: 'Ihre Rolle erlaubt diese Aktion nicht (benötigt: {permission}).',
      en: 'Your role does not allow this action (requires: {permission}).',
    },
  },
  token_scope: {
    title: { de: 'Token nicht berechtigt', en: 'Token not allowed' },
    detail: {
      de: 'Dieses API-Token hat den Geltungsbereich {permission} nicht.',
      en: 'This API token lacks the scope {permission}.',
    },
  },
  session_required: {
    title: { de: 'Sitzung erforderlich', en: 'Session required' },
    detail: {
      de: 'Diese Aktion ist nur in einer angemeldeten Sitzung möglich, nicht mit einem API-Token.',
      en: 'This action is only possible in a signed-in session, not with an API token.',
    },
  },
  csrf_failed: {
    title: { de: 'Sicherheitsprüfung fehlgeschlagen', en: 'Security check failed' },
    detail: {
      de: 'Das CSRF-Token fehlt oder passt nicht. Laden Sie die Seite neu und versuchen Sie es erneut.',
      en: 'The CSRF token is missing or does not match. Reload the page and try again.',
    },
  },
  not_found: {
    title: { de: 'Nicht gefunden', en: 'Not found' },
    detail: { de: 'Das Gesuchte gibt es nicht.', en: 'What you asked for does not exist.' },
  },
  route_not_found: {
    title: { de: 'Unbekannte Adresse', en: 'Unknown address' },
    detail: { de: 'Es gibt keine Schnittstelle {method} {url}.', en: 'There is no endpoint {method} {url}.' },
  },
  rate_limited: {
    title: { de: 'Zu viele Anfragen', en: 'Too many requests' },
    detail: {
      de: 'Zu viele Anfragen; bitte versuchen Sie es in {seconds} Sekunden erneut.',
      en: 'Too many requests; please try again in {seconds} seconds.',
    },
  },
  conflict: {
    title: { de: 'Konflikt', en: 'Conflict' },
    detail: {
      de: 'Die Änderung steht im Widerspruch zum aktuellen Stand.',
      en: 'The change conflicts with the current state.',
    },
  },
  internal: {
    title: { de: 'Interner Fehler', en: 'Internal error' },
    detail: {
      de: 'Etwas ist schiefgelaufen. Der Fehler wurde protokolliert (Anfrage {requestId}).',
      en: 'Something went wrong. The error has been logged (request {requestId}).',
    },
  },
  unavailable: {
    title: { de: 'Nicht verfügbar', en: 'Unavailable' },
    detail: {
      de: 'Der Dienst ist gerade nicht bereit: {reason}.',
      en: 'The service is not ready: {reason}.',
    },
  },
};

export function registerMessages(more: Catalogue): void {
  for (const [code, msg] of Object.entries(more)) {
    // The same catalogue may be registered again (several app instances in one test process).
    if (catalogue[code] && catalogue[code] !== msg) throw new Error(`message code ${code} registered twice`);
    catalogue[code] = msg;
  }
}

export function hasMessage(code: string): boolean {
  return code in catalogue;
}

export function message(
  code: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): { title: string; detail: string } {
  const msg = catalogue[code] ?? catalogue.internal!;
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { title: fill(msg.title[locale]), detail: fill(msg.detail[locale]) };
}

export function allMessages(): Readonly<Catalogue> {
  return catalogue;
}
