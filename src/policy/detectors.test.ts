import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { BUILTIN_POLICY, parsePolicy } from './policy-schema.ts';
import type { EvalContext, FindingKind } from './types.ts';

const ctx: EvalContext = { kind: 'company' };

/** The built-in findings of a text as "kind:matched text" strings. */
function found(text: string, c: EvalContext = ctx): string[] {
  return evaluate(text, BUILTIN_POLICY, c).findings.map((f) => `${f.kind}:${f.text}`);
}

function expectOnly(kind: FindingKind, text: string, value: string): void {
  const d = evaluate(text, BUILTIN_POLICY, ctx);
  expect(d.findings.map((f) => `${f.kind}:${f.text}`)).toEqual([`${kind}:${value}`]);
  const f = d.findings[0]!;
  expect(text.slice(f.start, f.end)).toBe(value);
}

describe('iban', () => {
  it.each([
    ['DE89 3704 0044 0532 0130 00'],
    ['DE89370400440532013000'],
    ['de89 3704 0044 0532 0130 00'],
    ['de89370400440532013000'],
    ['GB82 WEST 1234 5698 7654 32'],
    ['FR14 2004 1010 0505 0001 3M02 606'],
    ['NL91ABNA0417164300'],
    ['CH93 0076 2011 6238 5295 7'],
    ['AT61 1904 3002 3457 3201'],
    ['BE68 5390 0754 7034'],
    ['NO93 8601 1117 947'],
    ['IT60 X054 2811 1010 0000 0123 456'],
    ['ES91 2100 0418 4502 0005 1332'],
    ['PL61 1090 1014 0000 0712 1981 2874'],
    ['MT84 MALT 0110 0001 2345 MTLC AST0 01S'],
    ['LC55 HEMM 0001 0001 0012 0012 0002 3015'],
    ['RU02 0445 2560 0407 0281 0412 3456 7890 1'],
  ])('finds %s', (iban) => {
    expectOnly('iban', `Bitte auf ${iban} überweisen.`, iban);
  });

  it.each([
    ['wrong check digits', 'DE88 3704 0044 0532 0130 00'],
    ['one digit changed', 'DE89 3704 0044 0532 0130 01'],
    ['too short for DE', 'DE89 3704 0044 0532 0130 0'],
    ['too long for DE', 'DE89 3704 0044 0532 0130 00 7'],
    ['too long for DE, last group', 'DE89 3704 0044 0532 0130 007'],
    ['unknown country', 'XY89 3704 0044 0532 0130 00'],
    ['inside a word', 'ADE89370400440532013000'],
  ])('ignores %s', (_label, text) => {
    expect(found(text).filter((f) => f.startsWith('iban'))).toEqual([]);
  });

  it('finds an IBAN with zero-width characters slipped in', () => {
    const d = evaluate('IBAN DE89\u200B3704\u200B0044 0532 0130 00', BUILTIN_POLICY, ctx);
    expect(d.findings.map((f) => f.kind)).toEqual(['iban']);
    expect(d.findings[0]!.detail).toBe('DE');
  });
});

describe('card', () => {
  it.each([
    ['Visa', '4111 1111 1111 1111'],
    ['Visa', '4012888888881881'],
    ['Visa', '4111-1111-1111-1111'],
    ['Mastercard', '5555 5555 5555 4444'],
    ['Mastercard', '2223 0000 4841 0010'],
    ['American Express', '3782 822463 10005'],
    ['American Express', '371449635398431'],
    ['Discover', '6011 1111 1111 1117'],
    ['JCB', '3530 1113 3330 0000'],
    ['Diners Club', '3056 930902 5904'],
    ['UnionPay', '6200 0000 0000 0005'],
    ['Maestro', '6759 6498 2643 8453'],
  ])('finds %s %s', (issuer, card) => {
    const d = evaluate(`Karte: ${card}.`, BUILTIN_POLICY, ctx);
    expect(d.findings.map((f) => `${f.kind}:${f.text}:${f.detail}`)).toEqual([`card:${card}:${issuer}`]);
  });

  it.each([
    ['Luhn fails', '4111 1111 1111 1112'],
    ['no issuer has prefix 1', '1234 5678 9012 3452'],
    ['Amex prefix with 16 digits', '3782 8224 6310 0052'],
    ['EAN-13 barcode', 'EAN 4006381333931'],
    ['mixed separators', '4111 1111-1111 1111'],
    ['part of a longer number', '4111 1111 1111 1111 1111 1111'],
    ['amount with decimals', '4111111111111111,00 EUR'],
    ['inside a word', 'X4111111111111111'],
  ])('ignores %s', (_label, text) => {
    expect(found(text).filter((f) => f.startsWith('card'))).toEqual([]);
  });
});

describe('tax_id', () => {
  it.each([['86095742719'], ['47036892816'], ['65 929 970 489'], ['57549285017'], ['26 954 371 827']])(
    'finds %s',
    (id) => {
      expectOnly('tax_id', `Meine Steuer-ID lautet ${id}.`, id);
    },
  );

  it.each([
    ['wrong check digit', '86095742718'],
    ['leading zero', '06095742719'],
    ['no digit repeated', '12345678903'],
    ['a digit four times', '11118742710'],
    ['a digit three times in a row', '11123456780'],
    ['ten digits', '8609574271'],
    ['twelve digits', '860957427190'],
    ['groups of one', '8 6 0 9 5 7 4 2 7 1 9'],
  ])('ignores %s', (_label, text) => {
    expect(found(text).filter((f) => f.startsWith('tax_id'))).toEqual([]);
  });
});

describe('email', () => {
  it.each([
    ['max.mustermann@example.de'],
    ['Max+news@sub.example.co.uk'],
    ['info@müller-bau.de'],
    ['a_b-c%d@example.com'],
  ])('finds %s', (address) => {
    expectOnly('email', `Schreiben Sie an ${address}, danke.`, address);
  });

  it.each([
    ['no top-level domain', 'root@localhost'],
    ['fediverse handle', '@alice@mastodon.social'],
    ['mention', 'Danke @chorus für alles'],
    ['numeric top-level domain', 'user@10.0.0.1'],
    ['double dot', 'max..muster@example.de'],
  ])('ignores %s', (_label, text) => {
    expect(found(text).filter((f) => f.startsWith('email'))).toEqual([]);
  });
});

describe('phone', () => {
  it.each([
    ['+49 30 901820', '+4930901820'],
    ['+49 (0)30 901820', '+4930901820'],
    ['0049 30 901820', '+4930901820'],
    ['030 901820', '+4930901820'],
    ['(030) 90 18 20', '+4930901820'],
    ['030/901820', '+4930901820'],
    ['0170 1234567', '+491701234567'],
    ['01701234567', '+491701234567'],
    ['+1 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['030 / 90 18 20', '+4930901820'],
    ['030 - 901820', '+4930901820'],
    ['+49-30-901820', '+4930901820'],
  ])('finds %s', (phone, e164) => {
    const d = evaluate(`Rufen Sie an: ${phone}.`, BUILTIN_POLICY, ctx);
    expect(d.findings.map((f) => `${f.kind}:${f.text}:${f.detail}`)).toEqual([`phone:${phone}:${e164}`]);
  });

  it('tells two numbers apart that a wide separator joins', () => {
    expect(found('Zentrale 030 901820 - mobil 0170 1234567')).toEqual([
      'phone:030 901820',
      'phone:0170 1234567',
    ]);
    expect(found('030 901820 - 0170 1234567')).toEqual(['phone:030 901820', 'phone:0170 1234567']);
  });

  it('parses national numbers in the context region', () => {
    const d = evaluate('Call (415) 555-2671 today', BUILTIN_POLICY, { kind: 'company', region: 'US' });
    expect(d.findings.map((f) => `${f.text}:${f.detail}`)).toEqual(['(415) 555-2671:+14155552671']);
    expect(found('Call (415) 555-2671 today')).toEqual([]);
  });

  it.each([
    ['too short', '030 12'],
    ['not a German area code', '0123 456789'],
    ['date', '01.02.2024'],
    ['date with slashes', '01/02/2024'],
    ['no trunk prefix', '4711 0815'],
    ['postcode and street number', '10115 Berlin, Hausnummer 12'],
    ['labelled as a tracking number', 'Tracking 0485 0921 1689'],
    ['labelled as an order number', 'Bestell-Nr.: 030 901820'],
    ['labelled as an order number in English', 'order no. 0170 1234567'],
  ])('ignores %s', (_label, text) => {
    expect(found(text).filter((f) => f.startsWith('phone'))).toEqual([]);
  });
});

describe('look-alikes produce no finding at all', () => {
  it.each([
    ['order number', 'Ihre Bestellnummer lautet 123456789012.'],
    ['invoice number', 'Rechnung Nr. 2024-000123 vom 24.12.2024'],
    ['ISO date', 'Termin am 2024-12-24 um 14:30 Uhr'],
    ['German date', 'Stand: 01.02.2024'],
    ['version string', 'Version 1.2.3 und v10.4.2-beta'],
    ['amount', 'Preis: 1.234.567,89 € bzw. 12 345 678,90 EUR'],
    ['postcodes', 'PLZ 10115 Berlin, 80331 München, 20095 Hamburg'],
    ['EAN code', 'EAN 4006381333931 und 4012345678901'],
    ['ISBN', 'ISBN 978-3-16-148410-0'],
    ['IP address', 'Server 192.168.178.1 antwortet'],
    ['percentages and years', 'Wachstum 2023: 12,5 %, 2024: 13,1 %'],
    ['phone-shaped order number', 'Auftrag 4711 0815 2231'],
  ])('%s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('detector settings', () => {
  it('can be switched off, re-graded and limited to a scope', () => {
    const r = parsePolicy({
      id: 'p',
      version: 1,
      detectors: {
        iban: { enabled: false },
        card: { severity: 'info' },
        email: { scope: { kinds: ['personal'] } },
      },
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const text = 'DE89 3704 0044 0532 0130 00, 4111 1111 1111 1111, max@example.de';
    const company = evaluate(text, r.policy, { kind: 'company' });
    expect(company.findings.map((f) => `${f.kind}:${f.severity}`)).toEqual(['card:info']);
    expect(company.blocked).toBe(false);
    const personal = evaluate(text, r.policy, { kind: 'personal' });
    expect(personal.findings.map((f) => f.kind)).toEqual(['card', 'email']);
  });

  it('lets allowed values through', () => {
    const r = parsePolicy({
      id: 'p',
      version: 1,
      detectors: {
        email: { allow: ['presse@example.de', '@service.example.de'] },
        phone: { allow: ['+49 30 901820'] },
        iban: { allow: ['DE89370400440532013000'] },
      },
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const text =
      'presse@example.de, team@service.example.de, max@example.de, 030 901820, DE89 3704 0044 0532 0130 00';
    expect(evaluate(text, r.policy, ctx).findings.map((f) => f.text)).toEqual(['max@example.de']);
  });
});
