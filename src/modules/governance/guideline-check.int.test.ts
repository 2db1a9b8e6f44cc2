import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { checkText, flagForReview, recordGuidelineOverride } from './index.ts';

const IBAN = 'DE89 3704 0044 0532 0130 00';

describe('guideline check and rules over HTTP', () => {
  let t: TestApp;
  let manager: Session;
  let contributor: Session;
  let editor: Session;
  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.signIn(t.emailOf('manager'));
    contributor = await t.signIn(t.emailOf('contributor'));
    editor = await t.signIn(t.emailOf('editor'));
  });
  afterAll(() => t.close());

  const check = (s: Session, payload: object, lang = 'de') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/check',
      headers: { ...s.headers, 'accept-language': lang },
      payload,
    });

  const actorFor = async (role: 'manager' | 'contributor'): Promise<Actor> => {
    const r = await t.ctx.db.execute<{ id: string }>(
      sql`select id from users where email = ${t.emailOf(role)}`,
    );
    return { orgId: t.orgs.demo, userId: r.rows[0]!.id, label: role, via: 'system' };
  };

  it('finds an IBAN and explains it in the caller’s language, with its section and span', async () => {
    const text = `Bitte an ${IBAN} überweisen.`;
    const de = await check(contributor, { text });
    expect(de.statusCode).toBe(200);
    const body = de.json();
    expect(body).toMatchObject({ policyVersion: 1, blocked: true, warned: false });
    const [f] = body.findings;
    expect(f).toMatchObject({
      kind: 'iban',
      rule: 'detector.iban',
      severity: 'block',
      section: 'confidentiality.bank-data',
      sectionTitle: 'Bankverbindungen',
      label: 'IBAN',
    });
    expect(text.slice(f.start, f.end)).toBe(IBAN);
    expect(f.explanation).toMatch(/vertraulich/);
    expect(body.highlights).toEqual([{ start: f.start, end: f.end, severity: 'block', findings: [0] }]);
    expect(body.summary).toMatch(/^Veröffentlichen gesperrt/);

    const en = (await check(contributor, { text }, 'en')).json();
    expect(en.findings[0]).toMatchObject({ sectionTitle: 'Bank details' });
    expect(en.findings[0].explanation).toMatch(/confidential/);
  });

  it('sees through zero-width characters, look-alike letters and lone surrogates', async () => {
    const hidden = (await check(contributor, { text: `IBAN: DE89\u200B3704\u200B0044 0532 0130 00` })).json();
    expect(hidden.findings.map((f: { kind: string }) => f.kind)).toContain('iban');
    // "Projekt Nordliсht" with a Cyrillic "с"
    const lookalike = (await check(contributor, { text: 'Bald startet Projekt Nordli\u0441ht!' })).json();
    expect(lookalike.findings[0]).toMatchObject({
      rule: 'terms.code-names',
      kind: 'term',
      severity: 'block',
    });
    const surrogate = await check(contributor, { text: `kaputt \uD800 und ${IBAN} \uDC00` });
    expect(surrogate.statusCode).toBe(200);
    expect(surrogate.json().findings.map((f: { kind: string }) => f.kind)).toEqual(['iban']);
  });

  it('refuses a megabyte of text clearly instead of checking it', async () => {
    const res = await check(contributor, { text: 'a'.repeat(1_000_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'text_too_long' });
    expect(res.json().detail).toMatch(/100000/);
    const huge = await check(contributor, { text: 'a'.repeat(2_000_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('body_too_large');
  });

  it('applies rules by channel ownership and department', async () => {
    const personal = (
      await check(contributor, {
        text: 'Das neue Angebot der Beispiel GmbH ist top',
        channelOwnership: 'personal',
      })
    ).json();
    expect(personal.findings.map((f: { rule: string }) => f.rule)).toContain('disclosures.employee');
    const disclosed = (
      await check(contributor, {
        text: 'Das neue Angebot der Beispiel GmbH ist top #Mitarbeiter',
        channelOwnership: 'personal',
      })
    ).json();
    expect(disclosed.findings).toEqual([]);
    // The careers hashtag is required for company posts of HR (the editor's department), no one else's.
    const hr = (await check(editor, { text: 'Wir suchen Verstärkung im Lager.' })).json();
    expect(hr.findings.map((f: { rule: string }) => f.rule)).toEqual(['hashtags.careers-campaign']);
    expect(hr).toMatchObject({ blocked: false, warned: true });
    const sales = (await check(contributor, { text: 'Wir suchen Verstärkung im Lager.' })).json();
    expect(sales.findings).toEqual([]);
  });

  it('exports checkText for other modules', async () => {
    const r = await checkText(t.ctx, t.orgs.demo, { text: `Kunde KD-12345678, Konto ${IBAN}`, network: 'X' });
    expect(r.policyVersion).toBe(1);
    expect(r.blocked).toBe(true);
    expect(r.findings.map((f) => f.rule)).toEqual(['patterns.customer-number', 'detector.iban']);
    const other = await checkText(t.ctx, t.orgs.other, { text: 'Projekt Nordlicht kommt' });
    // The other organisation has saved no rules: built-in detectors only, version 0.
    expect(other).toMatchObject({ policyVersion: 0, findings: [], blocked: false, warned: false });
  });

  it('refuses rules with a catastrophic pattern, naming the rule, in German and English', async () => {
    const current = (
      await t.app.inject({ method: 'GET', url: '/api/v1/guidelines/policy', headers: manager.headers })
    ).json().current;
    expect(current).toMatchObject({ version: 1, createdByLabel: 'Chorus demo' });
    const bad = {
      ...current.policy,
      patterns: [...current.policy.patterns, { id: 'runaway', severity: 'block', pattern: '(a+)+b' }],
    };
    const de = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/guidelines/policy',
      headers: { ...manager.headers, 'accept-language': 'de' },
      payload: { policy: bad },
    });
    expect(de.statusCode).toBe(422);
    expect(de.json().code).toBe('policy_invalid');
    expect(de.json().detail).toMatch(
      /Regel „patterns\.runaway“: das Muster kann katastrophal zurückspringen/,
    );
    expect(de.json().errors[0].path).toBe('policy.patterns[2].pattern');
    const en = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/guidelines/policy',
      headers: { ...manager.headers, 'accept-language': 'en' },
      payload: { policy: { ...current.policy, webhooks: [] } },
    });
    expect(en.statusCode).toBe(422);
    expect(en.json().detail).toMatch(/Rule “webhooks”: Unrecognized key/);
    const broken = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/guidelines/policy',
      headers: { ...manager.headers, 'accept-language': 'en' },
      payload: {
        policy: {
          terms: [{ id: 'x', severity: 'warn', terms: [] }],
          patterns: [{ id: 'p', severity: 'warn', pattern: '[a-' }],
        },
      },
    });
    expect(broken.statusCode).toBe(422);
    const messages = broken
      .json()
      .errors.map((e: { message: string }) => e.message)
      .join('\n');
    expect(messages).toMatch(/Rule “terms\.x”/);
    expect(messages).toMatch(/Rule “patterns\.p”: not a valid regular expression/);
    const versions = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/guidelines/policy/versions',
        headers: manager.headers,
      })
    ).json().items;
    expect(versions).toHaveLength(1);
  });

  it('saves valid rules as the next version, which the check uses at once', async () => {
    const current = (
      await t.app.inject({ method: 'GET', url: '/api/v1/guidelines/policy', headers: manager.headers })
    ).json().current;
    const terms = current.policy.terms.map((l: { id: string; terms: string[] }) =>
      l.id === 'code-names' ? { ...l, terms: [...l.terms, 'Seestern'] } : l,
    );
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/guidelines/policy',
      headers: manager.headers,
      payload: { policy: { ...current.policy, version: 99, terms }, note: 'Seestern ergänzt' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      version: 2,
      note: 'Seestern ergänzt',
      createdByLabel: expect.stringContaining('Sophie'),
    });
    const found = (await check(contributor, { text: 'Projekt Seestern startet' })).json();
    expect(found.policyVersion).toBe(2);
    expect(found.findings[0].rule).toBe('terms.code-names');
    const v1 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/guidelines/policy/versions/1',
      headers: manager.headers,
    });
    expect(v1.json().policy.terms[0].terms).not.toContain('Seestern');
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/guidelines/policy/versions/7',
      headers: manager.headers,
    });
    expect(missing.statusCode).toBe(404);
    const audit = await t.ctx.db.execute<{ action: string; target_label: string }>(
      sql`select action, target_label from audit_log where org_id = ${t.orgs.demo} order by id desc limit 1`,
    );
    expect(audit.rows[0]).toEqual({ action: 'guideline_policy.saved', target_label: 'v2' });
  });

  it('tries a text against rules that are not saved', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/policy/try',
      headers: manager.headers,
      payload: {
        policy: {
          terms: [{ id: 'secret', category: 'code-name', severity: 'block', terms: ['Leuchtturm'] }],
        },
        text: 'Der Leuchtturm kommt, Konto DE89370400440532013000',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().findings.map((f: { rule: string }) => f.rule)).toEqual([
      'terms.secret',
      'detector.iban',
    ]);
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/policy/try',
      headers: manager.headers,
      payload: { policy: { patterns: [{ id: 'p', severity: 'warn', pattern: '(x|xy)*z' }] }, text: 'x' },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().code).toBe('policy_invalid');
  });

  it('records an override through the API; compliance reviews it once', async () => {
    const text = `Spenden bitte an ${IBAN}`;
    const notNeeded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/overrides',
      headers: manager.headers,
      payload: {
        subjectType: 'post',
        subjectId: 'p-1',
        subjectLabel: 'Spendenaufruf',
        text: 'Hallo',
        reason: 'long enough reason',
      },
    });
    expect(notNeeded.statusCode).toBe(422);
    expect(notNeeded.json().code).toBe('override_not_needed');
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/overrides',
      headers: manager.headers,
      payload: { subjectType: 'post', subjectId: 'p-1', subjectLabel: 'Spendenaufruf', text, reason: 'weil' },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().code).toBe('override_reason_too_short');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/overrides',
      headers: manager.headers,
      payload: {
        subjectType: 'post',
        subjectId: 'p-1',
        subjectLabel: 'Spendenaufruf',
        text,
        reason: 'Das Spendenkonto der Stiftung ist öffentlich.',
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;

    const compliance = await t.signIn(t.emailOf('compliance'));
    const open = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/guidelines/review-queue',
        headers: compliance.headers,
      })
    ).json().items;
    expect(open[0]).toMatchObject({
      id,
      kind: 'override',
      subjectLabel: 'Spendenaufruf',
      text,
      policyVersion: 2,
      reason: 'Das Spendenkonto der Stiftung ist öffentlich.',
      reviewedAt: null,
    });
    expect(open[0].check.findings[0]).toMatchObject({ kind: 'iban', label: 'IBAN' });
    const audit = await t.ctx.db.execute<{ summary: Record<string, unknown> }>(
      sql`select summary from audit_log where action = 'guideline.overridden' order by id desc limit 1`,
    );
    // The audit archive names the rule, never the IBAN itself.
    expect(JSON.stringify(audit.rows[0]!.summary)).not.toContain('3704');

    const review = (note: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/guidelines/review-queue/${id}/review`,
        headers: compliance.headers,
        payload: { note },
      });
    const done = await review('Geprüft, Konto ist freigegeben.');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      reviewNote: 'Geprüft, Konto ist freigegeben.',
      reviewedByLabel: expect.stringContaining('Konrad'),
    });
    expect((await review('noch einmal')).statusCode).toBe(409);
    const reviewed = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/guidelines/review-queue?status=reviewed&kind=override',
        headers: compliance.headers,
      })
    ).json().items;
    expect(reviewed.map((i: { id: string }) => i.id)).toContain(id);
    const stillOpen = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/guidelines/review-queue',
        headers: compliance.headers,
      })
    ).json().items;
    expect(stillOpen.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('exports recordGuidelineOverride (permission and reason checked) and flagForReview', async () => {
    const decision = await checkText(t.ctx, t.orgs.demo, { text: `Konto ${IBAN}` });
    const subject = {
      subjectType: 'post',
      subjectId: 'p-2',
      subjectLabel: 'Beitrag 2',
      text: `Konto ${IBAN}`,
      findings: decision.findings,
      policyVersion: decision.policyVersion,
    };
    const contributorActor = await actorFor('contributor');
    const refused = t.ctx.db.transaction((tx) =>
      recordGuidelineOverride(tx, contributorActor, { ...subject, reason: 'a good long reason' }),
    );
    await expect(refused).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    const managerActor = await actorFor('manager');
    const short = t.ctx.db.transaction((tx) =>
      recordGuidelineOverride(tx, managerActor, { ...subject, reason: ' kurz ' }),
    );
    await expect(short).rejects.toBeInstanceOf(DomainError);
    await expect(short).rejects.toMatchObject({ status: 422 });
    await t.ctx.db.transaction((tx) =>
      recordGuidelineOverride(tx, managerActor, {
        ...subject,
        reason: 'Freigegeben durch die Geschäftsführung',
      }),
    );
    const warned = await checkText(t.ctx, t.orgs.demo, { text: 'Schreiben Sie an info@firma.example' });
    expect(warned).toMatchObject({ blocked: false, warned: true });
    await t.ctx.db.transaction((tx) =>
      flagForReview(tx, contributorActor, {
        ...subject,
        subjectId: 'p-3',
        text: 'Schreiben Sie an info@firma.example',
        findings: warned.findings,
        policyVersion: warned.policyVersion,
      }),
    );
    const compliance = await t.signIn(t.emailOf('compliance'));
    const flagged = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/guidelines/review-queue?kind=flagged',
        headers: compliance.headers,
      })
    ).json().items;
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({
      kind: 'flagged',
      subjectId: 'p-3',
      reason: null,
      actorLabel: 'contributor',
    });
    const actions = await t.ctx.db.execute<{ action: string }>(
      sql`select action from audit_log where org_id = ${t.orgs.demo} and action like 'guideline.%' order by id desc limit 2`,
    );
    expect(actions.rows.map((r) => r.action)).toEqual(['guideline.flagged', 'guideline.overridden']);
  });

  it('limits checks per person, not per address: 300 a minute', async () => {
    const viewer = await t.signIn(t.emailOf('viewer'));
    let last = 0;
    for (let i = 0; i < 301; i++) last = (await check(viewer, { text: `Entwurf ${i}` })).statusCode;
    expect(last).toBe(429);
    const limited = await check(viewer, { text: 'noch einer' });
    expect(limited.json().code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    // Someone else behind the same address types on.
    expect((await check(contributor, { text: 'Hallo' })).statusCode).toBe(200);
  });
});
