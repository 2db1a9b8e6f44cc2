// Which guideline section each rule comes from, and the default explanation a finding carries. The template
// guideline document links its sections to these ids, so a finding can point at the paragraph it enforces.
import type { FindingKind, Localized, Severity } from './types.ts';

export interface GuidelineSection {
  id: string;
  title: Localized;
}

export const GUIDELINE_SECTIONS: readonly GuidelineSection[] = [
  { id: 'confidentiality.bank-data', title: { de: 'Bankverbindungen', en: 'Bank details' } },
  { id: 'confidentiality.payment-cards', title: { de: 'Kartendaten', en: 'Payment card data' } },
  { id: 'confidentiality.tax-data', title: { de: 'Steuerdaten', en: 'Tax identifiers' } },
  { id: 'privacy.contact-data', title: { de: 'Kontaktdaten', en: 'Contact details' } },
  {
    id: 'confidentiality.internal-names',
    title: { de: 'Interne Projekt- und Codenamen', en: 'Internal code names' },
  },
  { id: 'confidentiality.customer-data', title: { de: 'Kundendaten', en: 'Customer data' } },
  { id: 'conduct.language', title: { de: 'Ton und Sprache', en: 'Tone and language' } },
  { id: 'conduct.competitors', title: { de: 'Umgang mit Wettbewerbern', en: 'Competitors' } },
  { id: 'links.safe-links', title: { de: 'Links', en: 'Links' } },
  {
    id: 'transparency.disclosure',
    title: { de: 'Offenlegung der Beschäftigung', en: 'Disclosing your employment' },
  },
  {
    id: 'campaigns.hashtags-mentions',
    title: { de: 'Hashtags und Erwähnungen', en: 'Hashtags and mentions' },
  },
  { id: 'channels.network-rules', title: { de: 'Regeln je Netzwerk', en: 'Rules per network' } },
  { id: 'engine.integrity', title: { de: 'Vollständige Prüfung', en: 'Complete checks' } },
];

export interface RuleDefault {
  /** Rule id, or for configurable rules the prefix before the policy's own id (e.g. 'terms.code-name'). */
  rule: string;
  kind: FindingKind;
  section: string;
  severity: Severity;
  explanation: Localized;
}

const CONSEQUENCE = {
  de: 'Ein Verstoß verletzt die Verschwiegenheitspflicht, kann Meldepflichten nach DSGVO auslösen und arbeitsrechtliche Folgen haben.',
  en: 'Breaking it breaches confidentiality, can trigger GDPR breach notification and can have consequences under your employment contract.',
};

function confidential(de: string, en: string): Localized {
  return { de: `${de} ${CONSEQUENCE.de}`, en: `${en} ${CONSEQUENCE.en}` };
}

/** Built-in rules and the defaults of each kind of configurable rule. */
export const RULE_DEFAULTS: Readonly<Record<string, RuleDefault>> = Object.fromEntries(
  (
    [
      {
        rule: 'detector.iban',
        kind: 'iban',
        section: 'confidentiality.bank-data',
        severity: 'block',
        explanation: confidential(
          'IBANs von Kunden und Beschäftigten sind vertraulich und gehören nie in einen öffentlichen Beitrag.',
          'IBANs of customers and staff are confidential and never belong in a public post.',
        ),
      },
      {
        rule: 'detector.card',
        kind: 'card',
        section: 'confidentiality.payment-cards',
        severity: 'block',
        explanation: confidential(
          'Kartennummern ermöglichen Betrug; ihre Veröffentlichung verstößt auch gegen PCI DSS.',
          'Card numbers enable fraud; publishing them also violates PCI DSS.',
        ),
      },
      {
        rule: 'detector.tax_id',
        kind: 'tax_id',
        section: 'confidentiality.tax-data',
        severity: 'block',
        explanation: confidential(
          'Die Steuer-ID ist ein lebenslanges persönliches Merkmal und unterliegt dem Steuergeheimnis.',
          'The German tax ID identifies a person for life and is protected by tax secrecy.',
        ),
      },
      {
        rule: 'detector.email',
        kind: 'email',
        section: 'privacy.contact-data',
        severity: 'warn',
        explanation: {
          de: 'E-Mail-Adressen sind personenbezogene Daten; veröffentlichen Sie nur freigegebene Sammeladressen. Sonst drohen Spam, Phishing und Datenschutzbeschwerden.',
          en: 'E-mail addresses are personal data; publish only approved shared addresses. Otherwise spam, phishing and data protection complaints follow.',
        },
      },
      {
        rule: 'detector.phone',
        kind: 'phone',
        section: 'privacy.contact-data',
        severity: 'warn',
        explanation: {
          de: 'Telefonnummern sind personenbezogene Daten; veröffentlichen Sie nur freigegebene Service-Nummern. Sonst drohen Belästigung und Datenschutzbeschwerden.',
          en: 'Phone numbers are personal data; publish only approved service numbers. Otherwise harassment and data protection complaints follow.',
        },
      },
      {
        rule: 'terms.code-name',
        kind: 'term',
        section: 'confidentiality.internal-names',
        severity: 'block',
        explanation: confidential(
          'Interne Projekt- und Codenamen verraten Vorhaben, bevor das Unternehmen sie ankündigt.',
          'Internal project and code names reveal plans before the company announces them.',
        ),
      },
      {
        rule: 'terms.customer',
        kind: 'term',
        section: 'confidentiality.customer-data',
        severity: 'block',
        explanation: confidential(
          'Kundennamen dürfen nur mit schriftlicher Freigabe des Kunden genannt werden.',
          'Customers may be named only with their written consent.',
        ),
      },
      {
        rule: 'terms.banned',
        kind: 'term',
        section: 'conduct.language',
        severity: 'block',
        explanation: {
          de: 'Dieser Begriff ist in der Kommunikation des Unternehmens nicht erlaubt; er schadet dem Ansehen und kann Abmahnungen nach sich ziehen.',
          en: 'This term is not allowed in the company’s communication; it harms its reputation and can lead to legal warnings.',
        },
      },
      {
        rule: 'terms.risky',
        kind: 'term',
        section: 'conduct.language',
        severity: 'warn',
        explanation: {
          de: 'Dieser Begriff ist heikel (z. B. ein Heilsversprechen oder eine Renditezusage); prüfen Sie die Formulierung, sonst drohen Beschwerden und Haftung.',
          en: 'This term is risky (e.g. a promise of returns or cures); check the wording, otherwise complaints and liability may follow.',
        },
      },
      {
        rule: 'terms.competitor',
        kind: 'term',
        section: 'conduct.competitors',
        severity: 'warn',
        explanation: {
          de: 'Äußerungen über Wettbewerber können als unlautere vergleichende Werbung gelten (UWG).',
          en: 'Statements about competitors can count as unfair comparative advertising.',
        },
      },
      {
        rule: 'terms.other',
        kind: 'term',
        section: 'conduct.language',
        severity: 'warn',
        explanation: {
          de: 'Dieser Begriff steht auf einer Liste Ihrer Richtlinie; prüfen Sie, ob er hierher gehört.',
          en: 'This term is on one of your guideline’s lists; check whether it belongs here.',
        },
      },
      {
        rule: 'patterns',
        kind: 'pattern',
        section: 'confidentiality.customer-data',
        severity: 'block',
        explanation: confidential(
          'Dieses Format (z. B. eine Kunden- oder Vertragsnummer) identifiziert Kunden und ist vertraulich.',
          'This format (e.g. a customer or contract number) identifies customers and is confidential.',
        ),
      },
      {
        rule: 'links.blocked-domain',
        kind: 'link',
        section: 'links.safe-links',
        severity: 'block',
        explanation: {
          de: 'Auf diese Domain darf nicht verlinkt werden; ein Link macht sie sich zu eigen und kann Leser gefährden.',
          en: 'This domain may not be linked; a link endorses it and can put readers at risk.',
        },
      },
      {
        rule: 'links.not-allowed',
        kind: 'link',
        section: 'links.safe-links',
        severity: 'warn',
        explanation: {
          de: 'Verlinken Sie nur freigegebene Domains; andere Ziele können sich ändern, ohne dass es jemand merkt.',
          en: 'Link only to approved domains; other targets can change without anyone noticing.',
        },
      },
      {
        rule: 'links.shortener',
        kind: 'link',
        section: 'links.safe-links',
        severity: 'warn',
        explanation: {
          de: 'Kurzlinks verbergen das Ziel; Leser und Prüfer können nicht sehen, wohin sie führen.',
          en: 'Short links hide their target; readers and reviewers cannot see where they lead.',
        },
      },
      {
        rule: 'links.tracking-parameter',
        kind: 'link',
        section: 'links.safe-links',
        severity: 'info',
        explanation: {
          de: 'Tracking-Parameter geben Daten an Dritte weiter; nutzen Sie die Link-Verfolgung von Chorus.',
          en: 'Tracking parameters pass data to third parties; use Chorus’s own link tracking instead.',
        },
      },
      {
        rule: 'disclosures',
        kind: 'disclosure',
        section: 'transparency.disclosure',
        severity: 'block',
        explanation: {
          de: 'Wer über Produkte des Arbeitgebers schreibt, muss das offenlegen (z. B. #Mitarbeiter); verdeckte Werbung ist unlauter (UWG § 5a).',
          en: 'Posting about your employer’s products requires disclosing it (e.g. #employee); hidden advertising is unlawful.',
        },
      },
      {
        rule: 'hashtags.required',
        kind: 'hashtag',
        section: 'campaigns.hashtags-mentions',
        severity: 'warn',
        explanation: {
          de: 'Dieser Hashtag gehört zu jedem Beitrag dieser Art; ohne ihn ist der Beitrag in der Kampagne nicht auffindbar.',
          en: 'This hashtag belongs in every post of this kind; without it the post cannot be found in the campaign.',
        },
      },
      {
        rule: 'hashtags.forbidden',
        kind: 'hashtag',
        section: 'campaigns.hashtags-mentions',
        severity: 'warn',
        explanation: {
          de: 'Dieser Hashtag ist nicht erlaubt; er verbindet das Unternehmen mit einem Thema, zu dem es nicht Stellung nimmt.',
          en: 'This hashtag is not allowed; it ties the company to a topic it does not comment on.',
        },
      },
      {
        rule: 'mentions.required',
        kind: 'mention',
        section: 'campaigns.hashtags-mentions',
        severity: 'warn',
        explanation: {
          de: 'Dieser Account muss erwähnt werden (z. B. der Unternehmensaccount beim Teilen).',
          en: 'This account must be mentioned (e.g. the company account when sharing).',
        },
      },
      {
        rule: 'mentions.forbidden',
        kind: 'mention',
        section: 'campaigns.hashtags-mentions',
        severity: 'warn',
        explanation: {
          de: 'Dieser Account darf nicht erwähnt werden; eine Erwähnung benachrichtigt ihn und kann eine Debatte auslösen.',
          en: 'This account may not be mentioned; a mention notifies it and can start a debate.',
        },
      },
      {
        rule: 'networks.max-length',
        kind: 'network',
        section: 'channels.network-rules',
        severity: 'block',
        explanation: {
          de: 'Der Text ist länger, als dieses Netzwerk oder Ihre Richtlinie erlaubt; er würde abgeschnitten oder abgelehnt.',
          en: 'The text is longer than this network or your guideline allows; it would be cut or rejected.',
        },
      },
      {
        rule: 'networks.forbidden',
        kind: 'network',
        section: 'channels.network-rules',
        severity: 'block',
        explanation: {
          de: 'Beiträge dieser Art sind in diesem Netzwerk nicht vorgesehen.',
          en: 'Posts of this kind are not meant for this network.',
        },
      },
      {
        rule: 'engine.pattern-budget',
        kind: 'engine',
        section: 'engine.integrity',
        severity: 'block',
        explanation: {
          de: 'Die Prüfung wurde nicht vollständig ausgeführt (Zeitbudget überschritten); der Text gilt erst nach einer vollständigen Prüfung als geprüft.',
          en: 'The check did not complete (time budget exceeded); the text counts as checked only after a complete check.',
        },
      },
    ] satisfies RuleDefault[]
  ).map((d) => [d.rule, d]),
);

export function ruleDefault(rule: string): RuleDefault {
  const d = RULE_DEFAULTS[rule];
  if (!d) throw new Error(`no defaults for rule ${rule}`);
  return d;
}
