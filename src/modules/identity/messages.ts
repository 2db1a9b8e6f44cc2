import type { Catalogue } from '../../platform/http/messages.ts';

export const identityMessages: Catalogue = {
  sign_in_failed: {
    title: { de: 'Anmeldung fehlgeschlagen', en: 'Sign-in failed' },
    detail: {
      de: 'E-Mail-Adresse oder Passwort ist falsch.',
      en: 'The e-mail address or password is wrong.',
    },
  },
  account_locked: {
    title: { de: 'Konto vorübergehend gesperrt', en: 'Account temporarily locked' },
    detail: {
      de: 'Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es in {minutes} Minuten erneut.',
      en: 'Too many failed sign-ins. Try again in {minutes} minutes.',
    },
  },
  account_deactivated: {
    title: { de: 'Konto deaktiviert', en: 'Account deactivated' },
    detail: {
      de: 'Ihr Zugang wurde deaktiviert. Wenden Sie sich an die Administration Ihrer Organisation.',
      en: "Your access has been deactivated. Contact your organisation's administrators.",
    },
  },
  email_taken: {
    title: { de: 'E-Mail-Adresse vergeben', en: 'E-mail address taken' },
    detail: {
      de: 'Es gibt bereits ein Konto mit dieser E-Mail-Adresse.',
      en: 'An account with this e-mail address already exists.',
    },
  },
  invitation_invalid: {
    title: { de: 'Einladung ungültig', en: 'Invitation not valid' },
    detail: {
      de: 'Diese Einladung ist abgelaufen, wurde schon angenommen oder existiert nicht. Bitten Sie um eine neue.',
      en: 'This invitation has expired, was already accepted or does not exist. Ask for a new one.',
    },
  },
  invitation_pending: {
    title: { de: 'Einladung offen', en: 'Invitation pending' },
    detail: {
      de: 'Dieser Benutzer hat die Einladung noch nicht angenommen; er wird mit dem Annehmen aktiv.',
      en: 'This user has not accepted the invitation yet; accepting it makes them active.',
    },
  },
  owner_only: {
    title: { de: 'Nur für Inhaber', en: 'Owners only' },
    detail: {
      de: 'Nur Inhaber können die Inhaber-Rolle vergeben oder entziehen.',
      en: 'Only owners can grant or remove the owner role.',
    },
  },
  last_owner: {
    title: { de: 'Letzter Inhaber', en: 'Last owner' },
    detail: {
      de: 'Die Organisation braucht mindestens einen aktiven Inhaber. Ernennen Sie zuerst einen weiteren.',
      en: 'The organisation needs at least one active owner. Appoint another one first.',
    },
  },
  cannot_deactivate_self: {
    title: { de: 'Nicht möglich', en: 'Not possible' },
    detail: { de: 'Sie können sich nicht selbst deaktivieren.', en: 'You cannot deactivate yourself.' },
  },
  user_not_found: {
    title: { de: 'Benutzer nicht gefunden', en: 'User not found' },
    detail: {
      de: 'Diesen Benutzer gibt es in Ihrer Organisation nicht.',
      en: 'There is no such user in your organisation.',
    },
  },
  department_not_found: {
    title: { de: 'Abteilung nicht gefunden', en: 'Department not found' },
    detail: {
      de: 'Diese Abteilung gibt es in Ihrer Organisation nicht.',
      en: 'There is no such department in your organisation.',
    },
  },
  department_exists: {
    title: { de: 'Abteilung existiert', en: 'Department exists' },
    detail: { de: 'Es gibt bereits eine Abteilung „{name}“.', en: 'There is already a department “{name}”.' },
  },
  wrong_password: {
    title: { de: 'Passwort falsch', en: 'Wrong password' },
    detail: { de: 'Das aktuelle Passwort stimmt nicht.', en: 'The current password is not correct.' },
  },
  token_not_found: {
    title: { de: 'Token nicht gefunden', en: 'Token not found' },
    detail: {
      de: 'Dieses API-Token gibt es nicht oder es ist schon widerrufen.',
      en: 'This API token does not exist or is already revoked.',
    },
  },
  invalid_scope: {
    title: { de: 'Unzulässiger Geltungsbereich', en: 'Scope not allowed' },
    detail: {
      de: 'Ihre Rolle erlaubt diese Geltungsbereiche nicht: {scopes}.',
      en: 'Your role does not allow these scopes: {scopes}.',
    },
  },
  organisation_not_found: {
    title: { de: 'Organisation nicht gefunden', en: 'Organisation not found' },
    detail: { de: 'Es gibt keine Organisation „{slug}“.', en: 'There is no organisation “{slug}”.' },
  },
  no_open_invitation: {
    title: { de: 'Keine offene Einladung', en: 'No open invitation' },
    detail: {
      de: 'Dieser Benutzer hat keine offene Einladung: Er hat sie schon angenommen oder ist deaktiviert.',
      en: 'This user has no open invitation: it was already accepted, or the user is deactivated.',
    },
  },
};
