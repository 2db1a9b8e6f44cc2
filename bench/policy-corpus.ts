// Deterministic material for the guideline engine's benchmarks: a policy with every kind of rule, 5,000 terms
// and 50 patterns, and a corpus of German and English posts, some with findings and many with look-alikes
// (dates, prices, order numbers, versions, postcodes). Same seed, same corpus, on every machine.
import { foldString } from '../src/policy/chars.ts';
import { germanTaxId, luhn, mod97Remainder } from '../src/policy/checksums.ts';
import { type Policy, type PolicyInput, parsePolicy } from '../src/policy/policy-schema.ts';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: Rand, n: number): string => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

const DE = (
  'der die das und ist nicht wir unsere Kunden Bank Beratung Konto heute morgen Woche Team Kolleginnen Kollegen ' +
  'freuen uns über neue Filiale eröffnet Gespräch Veranstaltung Nachhaltigkeit Zukunft Digitalisierung Angebot ' +
  'Kredit Baufinanzierung Sparen Vorsorge Geldanlage Zinsen Gebühren Mitarbeiterinnen Ausbildung Karriere ' +
  'Stellenangebote Bewerbung Messe Vortrag Podium Gäste Region Mittelstand Unternehmen Förderung Gründer ' +
  'Wachstum Stadt Straße Grüße schöne Feiertage Jubiläum Jahre Erfolg gemeinsam Verantwortung Spende Verein ' +
  'Sport Kultur Musik Abend Frühstück Mittagessen Besuch Präsentation Ergebnis Quartal Bericht Zahlen stark ' +
  'sicher einfach schnell persönlich digital mobil Überweisung Karte Sicherheit Betrug Warnung Phishing Hinweis ' +
  'bitte niemals weitergeben Passwort Fragen Antworten Service erreichbar Montag Freitag Uhr geöffnet für mit von'
).split(' ');
const EN = (
  'the and is not we our customers bank advice account today tomorrow week team colleagues are happy to announce ' +
  'new branch opened conversation event sustainability future digital offer loan mortgage savings pension ' +
  'investment interest fees employees apprenticeship career jobs application fair talk panel guests region ' +
  'business growth city street greetings holidays anniversary years success together responsibility donation ' +
  'club sports culture music evening breakfast lunch visit presentation results quarter report numbers strong ' +
  'secure simple fast personal mobile transfer card security fraud warning phishing notice please never share ' +
  'password questions answers service available Monday Friday open for with from about this that'
).split(' ');

const SYL = [
  'ka',
  'ro',
  'mi',
  'tu',
  'ne',
  'la',
  'vo',
  'ri',
  'sa',
  'de',
  'gu',
  'fa',
  'lo',
  'ze',
  'bu',
  'ki',
  'mo',
  'ta',
  'ü',
  'ä',
];
function pseudoWord(r: Rand, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(r, SYL);
  return w[0]!.toUpperCase() + w.slice(1);
}

function iban(r: Rand): string {
  const bban = digits(r, 18);
  const check = String(98 - mod97Remainder(`${bban}DE00`)).padStart(2, '0');
  const s = `DE${check}${bban}`;
  return r() < 0.5 ? s : s.replace(/(.{4})/g, '$1 ').trim();
}
function card(r: Rand): string {
  for (;;) {
    const s = `4${digits(r, 15)}`;
    if (luhn(s)) return r() < 0.5 ? s : s.replace(/(.{4})/g, '$1 ').trim();
  }
}
function taxId(r: Rand): string {
  for (;;) {
    const s = `${1 + Math.floor(r() * 9)}${digits(r, 10)}`;
    if (germanTaxId(s))
      return r() < 0.5 ? s : `${s.slice(0, 2)} ${s.slice(2, 5)} ${s.slice(5, 8)} ${s.slice(8)}`;
  }
}
const PHONES = [
  '+49 30 901820',
  '0170 1234567',
  '+44 20 7946 0958',
  '030 901820',
  '+49 (0)30 901820',
  '0151 23456789',
];
const FIRST = ['max', 'erika', 'jan', 'anna', 'lukas', 'sofia', 'tom', 'lea'];

export interface BenchPolicy {
  policy: Policy;
  terms: string[];
  patternPrefixes: string[];
}

export function benchPolicy(): BenchPolicy {
  const r = rng(42);
  const terms = new Set<string>();
  // generated names that fold to a real word ("Neü" is "neue") would turn every post into a finding
  const words = new Set([...DE, ...EN].map((w) => foldString(w)));
  while (terms.size < 5000) {
    const k = r();
    let t: string;
    if (k < 0.5) t = pseudoWord(r, 2 + Math.floor(r() * 3));
    else if (k < 0.8) t = `${pseudoWord(r, 2)} ${pseudoWord(r, 2 + Math.floor(r() * 2))}`;
    else t = `Projekt ${pseudoWord(r, 3)}`;
    if (!t.split(' ').some((w) => words.has(foldString(w)))) terms.add(t);
  }
  const all = [...terms];
  const lists = [
    { id: 'code-names', category: 'code-name', severity: 'block', terms: all.slice(0, 1500) },
    { id: 'customers', category: 'customer', severity: 'block', terms: all.slice(1500, 4000) },
    {
      id: 'banned',
      category: 'banned',
      severity: 'block',
      terms: [...all.slice(4000, 4500), 'Abzocke', 'Pleite'],
    },
    {
      id: 'risky',
      category: 'risky',
      severity: 'warn',
      terms: [...all.slice(4500, 4998), 'garantierte Rendite', 'risk-free'],
    },
  ] as const;
  const prefixes: string[] = [];
  const patterns: PolicyInput['patterns'] = [];
  for (let i = 0; patterns.length < 40; i++) {
    const p =
      String.fromCharCode(65 + (i % 26), 65 + ((i * 7 + 3) % 26)) +
      (i >= 26 ? String.fromCharCode(65 + (i % 5)) : '');
    if (prefixes.includes(p)) continue;
    prefixes.push(p);
    const shape = i % 4;
    const pattern = [
      `\\b${p}-\\d{8}\\b`,
      `\\b${p}\\d{9}\\b`,
      `\\b${p}-[A-Z]{3}-\\d{4}\\b`,
      `\\b${p} \\d{3} \\d{3}\\b`,
    ][shape]!;
    patterns.push({
      id: `p${i}`,
      severity: i % 3 === 0 ? 'warn' : 'block',
      pattern,
      ...(shape === 1 ? { validator: 'luhn' as const } : {}),
    });
  }
  const digitOnly = [
    '\\b\\d{3}\\.\\d{3}\\.\\d{3}\\b',
    '\\b\\d{2}/\\d{6}/\\d{3}\\b',
    '\\b\\d{4}-\\d{4}-\\d{4}\\b',
    '(?<!\\d)\\d{10}(?!\\d)',
    '\\b\\d{3} \\d{3} \\d{3} \\d{2}\\b',
    '\\b\\d{5}-\\d{5}\\b',
    '\\b9\\d{7}\\b',
    '\\b\\d{2}\\.\\d{6}\\.\\d{2}\\b',
    '\\bKto\\.? ?\\d{7,10}\\b',
    '\\bVertrag(?:snummer)? \\d{6,9}\\b',
  ];
  digitOnly.forEach((pattern, i) => {
    patterns.push({ id: `d${i}`, severity: 'warn', pattern, flags: 'i' });
  });
  const input: PolicyInput = {
    id: 'bench',
    version: 7,
    detectors: { email: { allow: ['@presse.example.de'] }, phone: { allow: ['+49 40 30010000'] } },
    terms: lists.map((l) => ({ ...l, terms: [...l.terms] })),
    patterns,
    links: {
      blockedDomains: { domains: ['scam.example'] },
      allowedDomains: { domains: ['bank.example', 'linkedin.com', 'bundesbank.de'] },
      shorteners: {},
      tracking: {},
    },
    disclosures: [
      {
        id: 'employee',
        severity: 'block',
        anyOf: ['#Mitarbeiter', '#employee'],
        employerTerms: ['Nordbank'],
        scope: { kinds: ['personal', 'share'] },
      },
    ],
    hashtags: [
      { id: 'forbidden', mode: 'forbidden', severity: 'block', values: ['#Wahlkampf'] },
      {
        id: 'campaign',
        mode: 'required',
        severity: 'info',
        values: ['#NordbankKarriere'],
        scope: { departments: ['hr'] },
      },
    ],
    mentions: [{ id: 'regulator', mode: 'forbidden', severity: 'warn', values: ['@bafin'] }],
    networks: [{ id: 'x', severity: 'block', networks: ['x'], maxLength: 280 }],
  };
  const parsed = parsePolicy(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { policy: parsed.policy, terms: all, patternPrefixes: prefixes };
}

/** Things that look like confidential numbers but are not. */
function lookAlike(r: Rand): string {
  switch (Math.floor(r() * 9)) {
    case 0:
      return `${1 + Math.floor(r() * 28)}.${1 + Math.floor(r() * 12)}.20${digits(r, 2)}`;
    case 1:
      return `${digits(r, 1 + Math.floor(r() * 3))}.${digits(r, 3)},${digits(r, 2)} €`;
    case 2:
      return `Bestellnummer ${digits(r, 10 + Math.floor(r() * 4))}`;
    case 3:
      return `v${Math.floor(r() * 20)}.${Math.floor(r() * 20)}.${Math.floor(r() * 50)}`;
    case 4:
      return `${digits(r, 5)} ${pick(r, ['Berlin', 'Hamburg', 'München', 'Köln'])}`;
    case 5:
      return `${Math.floor(r() * 24)}:${digits(r, 2)} Uhr`;
    case 6:
      return `EAN 40${digits(r, 11)}`;
    case 7:
      return `20${digits(r, 2)}-${digits(r, 2)}-${digits(r, 2)}`;
    default:
      return `${digits(r, 2)},${digits(r, 1)} %`;
  }
}

function finding(r: Rand, bp: BenchPolicy): string {
  switch (Math.floor(r() * 10)) {
    case 0:
      return `IBAN ${iban(r)}`;
    case 1:
      return `Karte ${card(r)}`;
    case 2:
      return `Steuer-ID ${taxId(r)}`;
    case 3:
      return `${pick(r, FIRST)}.${pick(r, FIRST)}@example.com`;
    case 4:
      return `Tel. ${pick(r, PHONES)}`;
    case 5:
    case 6:
      return pick(r, bp.terms);
    case 7:
      return `${pick(r, bp.patternPrefixes)}-${digits(r, 8)}`;
    case 8:
      return `https://${pick(r, ['bit.ly/3xYz', 'www.bank.example/angebot?utm_source=li&id=4', 'scam.example/win', 'example.org/a'])}`;
    default:
      return pick(r, ['#Wahlkampf', '@bafin', '#Mitarbeiter', '#NordbankKarriere']);
  }
}

export interface Post {
  id: string;
  text: string;
}

/** A post of `len` characters (±1 word). */
export function post(r: Rand, bp: BenchPolicy, len: number, findingRate: number): string {
  const de = r() < 0.6;
  const words = de ? DE : EN;
  let s = '';
  let sentence = 0;
  while (s.length < len) {
    const k = r();
    let w: string;
    if (k < findingRate) w = finding(r, bp);
    else if (k < findingRate + 0.02) w = lookAlike(r);
    else if (k < findingRate + 0.03) w = pick(r, de ? EN : DE);
    else w = pick(r, words);
    if (sentence === 0) w = w[0]!.toUpperCase() + w.slice(1);
    s += (s ? ' ' : '') + w;
    if (++sentence > 6 + Math.floor(r() * 10)) {
      s += pick(r, ['.', '.', '!', '?', '.\n']);
      sentence = 0;
    }
  }
  return s.slice(0, len);
}

export function corpus(count: number, seed = 7): Post[] {
  const bp = benchPolicy();
  const r = rng(seed);
  const posts: Post[] = [];
  for (let i = 0; i < count; i++) {
    // most posts have nothing to find; about one in five has something
    const rate = r() < 0.2 ? 0.01 : 0;
    posts.push({ id: `p${i}`, text: post(r, bp, 100 + Math.floor(r() * 2901), rate) });
  }
  return posts;
}

export function shortPosts(count: number, seed = 11): Post[] {
  const bp = benchPolicy();
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    text: post(r, bp, 500, r() < 0.2 ? 0.02 : 0),
  }));
}
