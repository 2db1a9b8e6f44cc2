import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { BUILTIN_POLICY, type PolicyInput, parsePolicy } from './policy-schema.ts';
import type { EvalContext } from './types.ts';

function policy(input: Omit<PolicyInput, 'id' | 'version'>) {
  const r = parsePolicy({ id: 'test', version: 4, ...input });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.policy;
}

const company: EvalContext = { kind: 'company' };

function rules(text: string, p: ReturnType<typeof policy>, ctx: EvalContext = company): string[] {
  return evaluate(text, p, ctx).findings.map((f) => `${f.rule}:${f.text}`);
}

describe('decision', () => {
  it('records the policy version, blocks on a blocking finding and counts by severity', () => {
    const d = evaluate('IBAN DE89 3704 0044 0532 0130 00, Mail max@example.de', policy({}), company);
    expect(d.policyId).toBe('test');
    expect(d.policyVersion).toBe(4);
    expect(d.blocked).toBe(true);
    expect(d.counts).toEqual({ block: 1, warn: 1, info: 0 });
    const iban = d.findings[0]!;
    expect(iban).toMatchObject({
      kind: 'iban',
      start: 5,
      end: 32,
      severity: 'block',
      rule: 'detector.iban',
      section: 'confidentiality.bank-data',
    });
    expect(iban.explanation.de).toContain('IBAN');
    expect(iban.explanation.en).toContain('IBAN');
  });

  it('does not block on warnings', () => {
    const d = evaluate('max@example.de', BUILTIN_POLICY, company);
    expect(d.blocked).toBe(false);
    expect(d.findings).toHaveLength(1);
  });

  it('sorts findings by position', () => {
    const d = evaluate('b@example.de a@example.de 4111 1111 1111 1111', BUILTIN_POLICY, company);
    expect(d.findings.map((f) => f.start)).toEqual([0, 13, 26]);
  });
});

describe('scopes', () => {
  const p = policy({
    terms: [
      { id: 'hr-only', severity: 'warn', terms: ['Gehalt'], scope: { departments: ['hr'] } },
      {
        id: 'x-and-personal',
        severity: 'warn',
        terms: ['Gehalt'],
        scope: { networks: ['x'], kinds: ['personal'] },
      },
      {
        id: 'trainees',
        severity: 'block',
        terms: ['Gehalt'],
        scope: { roles: ['trainee'], channels: ['c1'] },
      },
    ],
  });
  it.each([
    ['no dimensions given', company, []],
    ['department hr', { kind: 'company', departmentId: 'hr' }, ['terms.hr-only:Gehalt']],
    ['x, company post', { kind: 'company', network: 'x' }, []],
    ['x, personal post', { kind: 'personal', network: 'x' }, ['terms.x-and-personal:Gehalt']],
    ['trainee on another channel', { kind: 'company', role: 'trainee', channelId: 'c2' }, []],
    ['trainee on c1', { kind: 'company', role: 'trainee', channelId: 'c1' }, ['terms.trainees:Gehalt']],
  ] as [string, EvalContext, string[]][])('%s', (_label, ctx, expected) => {
    expect(rules('Das Gehalt steigt.', p, ctx)).toEqual(expected);
  });
});

describe('links', () => {
  const p = policy({
    detectors: { email: { enabled: false } },
    links: {
      blockedDomains: { domains: ['evil.example'] },
      allowedDomains: { domains: ['bank.example', 'linkedin.com'] },
      shorteners: {},
      tracking: {},
    },
  });
  it.each([
    ['allowed', 'Mehr auf https://www.bank.example/angebot.', []],
    ['subdomain of an allowed domain', 'Siehe karriere.bank.example/jobs', []],
    [
      'blocked, also its subdomains',
      'Gewinn: http://win.evil.example/x',
      ['links.blocked-domain:http://win.evil.example/x'],
    ],
    ['not on the allow-list', 'Lies www.other.example!', ['links.not-allowed:www.other.example']],
    [
      'shortener without scheme',
      'Kurz: bit.ly/3xYz.',
      ['links.not-allowed:bit.ly/3xYz', 'links.shortener:bit.ly/3xYz'],
    ],
    [
      'tracking parameters',
      'https://bank.example/a?id=4&utm_source=li&fbclid=x#top',
      ['links.tracking-parameter:utm_source=li', 'links.tracking-parameter:fbclid=x'],
    ],
    ['URL in parentheses', '(https://linkedin.com/in/x)', []],
    [
      'not links: abbreviations, files, versions, emails',
      'z.B. bericht.pdf v1.2 ca. 3.5 max@bank.example',
      [],
    ],
  ])('%s', (_label, text, expected) => {
    expect(rules(text, p)).toEqual(expected);
  });
});

describe('disclosures', () => {
  const p = policy({
    disclosures: [
      {
        id: 'employee',
        severity: 'block',
        anyOf: ['#Mitarbeiter', '#employee', 'Ich arbeite bei der Nordbank'],
        employerTerms: ['Nordbank', 'NordDepot'],
        scope: { kinds: ['personal', 'share'] },
      },
    ],
  });
  it.each([
    [
      'about the employer, no disclosure',
      'Das NordDepot ist top!',
      { kind: 'personal' },
      ['disclosures.employee:'],
    ],
    ['disclosed by hashtag', 'Das NordDepot ist top! #Mitarbeiter', { kind: 'personal' }, []],
    ['disclosed by hashtag, other case', 'NordDepot rocks #EMPLOYEE', { kind: 'share' }, []],
    ['disclosed by phrase', 'Ich arbeite bei der Nordbank und mag das NordDepot.', { kind: 'personal' }, []],
    ['not about the employer', 'Schönes Wetter heute.', { kind: 'personal' }, []],
    [
      'context says it is about the employer',
      'Tolles Angebot!',
      { kind: 'share', isAboutEmployer: true },
      ['disclosures.employee:'],
    ],
    ['context says it is not', 'Das NordDepot!', { kind: 'personal', isAboutEmployer: false }, []],
    ['company posts are out of scope', 'Das NordDepot ist top!', { kind: 'company' }, []],
  ] as [string, string, EvalContext, string[]][])('%s', (_label, text, ctx, expected) => {
    const d = evaluate(text, p, ctx);
    expect(d.findings.map((f) => `${f.rule}:${f.text}`)).toEqual(expected);
    for (const f of d.findings) expect([f.start, f.end]).toEqual([text.length, text.length]);
  });
});

describe('hashtags and mentions', () => {
  const p = policy({
    hashtags: [
      {
        id: 'campaign',
        mode: 'required',
        severity: 'warn',
        values: ['#NordbankKarriere', '#JobsBeiNordbank'],
      },
      { id: 'politics', mode: 'forbidden', severity: 'block', values: ['#Wahlkampf', 'Börsentipp'] },
    ],
    mentions: [
      {
        id: 'company',
        mode: 'required',
        severity: 'info',
        values: ['@nordbank'],
        scope: { kinds: ['share'] },
      },
      { id: 'regulator', mode: 'forbidden', severity: 'warn', values: ['@bafin'] },
    ],
  });
  it.each([
    ['required present', 'Wir suchen dich! #NordbankKarriere', company, []],
    ['required missing', 'Wir suchen dich!', company, ['hashtags.campaign:']],
    [
      'forbidden, umlaut spelt out',
      '#NordbankKarriere #Boersentipp',
      company,
      ['hashtags.politics:#Boersentipp'],
    ],
    ['forbidden mention', '#JobsBeiNordbank hallo @BaFin', company, ['mentions.regulator:@BaFin']],
    [
      'forbidden mention, fediverse',
      '#JobsBeiNordbank @bafin@social.bund.de',
      company,
      ['mentions.regulator:@bafin@social.bund.de'],
    ],
    [
      'an e-mail address is not a mention',
      '#JobsBeiNordbank info@bafin.de',
      { ...company },
      ['detector.email:info@bafin.de'],
    ],
    ['required mention in shares', 'Lesenswert #NordbankKarriere', { kind: 'share' }, ['mentions.company:']],
    [
      'fediverse handle counts',
      'Lesenswert #NordbankKarriere @nordbank@social.example',
      { kind: 'share' },
      [],
    ],
    ['HTML entity is not a hashtag', 'A &#35; B #NordbankKarriere', company, []],
  ] as [string, string, EvalContext, string[]][])('%s', (_label, text, ctx, expected) => {
    expect(rules(text, p, ctx)).toEqual(expected);
  });
});

describe('networks', () => {
  const p = policy({
    networks: [
      { id: 'x-length', severity: 'block', networks: ['x'], maxLength: 10 },
      {
        id: 'no-tiktok',
        severity: 'block',
        networks: ['tiktok'],
        forbidden: true,
        scope: { kinds: ['personal'] },
      },
    ],
  });
  it.each([
    ['short enough for x', 'abcdefghij', { kind: 'company', network: 'x' }, []],
    [
      'too long for x: the overflow is the span',
      'abcdefghijKLM',
      { kind: 'company', network: 'x' },
      ['networks.x-length:KLM'],
    ],
    ['emoji count once', '😀😀😀😀😀😀😀😀😀😀', { kind: 'company', network: 'x' }, []],
    ['other network', 'abcdefghijKLM', { kind: 'company', network: 'mastodon' }, []],
    ['forbidden network', 'hi', { kind: 'personal', network: 'tiktok' }, ['networks.no-tiktok:']],
    ['forbidden network, other kind', 'hi', { kind: 'company', network: 'tiktok' }, []],
  ] as [string, string, EvalContext, string[]][])('%s', (_label, text, ctx, expected) => {
    expect(rules(text, p, ctx)).toEqual(expected);
  });
});

describe('bad input', () => {
  const p = policy({ terms: [{ id: 'codes', severity: 'block', category: 'code-name', terms: ['Falke'] }] });

  it('takes empty text', () => {
    expect(evaluate('', p, company)).toMatchObject({ blocked: false, findings: [] });
  });

  it('takes 1 MB of text in linear time and finds what is at its end', () => {
    const text = `${'Lorem ipsum 2024, dolor sit amet. '.repeat(30_000)} Falke DE89 3704 0044 0532 0130 00`;
    const t0 = performance.now();
    const d = evaluate(text, p, company);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(d.findings.map((f) => f.kind)).toEqual(['term', 'iban']);
  });

  it.each([
    ['dots without spaces', `${'ab.'.repeat(200_000)}de`],
    ['closing parentheses', `https://x.de/${')'.repeat(300_000)}`],
    ['digits and spaces', '0 '.repeat(300_000)],
    ['at signs', 'a@'.repeat(300_000)],
    ['zero-width characters between spaces', ` ${'\u200B'.repeat(300_000)} Falke`],
  ])('stays linear on %s', (_label, text) => {
    const withLinks = policy({
      terms: [{ id: 'codes', severity: 'block', terms: ['Falke', 'a b'] }],
      links: { allowedDomains: { domains: ['bank.example'] }, shorteners: {}, tracking: {} },
      hashtags: [{ id: 'h', mode: 'forbidden', severity: 'warn', values: ['#x'] }],
    });
    const t0 = performance.now();
    evaluate(text, withLinks, company);
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('takes lone surrogates and keeps offsets', () => {
    const text = '\uDC00Falke\uD800 4111 1111 1111 1111 \uD83D';
    const d = evaluate(text, p, company);
    expect(d.findings.map((f) => [f.kind, f.text])).toEqual([
      ['term', 'Falke'],
      ['card', '4111 1111 1111 1111'],
    ]);
  });

  it.each([
    ['zero-width space', 'Fa\u200Blke'],
    ['zero-width joiner', 'Fal\u200Dke'],
    ['word joiner', 'F\u2060alke'],
    ['soft hyphen', 'Fal\u00ADke'],
    ['Cyrillic а and е', 'Fаlkе'],
    ['Greek omicron-free mix', 'FΑLKΕ'],
    ['fullwidth', 'Ｆａｌｋｅ'],
    ['combining accents', 'Fa\u0301lke'],
  ])('sees through %s', (_label, text) => {
    expect(evaluate(`Projekt ${text} startet`, p, company).findings.map((f) => f.text)).toEqual([text]);
  });

  it('sees through fullwidth digits and zero-width characters in numbers', () => {
    const d = evaluate(
      'Karte ４１１１ １１１１ １１１１ １１１１ und DE89\u200B3704 0044 0532 0130 00',
      BUILTIN_POLICY,
      company,
    );
    expect(d.findings.map((f) => f.kind)).toEqual(['card', 'iban']);
  });

  it('rejects a policy whose pattern was never validated, instead of running it', () => {
    const bad = {
      ...policy({}),
      patterns: [{ id: 'x', severity: 'warn' as const, pattern: '(a+)+$', flags: '' }],
    };
    expect(() => evaluate('aaaa', bad, company)).toThrow(/catastrophically/);
  });
});
