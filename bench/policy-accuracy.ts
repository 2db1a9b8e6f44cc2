// A labelled corpus for the built-in detectors: each text is built from pieces whose spans are known, mixing
// true values with the look-alikes that are common in real posts (order numbers, EAN codes, dates, prices,
// postcodes, versions, times). Precision and recall are counted per detector by span overlap.

import { germanTaxId, gtin, luhn, mod97Remainder } from '../src/policy/checksums.ts';
import { evaluate } from '../src/policy/evaluate.ts';
import { BUILTIN_POLICY } from '../src/policy/policy-schema.ts';
import { pick, type Rand, rng } from './policy-corpus.ts';

export const ACCURACY_KINDS = ['iban', 'card', 'tax_id', 'email', 'phone'] as const;
type Kind = (typeof ACCURACY_KINDS)[number];

interface Label {
  kind: Kind;
  start: number;
  end: number;
}

const d = (r: Rand, n: number): string => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
/** n digits, the first not 0 (subscriber numbers and the like never start with 0). */
const nz = (r: Rand, n: number): string => `${1 + Math.floor(r() * 9)}${d(r, n - 1)}`;
const group4 = (s: string): string => s.replace(/(.{4})/g, '$1 ').trim();

const IBAN_COUNTRIES: [string, number][] = [
  ['DE', 18],
  ['AT', 16],
  ['CH', 17],
  ['NL', 14],
  ['FR', 23],
  ['IT', 23],
  ['ES', 20],
  ['PL', 24],
  ['BE', 12],
  ['LU', 16],
];
function ibanValue(r: Rand): string {
  const [cc, n] = pick(r, IBAN_COUNTRIES);
  let bban = d(r, n);
  if (cc === 'NL') bban = `ABNA${d(r, 10)}`;
  const numeric = `${bban}${cc}00`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  const check = String(98 - mod97Remainder(numeric)).padStart(2, '0');
  const s = `${cc}${check}${bban}`;
  const k = r();
  return k < 0.4 ? s : k < 0.8 ? group4(s) : group4(s).toLowerCase();
}
function cardValue(r: Rand): string {
  const prefix = pick(r, ['4', '51', '55', '2221', '34', '37', '6011', '3530']);
  const len = prefix === '34' || prefix === '37' ? 15 : 16;
  for (;;) {
    const s = prefix + d(r, len - prefix.length);
    if (luhn(s)) {
      if (len === 15) return r() < 0.5 ? s : `${s.slice(0, 4)} ${s.slice(4, 10)} ${s.slice(10)}`;
      return r() < 0.4 ? s : r() < 0.7 ? group4(s) : group4(s).replaceAll(' ', '-');
    }
  }
}
function taxValue(r: Rand): string {
  for (;;) {
    const s = `${1 + Math.floor(r() * 9)}${d(r, 10)}`;
    if (germanTaxId(s))
      return r() < 0.5 ? s : `${s.slice(0, 2)} ${s.slice(2, 5)} ${s.slice(5, 8)} ${s.slice(8)}`;
  }
}
const NAMES = ['max', 'erika', 'jan', 'anna', 'j.doe', 'team-hr', 'info', 'k.mueller', 'support+de'];
const DOMAINS = ['example.com', 'firma.de', 'mail.beispiel.de', 'bank.co.uk', 'müller-bau.de', 'startup.io'];
function emailValue(r: Rand): string {
  return `${pick(r, NAMES)}@${pick(r, DOMAINS)}`;
}
function phoneValue(r: Rand): string {
  const k = Math.floor(r() * 6);
  if (k === 0) return `+49 30 ${nz(r, 3)} ${d(r, 4)}`;
  if (k === 1) return `030 ${nz(r, 7)}`;
  if (k === 2) return `0170 ${nz(r, 7)}`;
  if (k === 3) return `+49 (0)89 ${nz(r, 6)}`;
  if (k === 4) return `(040) ${nz(r, 3)}-${d(r, 4)}`;
  return `+44 20 7946 ${d(r, 4)}`;
}

function lookAlike(r: Rand): string {
  switch (Math.floor(r() * 11)) {
    case 0:
      return `Bestellnummer ${1 + Math.floor(r() * 9)}${d(r, 5 + Math.floor(r() * 9))}`;
    case 1: {
      for (;;) {
        const s = `40${d(r, 11)}`;
        if (gtin(s)) return `EAN ${s}`;
      }
    }
    case 2:
      return `${1 + Math.floor(r() * 28)}.${1 + Math.floor(r() * 12)}.20${d(r, 2)}`;
    case 3:
      return `20${d(r, 2)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
    case 4:
      return `${d(r, 1)}.${d(r, 3)}.${d(r, 3)},${d(r, 2)} €`;
    case 5:
      return `PLZ ${1 + Math.floor(r() * 9)}${d(r, 4)}`;
    case 6:
      return `Version ${Math.floor(r() * 9)}.${Math.floor(r() * 20)}.${Math.floor(r() * 99)}`;
    case 7:
      return `${Math.floor(r() * 24)}:${d(r, 2)} Uhr`;
    case 8:
      return `Rechnung RE-20${d(r, 2)}-${d(r, 6)}`;
    case 9:
      return `Tracking ${d(r, 4)} ${d(r, 4)} ${d(r, 4)}`;
    default:
      return `Artikel ${d(r, 3)}.${d(r, 3)}.${d(r, 2)}`;
  }
}

const FILLER = [
  'Bitte beachten Sie',
  'Danke für Ihre Nachricht',
  'Please note',
  'Our team replies within a day',
  'Gruß aus Hamburg',
  'Details siehe unten',
  'see you at the fair',
];

export interface AccuracyResult {
  samples: Record<Kind, number>;
  precision: Record<Kind, number>;
  recall: Record<Kind, number>;
}

export function accuracy(texts: number): AccuracyResult {
  const r = rng(99);
  const tp = {} as Record<Kind, number>;
  const fp = {} as Record<Kind, number>;
  const fn = {} as Record<Kind, number>;
  const samples = {} as Record<Kind, number>;
  for (const k of ACCURACY_KINDS) tp[k] = fp[k] = fn[k] = samples[k] = 0;
  const make: Record<Kind, (r: Rand) => string> = {
    iban: ibanValue,
    card: cardValue,
    tax_id: taxValue,
    email: emailValue,
    phone: phoneValue,
  };
  for (let t = 0; t < texts; t++) {
    let text = '';
    const labels: Label[] = [];
    const pieces = 6 + Math.floor(r() * 6);
    for (let p = 0; p < pieces; p++) {
      text += `${pick(r, FILLER)}: `;
      const k = r();
      if (k < 0.35) {
        const kind = pick(r, ACCURACY_KINDS);
        const v = make[kind](r);
        labels.push({ kind, start: text.length, end: text.length + v.length });
        samples[kind]++;
        text += v;
      } else text += lookAlike(r);
      text += pick(r, ['. ', ', ', '; ', '.\n']);
    }
    const found = evaluate(text, BUILTIN_POLICY, { kind: 'company' }).findings;
    for (const f of found) {
      const kind = f.kind as Kind;
      if (!ACCURACY_KINDS.includes(kind)) continue;
      if (labels.some((l) => l.kind === kind && l.start < f.end && f.start < l.end)) tp[kind]++;
      else {
        fp[kind]++;
        if (process.env.ACC_DEBUG)
          console.log(
            kind,
            JSON.stringify(f.text),
            JSON.stringify(text.slice(Math.max(0, f.start - 30), f.end + 10)),
          );
      }
    }
    for (const l of labels) {
      if (!found.some((f) => f.kind === l.kind && l.start < f.end && f.start < l.end)) fn[l.kind]++;
    }
  }
  const precision = {} as Record<Kind, number>;
  const recall = {} as Record<Kind, number>;
  for (const k of ACCURACY_KINDS) {
    precision[k] = tp[k] + fp[k] === 0 ? 1 : tp[k] / (tp[k] + fp[k]);
    recall[k] = tp[k] + fn[k] === 0 ? 1 : tp[k] / (tp[k] + fn[k]);
  }
  return { samples, precision, recall };
}
