// The step after evaluate: what the composer shows. Highlights are the merged, sorted spans to colour in the
// text; messages are the findings in the reader's language with their guideline section, worst first.
import { GUIDELINE_SECTIONS } from './sections.ts';
import type { Decision, FindingKind, Localized, Severity } from './types.ts';

export type Lang = 'de' | 'en';

export interface Highlight {
  start: number;
  end: number;
  /** The worst severity among the findings the span covers. */
  severity: Severity;
  /** Indexes into decision.findings. */
  findings: number[];
}

export interface RenderedMessage {
  finding: number;
  kind: FindingKind;
  severity: Severity;
  rule: string;
  /** e.g. "IBAN" / "Kartennummer". */
  label: string;
  /** The explanation: why, and what follows from breaking the rule. */
  message: string;
  section: string;
  sectionTitle: string;
  /** Zero-length for findings about the whole text (no highlight). */
  start: number;
  end: number;
}

export interface Rendered {
  blocked: boolean;
  policyVersion: number;
  summary: string;
  highlights: Highlight[];
  messages: RenderedMessage[];
}

const RANK: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

const LABELS: Record<FindingKind, Localized> = {
  iban: { de: 'IBAN', en: 'IBAN' },
  card: { de: 'Kartennummer', en: 'Card number' },
  tax_id: { de: 'Steuer-ID', en: 'Tax ID' },
  email: { de: 'E-Mail-Adresse', en: 'E-mail address' },
  phone: { de: 'Telefonnummer', en: 'Phone number' },
  term: { de: 'Begriff', en: 'Term' },
  pattern: { de: 'Vertrauliches Format', en: 'Confidential format' },
  link: { de: 'Link', en: 'Link' },
  disclosure: { de: 'Offenlegung fehlt', en: 'Disclosure missing' },
  hashtag: { de: 'Hashtag', en: 'Hashtag' },
  mention: { de: 'Erwähnung', en: 'Mention' },
  network: { de: 'Netzwerk', en: 'Network' },
  engine: { de: 'Prüfung', en: 'Check' },
};

function plural(lang: Lang, n: number, one: Localized, many: Localized): string {
  return `${n} ${n === 1 ? one[lang] : many[lang]}`;
}

export function render(decision: Decision, opts: { lang: Lang }): Rendered {
  const { lang } = opts;
  const spans = decision.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.end > f.start)
    .sort((a, b) => a.f.start - b.f.start || b.f.end - a.f.end);
  const highlights: Highlight[] = [];
  for (const { f, i } of spans) {
    const last = highlights[highlights.length - 1];
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      last.findings.push(i);
      if (RANK[f.severity] < RANK[last.severity]) last.severity = f.severity;
    } else highlights.push({ start: f.start, end: f.end, severity: f.severity, findings: [i] });
  }
  const titles = new Map(GUIDELINE_SECTIONS.map((s) => [s.id, s.title[lang]]));
  const messages: RenderedMessage[] = decision.findings
    .map((f, i) => ({
      finding: i,
      kind: f.kind,
      severity: f.severity,
      rule: f.rule,
      label: LABELS[f.kind][lang],
      message: f.explanation[lang],
      section: f.section,
      sectionTitle: titles.get(f.section) ?? f.section,
      start: f.start,
      end: f.end,
    }))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start);
  const { block, warn, info } = decision.counts;
  let summary: string;
  if (block + warn + info === 0) summary = lang === 'de' ? 'Keine Hinweise.' : 'No findings.';
  else {
    const parts = [
      block
        ? plural(
            lang,
            block,
            { de: 'blockierender Hinweis', en: 'blocking finding' },
            { de: 'blockierende Hinweise', en: 'blocking findings' },
          )
        : '',
      warn ? plural(lang, warn, { de: 'Warnung', en: 'warning' }, { de: 'Warnungen', en: 'warnings' }) : '',
      info ? plural(lang, info, { de: 'Hinweis', en: 'note' }, { de: 'Hinweise', en: 'notes' }) : '',
    ].filter(Boolean);
    const head = decision.blocked
      ? { de: 'Veröffentlichen gesperrt', en: 'Publishing blocked' }
      : { de: 'Veröffentlichen möglich', en: 'Publishing allowed' };
    summary = `${head[lang]}: ${parts.join(', ')}.`;
  }
  return { blocked: decision.blocked, policyVersion: decision.policyVersion, summary, highlights, messages };
}
