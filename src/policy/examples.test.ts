import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { parsePolicy } from './policy-schema.ts';
import type { EvalContext } from './types.ts';

const raw = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'examples', 'bank.json'), 'utf8'),
) as unknown;

describe('examples/bank.json', () => {
  const parsed = parsePolicy(raw);
  it('is a valid policy with every kind of rule', () => {
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const p = parsed.policy;
    expect(Object.keys(p.detectors).sort()).toEqual(['card', 'email', 'iban', 'phone', 'tax_id']);
    expect(new Set(p.terms.map((t) => t.category)).size).toBe(5);
    expect(p.patterns.some((x) => x.validator)).toBe(true);
    expect(p.links && Object.keys(p.links).sort()).toEqual([
      'allowedDomains',
      'blockedDomains',
      'shorteners',
      'tracking',
    ]);
    expect(p.disclosures.length && p.networks.length).toBeTruthy();
    expect(new Set(p.hashtags.map((h) => h.mode))).toEqual(new Set(['required', 'forbidden']));
    expect(new Set(p.mentions.map((h) => h.mode))).toEqual(new Set(['required', 'forbidden']));
  });

  const company: EvalContext = { kind: 'company' };
  it.each([
    ['an IBAN', 'Spenden an DE89 3704 0044 0532 0130 00', company, ['detector.iban:block']],
    ['the allowed donation IBAN', 'Spenden an DE02 1203 0000 0000 2020 51', company, []],
    [
      'a card and a tax ID',
      '4111 1111 1111 1111 / 86095742719',
      company,
      ['detector.card:block', 'detector.tax_id:block'],
    ],
    [
      'press address allowed, others not',
      'presse@presse.nordbank.example oder max@nordbank.example',
      company,
      ['detector.email:warn'],
    ],
    ['hotline allowed', 'Hotline +49 40 30010000, privat 0170 1234567', company, ['detector.phone:warn']],
    ['phone numbers in personal posts are out of scope', 'Ruf an: 0170 1234567', { kind: 'personal' }, []],
    ['code name with umlaut folding', 'Start von PROJEKT NORDLICHT', company, ['terms.code-names:block']],
    ['customer', 'Zu Gast bei Mueller Logistik', company, ['terms.customers:block']],
    ['risky promise', 'Eine garantierte Rendite von 8 %!', company, ['terms.risky:warn']],
    ['competitor only in personal posts', 'Besser als die Südbank', company, []],
    ['customer number', 'Kunde kd-12345678 hat angerufen', company, ['patterns.customer-number:block']],
    [
      'contract number passing Luhn',
      'Vertrag 4111 1111 10 verlängert',
      company,
      ['patterns.contract-number:block'],
    ],
    ['contract number failing Luhn', 'Vertrag 4111 1111 11 verlängert', company, []],
    ['depot number with MOD 11,10', 'Depot DP860957427 ok', company, []],
    [
      'links',
      'Infos: https://www.nordbank.example/?utm_source=x und bit.ly/abc und https://scam-broker.example',
      company,
      [
        'links.tracking-parameter:info',
        'links.not-allowed:warn',
        'links.shortener:warn',
        'links.blocked-domain:block',
      ],
    ],
    [
      'employee share without disclosure',
      'Das NordDepot ist super',
      { kind: 'share' },
      ['disclosures.employee:block', 'mentions.company-account:info'],
    ],
    [
      'employee share with disclosure',
      'Das NordDepot ist super #Mitarbeiter @nordbank',
      { kind: 'share' },
      [],
    ],
    [
      'HR campaign hashtag missing',
      'Wir stellen ein!',
      { kind: 'company', departmentId: 'hr' },
      ['hashtags.campaign:warn'],
    ],
    [
      'forbidden hashtag and mention',
      'Mein #Börsentipp, @bafin',
      company,
      ['hashtags.no-politics:block', 'mentions.no-regulator:warn'],
    ],
    ['too long for X', 'x'.repeat(281), { kind: 'company', network: 'x' }, ['networks.x-length:block']],
    [
      'no personal TikTok',
      'Hallo',
      { kind: 'personal', network: 'tiktok' },
      ['networks.no-personal-tiktok:block'],
    ],
  ] as [string, string, EvalContext, string[]][])('%s', (_label, text, ctx, expected) => {
    if (!parsed.ok) throw new Error('invalid');
    const d = evaluate(text, parsed.policy, ctx);
    expect(d.policyVersion).toBe(3);
    expect(d.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(expected);
  });
});
