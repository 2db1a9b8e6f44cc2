import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { parsePolicy } from './policy-schema.ts';
import { render } from './render.ts';
import type { Decision, Finding } from './types.ts';

function finding(
  start: number,
  end: number,
  severity: Finding['severity'],
  kind: Finding['kind'] = 'term',
): Finding {
  return {
    kind,
    start,
    end,
    text: '',
    severity,
    rule: `r${start}`,
    section: 'conduct.language',
    explanation: { de: `de ${start}`, en: `en ${start}` },
  };
}

function decision(findings: Finding[]): Decision {
  const counts = { block: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { policyId: 'p', policyVersion: 9, blocked: counts.block > 0, findings, counts };
}

describe('render', () => {
  it('merges overlapping spans into one highlight with the worst severity', () => {
    const r = render(
      decision([
        finding(0, 5, 'info'),
        finding(3, 8, 'block'),
        finding(8, 10, 'warn'),
        finding(20, 20, 'block', 'disclosure'),
      ]),
      { lang: 'en' },
    );
    expect(r.highlights).toEqual([
      { start: 0, end: 8, severity: 'block', findings: [0, 1] },
      { start: 8, end: 10, severity: 'warn', findings: [2] },
    ]);
  });

  it('lists messages worst first, in the requested language, with section titles', () => {
    const d = decision([finding(0, 5, 'info'), finding(6, 8, 'block')]);
    const de = render(d, { lang: 'de' });
    expect(de.messages.map((m) => [m.severity, m.message, m.sectionTitle, m.label])).toEqual([
      ['block', 'de 6', 'Ton und Sprache', 'Begriff'],
      ['info', 'de 0', 'Ton und Sprache', 'Begriff'],
    ]);
    expect(de.summary).toBe('Veröffentlichen gesperrt: 1 blockierender Hinweis, 1 Hinweis.');
    const en = render(d, { lang: 'en' });
    expect(en.messages[0]!.message).toBe('en 6');
    expect(en.summary).toBe('Publishing blocked: 1 blocking finding, 1 note.');
    expect(en.policyVersion).toBe(9);
  });

  it('says so when there is nothing', () => {
    expect(render(decision([]), { lang: 'de' }).summary).toBe('Keine Hinweise.');
    expect(render(decision([finding(0, 1, 'warn'), finding(2, 3, 'warn')]), { lang: 'en' }).summary).toBe(
      'Publishing allowed: 2 warnings.',
    );
  });

  it('renders a real decision', () => {
    const p = parsePolicy({ id: 'p', version: 1 });
    if (!p.ok) throw new Error('policy');
    const text = 'IBAN DE89 3704 0044 0532 0130 00';
    const r = render(evaluate(text, p.policy, { kind: 'company' }), { lang: 'de' });
    expect(r.blocked).toBe(true);
    expect(r.highlights).toEqual([{ start: 5, end: text.length, severity: 'block', findings: [0] }]);
    expect(r.messages[0]).toMatchObject({
      label: 'IBAN',
      section: 'confidentiality.bank-data',
      sectionTitle: 'Bankverbindungen',
    });
  });
});
