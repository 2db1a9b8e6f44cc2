// Rules to start from: the template every organisation may load into the editor, and the demo
// organisation's rules (adapted from src/policy/examples/bank.json), both for the template guideline.
import type { PolicyInput } from '../../policy/index.ts';

const NETWORK_LIMITS: NonNullable<PolicyInput['networks']> = [
  { id: 'x-length', severity: 'block', networks: ['x'], maxLength: 280 },
  { id: 'bluesky-length', severity: 'block', networks: ['bluesky'], maxLength: 300 },
  { id: 'mastodon-length', severity: 'block', networks: ['mastodon'], maxLength: 500 },
];

/**
 * A starting point for any organisation: the built-in detectors, the usual risky promises, links and the
 * employment disclosure. The code-name list holds a placeholder to replace with the real internal names.
 */
export function templatePolicy(orgName: string): PolicyInput {
  return {
    id: 'social-media-guideline',
    version: 1,
    name: `${orgName} — social media guideline`,
    defaultRegion: 'DE',
    detectors: {
      iban: { severity: 'block' },
      card: { severity: 'block' },
      tax_id: { severity: 'block' },
      email: { severity: 'warn' },
      phone: { severity: 'warn' },
    },
    terms: [
      {
        id: 'code-names',
        name: 'Interne Projekt- und Codenamen / internal code names',
        category: 'code-name',
        severity: 'block',
        terms: ['Projekt Platzhalter'],
      },
      { id: 'banned', category: 'banned', severity: 'block', terms: ['Abzocke', 'rip-off'] },
      {
        id: 'risky',
        category: 'risky',
        severity: 'warn',
        terms: ['garantierte Rendite', 'risikolos', 'guaranteed return', 'risk-free'],
      },
    ],
    links: { shorteners: { severity: 'warn' }, tracking: { severity: 'info' } },
    disclosures: [
      {
        id: 'employee',
        severity: 'block',
        anyOf: [
          '#Mitarbeiter',
          '#Mitarbeiterin',
          '#employee',
          `Ich arbeite bei ${orgName}`,
          `I work at ${orgName}`,
        ],
        employerTerms: [orgName],
        scope: { kinds: ['personal', 'share'] },
      },
    ],
    hashtags: [
      { id: 'no-politics', mode: 'forbidden', severity: 'block', values: ['#Wahlkampf', '#Börsentipp'] },
    ],
    networks: NETWORK_LIMITS,
  };
}

/** The demo organisation's rules: its code names, customers and customer-number format. */
export function demoPolicy(hrDepartmentId: string): PolicyInput {
  return {
    id: 'beispiel-social',
    version: 1,
    name: 'Beispiel GmbH — Social-Media-Richtlinie',
    defaultRegion: 'DE',
    detectors: {
      iban: { severity: 'block', allow: ['DE02 1203 0000 0000 2020 51'] },
      card: { severity: 'block' },
      tax_id: { severity: 'block' },
      email: { severity: 'warn', allow: ['presse@beispiel.example', 'service@beispiel.example'] },
      phone: { severity: 'warn', scope: { kinds: ['company', 'reply', 'share'] } },
    },
    terms: [
      {
        id: 'code-names',
        name: 'Interne Projektnamen',
        category: 'code-name',
        severity: 'block',
        terms: ['Projekt Nordlicht', 'Falke', 'Atlas 2030'],
      },
      { id: 'customers', category: 'customer', severity: 'block', terms: ['Müller Logistik', 'Hansewerft'] },
      { id: 'banned', category: 'banned', severity: 'block', terms: ['Pleite', 'Abzocke'] },
      {
        id: 'risky',
        category: 'risky',
        severity: 'warn',
        terms: ['garantierte Rendite', 'risikolos', 'guaranteed return', 'risk-free'],
      },
      {
        id: 'competitors',
        category: 'competitor',
        severity: 'info',
        terms: ['Muster AG'],
        scope: { kinds: ['personal', 'share'] },
      },
    ],
    patterns: [
      {
        id: 'customer-number',
        name: 'Kundennummer',
        severity: 'block',
        pattern: '\\bKD-\\d{8}\\b',
        flags: 'i',
      },
      {
        id: 'contract-number',
        name: 'Vertragsnummer',
        severity: 'block',
        pattern: '\\bVertrag(?:snummer)?:? (?<value>\\d{4} \\d{4} \\d{2})\\b',
        validator: 'luhn',
      },
    ],
    links: {
      blockedDomains: { domains: ['scam-broker.example'], severity: 'block' },
      shorteners: { severity: 'warn' },
      tracking: { severity: 'info' },
    },
    disclosures: [
      {
        id: 'employee',
        severity: 'block',
        anyOf: ['#Mitarbeiter', '#employee', 'Ich arbeite bei der Beispiel GmbH', 'I work at Beispiel GmbH'],
        employerTerms: ['Beispiel GmbH'],
        scope: { kinds: ['personal', 'share'] },
      },
    ],
    hashtags: [
      {
        id: 'careers-campaign',
        mode: 'required',
        severity: 'warn',
        values: ['#BeispielKarriere'],
        scope: { departments: [hrDepartmentId], kinds: ['company'] },
      },
      { id: 'no-politics', mode: 'forbidden', severity: 'block', values: ['#Wahlkampf', '#Börsentipp'] },
    ],
    mentions: [
      {
        id: 'company-account',
        mode: 'required',
        severity: 'info',
        values: ['@beispiel'],
        scope: { kinds: ['share'] },
      },
    ],
    networks: [
      ...NETWORK_LIMITS,
      {
        id: 'no-personal-tiktok',
        severity: 'block',
        networks: ['tiktok'],
        forbidden: true,
        scope: { kinds: ['personal', 'share'] },
      },
    ],
  };
}
