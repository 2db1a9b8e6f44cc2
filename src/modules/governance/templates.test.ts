import { describe, expect, it } from 'vitest';
import { evaluate, GUIDELINE_SECTIONS, parsePolicy } from '../../policy/index.ts';
import { policyInvalid } from './policy-errors.ts';
import { TEMPLATE_BODY_DE } from './template-guideline-de.ts';
import { TEMPLATE_BODY_EN } from './template-guideline-en.ts';
import { demoPolicy, templatePolicy } from './template-policy.ts';

const anchors = (body: string) => [...body.matchAll(/^#{2,3} (\d+(?:\.\d+)?) (.+) \{#([a-z0-9.-]+)\}$/gm)];

describe('the template guideline', () => {
  it.each([
    ['de', TEMPLATE_BODY_DE],
    ['en', TEMPLATE_BODY_EN],
  ] as const)(
    '(%s) has a numbered heading for every section the engine names, titled as the engine titles it',
    (lang, body) => {
      const found = new Map(anchors(body).map((m) => [m[3], m[2]]));
      for (const s of GUIDELINE_SECTIONS) expect(found.get(s.id), s.id).toBe(s.title[lang]);
      expect(found.size).toBe(GUIDELINE_SECTIONS.length);
    },
  );

  it('numbers the sections the same way in both languages', () => {
    const numbers = (body: string) => [...body.matchAll(/^#{2,3} (\d+(?:\.\d+)?) /gm)].map((m) => m[1]);
    expect(numbers(TEMPLATE_BODY_DE)).toEqual(numbers(TEMPLATE_BODY_EN));
    expect(numbers(TEMPLATE_BODY_DE).length).toBeGreaterThan(15);
  });
});

describe('the starting rules', () => {
  it('the template and the demo rules are valid policies', () => {
    expect(parsePolicy(templatePolicy('Muster GmbH')).ok).toBe(true);
    expect(parsePolicy(demoPolicy('00000000-0000-4000-8000-000000000001')).ok).toBe(true);
  });

  it('the demo rules find the demo organisation’s code names and customer numbers', () => {
    const r = parsePolicy(demoPolicy('hr'));
    if (!r.ok) throw new Error(r.errors.join('; '));
    const d = evaluate('Projekt Nordlicht für Kunde KD-12345678 (Vertrag 4111 1111 11)', r.policy, {
      kind: 'company',
    });
    expect(d.findings.map((f) => f.rule)).toEqual(['terms.code-names', 'patterns.customer-number']);
  });
});

describe('policy errors', () => {
  it('name the rule and translate the engine’s reasons into German', () => {
    const input = {
      id: 'p',
      version: 1,
      patterns: [{ id: 'kd', severity: 'block', pattern: '(a|ab)*c' }],
      networks: [{ id: 'x', severity: 'block', networks: ['x'] }],
    };
    const de = policyInvalid(input, 'de');
    expect(de.status).toBe(422);
    expect(de.fieldErrors?.map((e) => e.message)).toEqual([
      'Regel „patterns.kd“: das Muster kann katastrophal zurückspringen: eine wiederholte Alternative hat Zweige, die mit demselben Zeichen beginnen können (z. B. (a|ab)*)',
      'Regel „networks.x“: eine Netzwerkregel braucht maxLength oder forbidden: true',
    ]);
    expect(String(de.params.more)).toBe(' Dazu ein weiteres Problem.');
    const en = policyInvalid(input, 'en');
    expect(en.fieldErrors?.[0]).toEqual({
      path: 'policy.patterns[0].pattern',
      message:
        'Rule “patterns.kd”: the pattern can backtrack catastrophically: a repeated alternation whose branches can start with the same character (e.g. (a|ab)*)',
    });
  });
});
