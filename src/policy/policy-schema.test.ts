import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY, parsePolicy } from './policy-schema.ts';

const base = { id: 'p', version: 1 };

describe('parsePolicy', () => {
  it('fills defaults: region DE, every detector on, no rules', () => {
    const r = parsePolicy(base);
    expect(r).toEqual({
      ok: true,
      policy: {
        ...base,
        defaultRegion: 'DE',
        detectors: {},
        terms: [],
        patterns: [],
        disclosures: [],
        hashtags: [],
        mentions: [],
        networks: [],
      },
    });
    expect(BUILTIN_POLICY.id).toBe('builtin');
  });

  it.each([
    ['not an object', 'x', '(policy)'],
    ['missing version', { id: 'p' }, 'version'],
    ['version not a positive integer', { id: 'p', version: 1.5 }, 'version'],
    ['unknown rule kind', { ...base, sentiment: [] }, 'sentiment'],
    ['unknown detector', { ...base, detectors: { passport: {} } }, 'passport'],
    [
      'unknown field in a rule',
      { ...base, terms: [{ id: 'a', severity: 'warn', terms: ['x'], regex: true }] },
      'regex',
    ],
    ['bad severity', { ...base, terms: [{ id: 'a', severity: 'fatal', terms: ['x'] }] }, 'terms[0].severity'],
    ['empty term list', { ...base, terms: [{ id: 'a', severity: 'warn', terms: [] }] }, 'terms[0].terms'],
    ['blank term', { ...base, terms: [{ id: 'a', severity: 'warn', terms: ['  '] }] }, 'terms[0].terms[0]'],
    [
      'duplicate ids',
      {
        ...base,
        terms: [
          { id: 'a', severity: 'warn', terms: ['x'] },
          { id: 'a', severity: 'warn', terms: ['y'] },
        ],
      },
      'duplicate id "a"',
    ],
    [
      'invalid regex',
      { ...base, patterns: [{ id: 'a', severity: 'warn', pattern: '(' }] },
      'not a valid regular expression',
    ],
    [
      'catastrophic regex',
      { ...base, patterns: [{ id: 'a', severity: 'warn', pattern: '(\\d+)+$' }] },
      'patterns[0].pattern: the pattern can backtrack catastrophically',
    ],
    [
      'unknown validator',
      { ...base, patterns: [{ id: 'a', severity: 'warn', pattern: 'x\\d', validator: 'crc' }] },
      'validator',
    ],
    ['bad flags', { ...base, patterns: [{ id: 'a', severity: 'warn', pattern: 'x', flags: 'gy' }] }, 'flags'],
    [
      'bad domain',
      { ...base, links: { blockedDomains: { domains: ['not a domain'] } } },
      'links.blockedDomains.domains[0]',
    ],
    ['bad region', { ...base, defaultRegion: 'germany' }, 'defaultRegion'],
    [
      'bad scope kind',
      { ...base, terms: [{ id: 'a', severity: 'warn', terms: ['x'], scope: { kinds: ['dm'] } }] },
      'scope.kinds',
    ],
    [
      'network rule without effect',
      { ...base, networks: [{ id: 'n', severity: 'warn', networks: ['x'] }] },
      'maxLength or forbidden',
    ],
    [
      'explanation in one language',
      { ...base, terms: [{ id: 'a', severity: 'warn', terms: ['x'], explanation: { de: 'x' } }] },
      'explanation.en',
    ],
  ])('rejects %s with a message naming the place', (_label, input, message) => {
    const r = parsePolicy(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });

  it('normalises domains', () => {
    const r = parsePolicy({ ...base, links: { allowedDomains: { domains: [' *.Example.COM '] } } });
    expect(r.ok && r.policy.links?.allowedDomains?.domains).toEqual(['example.com']);
  });
});
