import type { Catalogue } from '../../platform/http/messages.ts';

export const governanceMessages: Catalogue = {
  policy_invalid: {
    title: { de: 'Regeln ungültig', en: 'Rules not valid' },
    detail: {
      de: 'Die Regeln wurden nicht gespeichert. {problem}{more}',
      en: 'The rules were not saved. {problem}{more}',
    },
  },
  policy_version_not_found: {
    title: { de: 'Version nicht gefunden', en: 'Version not found' },
    detail: {
      de: 'Die Regeln haben keine Version {version}.',
      en: 'The rules have no version {version}.',
    },
  },
  policy_unreadable: {
    title: { de: 'Regeln nicht lesbar', en: 'Rules cannot be read' },
    detail: {
      de: 'Version {version} der Regeln lässt sich mit dieser Chorus-Version nicht mehr lesen. Speichern Sie die Regeln neu.',
      en: 'Version {version} of the rules cannot be read by this version of Chorus. Save the rules again.',
    },
  },
  text_too_long: {
    title: { de: 'Text zu lang', en: 'Text too long' },
    detail: {
      de: 'Der Text hat {length} Zeichen; geprüft werden höchstens {limit} Zeichen.',
      en: 'The text has {length} characters; at most {limit} characters can be checked.',
    },
  },
  override_not_needed: {
    title: { de: 'Nichts zu übergehen', en: 'Nothing to override' },
    detail: {
      de: 'Der Text hat keinen blockierenden Hinweis; er kann ohne Übergehen veröffentlicht werden.',
      en: 'The text has no blocking finding; it can be published without an override.',
    },
  },
  override_reason_too_short: {
    title: { de: 'Begründung zu kurz', en: 'Reason too short' },
    detail: {
      de: 'Begründen Sie das Übergehen in mindestens {min} Zeichen; die Begründung geht an Compliance.',
      en: 'Give a reason of at least {min} characters for the override; it goes to compliance.',
    },
  },
  review_item_not_found: {
    title: { de: 'Eintrag nicht gefunden', en: 'Item not found' },
    detail: {
      de: 'Diesen Eintrag gibt es in der Prüfliste Ihrer Organisation nicht.',
      en: "There is no such item in your organisation's review queue.",
    },
  },
  review_already_done: {
    title: { de: 'Bereits geprüft', en: 'Already reviewed' },
    detail: {
      de: 'Dieser Eintrag wurde schon von {by} geprüft.',
      en: 'This item has already been reviewed by {by}.',
    },
  },
  guideline_not_found: {
    title: { de: 'Keine Richtlinie', en: 'No guideline' },
    detail: {
      de: 'Ihre Organisation hat noch keine Social-Media-Richtlinie veröffentlicht.',
      en: 'Your organisation has not published a social media guideline yet.',
    },
  },
  guideline_version_not_found: {
    title: { de: 'Version nicht gefunden', en: 'Version not found' },
    detail: {
      de: 'Die Richtlinie hat keine Version {version}.',
      en: 'The guideline has no version {version}.',
    },
  },
  guideline_outdated: {
    title: { de: 'Neuere Version', en: 'Newer version' },
    detail: {
      de: 'Inzwischen gilt Version {current} der Richtlinie. Lesen Sie sie und bestätigen Sie diese.',
      en: 'Version {current} of the guideline applies now. Read it and acknowledge that one.',
    },
  },
  training_not_found: {
    title: { de: 'Schulung nicht gefunden', en: 'Training not found' },
    detail: {
      de: 'Diese Schulung gibt es in Ihrer Organisation nicht.',
      en: 'There is no such training module in your organisation.',
    },
  },
  training_invalid: {
    title: { de: 'Schulung ungültig', en: 'Training not valid' },
    detail: {
      de: 'Die Schulung wurde nicht gespeichert: {problem}',
      en: 'The training was not saved: {problem}',
    },
  },
  training_answers_invalid: {
    title: { de: 'Antworten ungültig', en: 'Answers not valid' },
    detail: {
      de: 'Die Antworten passen nicht zu den Fragen dieser Schulung: {problem}. Laden Sie die Seite neu.',
      en: "The answers do not fit this training's questions: {problem}. Reload the page.",
    },
  },
  readiness_incomplete: {
    title: { de: 'Fragen offen', en: 'Questions unanswered' },
    detail: {
      de: 'Beantworten Sie alle Fragen; {count} sind noch offen.',
      en: 'Answer every question; {count} are still open.',
    },
  },
};
