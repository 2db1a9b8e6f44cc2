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
  password_sign_in_disabled: {
    title: { de: 'Anmeldung nur per Single Sign-on', en: 'Single sign-on only' },
    detail: {
      de: 'Ihre Organisation erlaubt für Ihre E-Mail-Adresse keine Anmeldung mit Passwort. Melden Sie sich über Single Sign-on an.',
      en: 'Your organisation does not allow password sign-in for your e-mail address. Sign in with single sign-on.',
    },
  },
  sso_not_configured: {
    title: { de: 'Kein Single Sign-on', en: 'No single sign-on' },
    detail: {
      de: 'Für diese E-Mail-Adresse ist kein Single Sign-on eingerichtet. Melden Sie sich mit Passwort an.',
      en: 'No single sign-on is set up for this e-mail address. Sign in with your password.',
    },
  },
  sso_not_set_up: {
    title: { de: 'Kein Single Sign-on', en: 'No single sign-on' },
    detail: {
      de: 'Für Ihre Organisation ist kein Single Sign-on eingerichtet.',
      en: 'Single sign-on is not set up for your organisation.',
    },
  },
  sso_issuer_not_allowed: {
    title: { de: 'Aussteller-Adresse nicht erlaubt', en: 'Issuer URL not allowed' },
    detail: {
      de: 'Die Aussteller-Adresse muss mit https:// beginnen (http:// nur für einen Anbieter auf diesem Rechner).',
      en: 'The issuer URL must start with https:// (http:// only for a provider on this machine).',
    },
  },
  sso_issuer_unreachable: {
    title: { de: 'Anmeldedienst nicht erreichbar', en: 'Identity provider unreachable' },
    detail: {
      de: 'Der Anmeldedienst {issuer} antwortet nicht ({reason}). Prüfen Sie die Adresse oder versuchen Sie es später erneut.',
      en: 'The identity provider {issuer} does not answer ({reason}). Check the URL or try again later.',
    },
  },
  sso_issuer_invalid: {
    title: { de: 'Kein gültiger OpenID-Connect-Anbieter', en: 'Not a valid OpenID Connect provider' },
    detail: {
      de: 'Unter {issuer} liegt keine gültige OpenID-Connect-Beschreibung ({reason}). Prüfen Sie die Aussteller-Adresse.',
      en: 'There is no valid OpenID Connect discovery document at {issuer} ({reason}). Check the issuer URL.',
    },
  },
  sso_client_secret_required: {
    title: { de: 'Client-Geheimnis fehlt', en: 'Client secret missing' },
    detail: {
      de: 'Geben Sie das Client-Geheimnis an, das der Anmeldedienst für Chorus ausgestellt hat.',
      en: 'Enter the client secret the identity provider issued for Chorus.',
    },
  },
  sso_domain_taken: {
    title: { de: 'Domain vergeben', en: 'Domain taken' },
    detail: {
      de: 'Die Domain {domain} ist bereits dem Single Sign-on einer anderen Organisation zugeordnet.',
      en: 'The domain {domain} already belongs to the single sign-on of another organisation.',
    },
  },
  sso_flow_expired: {
    title: { de: 'Anmeldung abgelaufen', en: 'Sign-in expired' },
    detail: {
      de: 'Die Anmeldung hat zu lange gedauert oder wurde in einem anderen Browser begonnen. Beginnen Sie sie erneut.',
      en: 'The sign-in took too long or was started in another browser. Start it again.',
    },
  },
  sso_state_mismatch: {
    title: { de: 'Anmeldung abgelehnt', en: 'Sign-in refused' },
    detail: {
      de: 'Die Antwort des Anmeldedienstes gehört nicht zu Ihrer Anmeldung. Beginnen Sie die Anmeldung erneut.',
      en: "The identity provider's answer does not belong to your sign-in. Start the sign-in again.",
    },
  },
  sso_provider_refused: {
    title: { de: 'Anmeldedienst hat abgelehnt', en: 'Identity provider refused' },
    detail: {
      de: 'Der Anmeldedienst Ihrer Organisation hat die Anmeldung abgelehnt ({error}).',
      en: "Your organisation's identity provider refused the sign-in ({error}).",
    },
  },
  sso_provider_failed: {
    title: { de: 'Fehler beim Anmeldedienst', en: 'Identity provider failed' },
    detail: {
      de: 'Der Anmeldedienst Ihrer Organisation hat nicht wie erwartet geantwortet ({reason}). Versuchen Sie es erneut oder wenden Sie sich an Ihre IT.',
      en: "Your organisation's identity provider did not answer as expected ({reason}). Try again or contact your IT.",
    },
  },
  sso_email_unverified: {
    title: { de: 'E-Mail-Adresse nicht bestätigt', en: 'E-mail address not verified' },
    detail: {
      de: 'Der Anmeldedienst bestätigt Ihre E-Mail-Adresse nicht. Ohne bestätigte Adresse ist keine Anmeldung möglich.',
      en: 'The identity provider does not confirm your e-mail address. Signing in needs a verified address.',
    },
  },
  sso_domain_mismatch: {
    title: { de: 'E-Mail-Adresse nicht zugelassen', en: 'E-mail address not allowed' },
    detail: {
      de: 'Die E-Mail-Adresse {email} gehört zu keiner Domain, für die dieser Anmeldedienst eingerichtet ist.',
      en: 'The e-mail address {email} is not in a domain this identity provider is set up for.',
    },
  },
  sso_not_invited: {
    title: { de: 'Keine Einladung', en: 'Not invited' },
    detail: {
      de: 'Es gibt in Ihrer Organisation noch kein Konto für {email}. Bitten Sie die Administration um eine Einladung.',
      en: 'There is no account for {email} in your organisation yet. Ask your administrators for an invitation.',
    },
  },
  sso_not_member: {
    title: { de: 'Kein Mitglied', en: 'Not a member' },
    detail: {
      de: 'Das Konto {email} gehört nicht zu der Organisation dieses Anmeldedienstes.',
      en: "The account {email} does not belong to this identity provider's organisation.",
    },
  },
};
