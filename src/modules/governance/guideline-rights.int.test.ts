import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { DEMO_TRAININGS, rightAnswers } from './demo-training.ts';
import { postingRights } from './index.ts';

interface Missing {
  kind: string;
  id: string;
  title: string;
  path: string;
}

describe('guidelines, training and posting rights over HTTP', () => {
  let t: TestApp;
  let manager: Session;
  let contributor: Session;
  let compliance: Session;
  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.signIn(t.emailOf('manager'));
    contributor = await t.signIn(t.emailOf('contributor'));
    compliance = await t.signIn(t.emailOf('compliance'));
  });
  afterAll(() => t.close());

  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers, payload });
  const userId = async (role: 'contributor' | 'editor') =>
    (await t.ctx.db.execute<{ id: string }>(sql`select id from users where email = ${t.emailOf(role)}`))
      .rows[0]!.id;

  it('shows the seeded guideline, version 1, with the engine’s section anchors', async () => {
    const res = (await get(contributor, '/api/v1/guidelines/document')).json();
    expect(res.acknowledgedAt).toBeNull();
    expect(res.current).toMatchObject({
      version: 1,
      title: { de: 'Social-Media-Richtlinie', en: 'Social media guideline' },
    });
    expect(res.current.body.de).toContain('### 2.1 Bankverbindungen {#confidentiality.bank-data}');
    expect(res.current.body.en).toContain('### 2.1 Bank details {#confidentiality.bank-data}');
    const ownRights = (await get(manager, '/api/v1/guidelines/document')).json();
    expect(ownRights.acknowledgedAt).not.toBeNull();
  });

  it('a contributor lacks posting rights until acknowledging and passing the required training', async () => {
    const before = (await get(contributor, '/api/v1/guidelines/posting-rights')).json();
    expect(before.company.allowed).toBe(false);
    expect(before.company.missing.map((m: Missing) => m.kind)).toEqual([
      'acknowledgement',
      'training',
      'training',
    ]);
    expect(before.personal.missing.map((m: Missing) => m.title)).toEqual([
      'Social-Media-Richtlinie (v1)',
      'Vertrauliche Daten',
    ]);
    expect(before.personal.missing[0].path).toBe('/governance/guidelines');
    expect(before.personal.missing[1].path).toMatch(/^\/governance\/training\/[0-9a-f-]{36}$/);

    const outdated = await post(contributor, '/api/v1/guidelines/document/acknowledgements', { version: 2 });
    expect(outdated.statusCode).toBe(409);
    expect(outdated.json().code).toBe('guideline_outdated');
    const ack = await post(contributor, '/api/v1/guidelines/document/acknowledgements', { version: 1 });
    expect(ack.statusCode).toBe(200);
    const again = await post(contributor, '/api/v1/guidelines/document/acknowledgements', { version: 1 });
    expect(again.json().acknowledgedAt).toBe(ack.json().acknowledgedAt);
    const acks = await t.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'guideline.acknowledged'`,
    );
    expect(acks.rows[0]!.n).toBe(1);

    const list = (await get(contributor, '/api/v1/guidelines/training')).json().items;
    expect(list.map((m: { title: { en: string } }) => m.title.en)).toEqual([
      'Confidential data',
      'Posting for the company',
    ]);
    const confidential = list[0];
    expect(confidential).toMatchObject({
      requiredFor: { company: true, personal: true },
      passMark: 75,
      questionCount: 4,
    });
    expect(confidential.myStatus).toMatchObject({ passed: false, attempts: 0 });

    const detail = (await get(contributor, `/api/v1/guidelines/training/${confidential.id}`)).json();
    expect(JSON.stringify(detail.questions)).not.toContain('correct');
    const peek = await get(contributor, `/api/v1/guidelines/training/${confidential.id}?answers=true`);
    expect(peek.statusCode).toBe(403);

    // A client cannot claim a score: the body is answers only, graded here.
    const claimed = await post(contributor, `/api/v1/guidelines/training/${confidential.id}/attempts`, {
      answers: {},
      score: 100,
    });
    expect(claimed.statusCode).toBe(400);
    const wrong = await post(contributor, `/api/v1/guidelines/training/${confidential.id}/attempts`, {
      answers: { 'iban-reply': ['quote'], 'confidential-kinds': ['customer-number', 'code-name', 'tax-id'] },
    });
    expect(wrong.statusCode).toBe(201);
    expect(wrong.json()).toMatchObject({ score: 25, passed: false, correctCount: 1, total: 4 });
    const probing = await post(contributor, `/api/v1/guidelines/training/${confidential.id}/attempts`, {
      answers: { 'iban-reply': ['quote', 'safe-way'] },
    });
    expect(probing.statusCode).toBe(422);
    expect(probing.json().code).toBe('training_answers_invalid');
    const right = await post(contributor, `/api/v1/guidelines/training/${confidential.id}/attempts`, {
      answers: rightAnswers(DEMO_TRAININGS[0]!.questions),
    });
    expect(right.json()).toMatchObject({ score: 100, passed: true });

    const after = (await get(contributor, '/api/v1/guidelines/posting-rights')).json();
    expect(after.personal).toEqual({ allowed: true, missing: [] });
    expect(after.company.missing.map((m: Missing) => m.title)).toEqual(['Im Namen des Unternehmens posten']);
    const exported = await postingRights(t.ctx, t.orgs.demo, await userId('contributor'), {
      channelOwnership: 'personal',
    });
    expect(exported).toEqual({ allowed: true, missing: [] });
    const status = (await get(contributor, '/api/v1/guidelines/training')).json().items[0].myStatus;
    expect(status).toMatchObject({ passed: true, bestScore: 100, attempts: 2 });
  });

  it('a new guideline version withdraws posting rights until it is acknowledged', async () => {
    const editorId = await userId('editor');
    const editor = await t.signIn(t.emailOf('editor'));
    const before = await postingRights(t.ctx, t.orgs.demo, editorId, { channelOwnership: 'company' });
    expect(before.missing.map((m) => m.kind)).toEqual(['acknowledgement']);
    await post(editor, '/api/v1/guidelines/document/acknowledgements', { version: 1 });
    expect(await postingRights(t.ctx, t.orgs.demo, editorId, { channelOwnership: 'company' })).toEqual({
      allowed: true,
      missing: [],
    });

    const current = (await get(manager, '/api/v1/guidelines/document')).json().current;
    const published = await post(manager, '/api/v1/guidelines/document/versions', {
      title: current.title,
      body: { de: `${current.body.de}\n\nNeu: Abschnitt 13.`, en: `${current.body.en}\n\nNew: section 13.` },
      note: 'Abschnitt 13 ergänzt',
    });
    expect(published.statusCode).toBe(201);
    expect(published.json().version).toBe(2);
    const after = await postingRights(t.ctx, t.orgs.demo, editorId, { channelOwnership: 'company' });
    // The editor's language is German: the title says so.
    expect(after).toEqual({
      allowed: false,
      missing: [
        {
          kind: 'acknowledgement',
          id: published.json().id,
          title: 'Social-Media-Richtlinie (v2)',
          path: '/governance/guidelines',
        },
      ],
    });
    const versions = (await get(manager, '/api/v1/guidelines/document/versions')).json().items;
    expect(
      versions.map((v: { version: number; acknowledgements: number }) => [v.version, v.acknowledgements]),
    ).toEqual([
      [2, 0],
      [1, 5],
    ]);
    expect((await get(manager, '/api/v1/guidelines/document/versions/1')).json().body.de).not.toContain('13');
    expect((await get(manager, '/api/v1/guidelines/document/versions/9')).statusCode).toBe(404);
    const empty = await post(manager, '/api/v1/guidelines/document/versions', {
      title: { de: 'x', en: 'x' },
      body: { de: ' ', en: 'y' },
    });
    expect(empty.statusCode).toBe(400);
  });

  it('managers create and change training modules; a broken quiz is refused', async () => {
    const module = {
      title: { de: 'Krisenkommunikation', en: 'Crisis communication' },
      summary: { de: 'Eine Stimme', en: 'One voice' },
      content: { de: '## Eine Stimme', en: '## One voice' },
      questions: [
        {
          id: 'who',
          kind: 'single',
          prompt: { de: 'Wer spricht?', en: 'Who speaks?' },
          options: [
            { id: 'team', text: { de: 'Das Krisenteam', en: 'The crisis team' }, correct: true },
            { id: 'all', text: { de: 'Alle', en: 'Everybody' }, correct: true },
          ],
        },
      ],
      passMark: 100,
      requiredFor: { company: false, personal: false },
    };
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/training',
      headers: { ...manager.headers, 'accept-language': 'de' },
      payload: module,
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().detail).toMatch(/Frage 1: Bei einer Einfachauswahl ist genau eine Antwort richtig/);
    module.questions[0]!.options[1]!.correct = false;
    const created = await post(manager, '/api/v1/guidelines/training', module);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().questions[0].options[0].correct).toBe(true);
    const archived = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/guidelines/training/${id}`,
      headers: manager.headers,
      payload: { ...module, archived: true },
    });
    expect(archived.json()).toMatchObject({ archived: true, revision: 2 });
    expect((await get(contributor, `/api/v1/guidelines/training/${id}`)).statusCode).toBe(404);
    expect(
      (await post(contributor, `/api/v1/guidelines/training/${id}/attempts`, { answers: {} })).statusCode,
    ).toBe(404);
    const withArchived = (await get(manager, '/api/v1/guidelines/training?archived=true')).json().items;
    expect(withArchived.map((m: { id: string }) => m.id)).toContain(id);
    const actions = await t.ctx.db.execute<{ action: string }>(
      sql`select action from audit_log where target_id = ${id} order by id`,
    );
    expect(actions.rows.map((r) => r.action)).toEqual(['training.created', 'training.archived']);
  });

  it('shows compliance who acknowledged what and passed which training, also as CSV', async () => {
    const report = (await get(compliance, '/api/v1/guidelines/compliance')).json();
    expect(report.currentVersion).toBe(2);
    expect(report.trainings.map((x: { title: string }) => x.title)).toEqual([
      'Vertrauliche Daten',
      'Im Namen des Unternehmens posten',
    ]);
    expect(report.people).toHaveLength(7);
    const clara = report.people.find((p: { email: string }) => p.email === t.emailOf('contributor'));
    expect(clara).toMatchObject({
      acknowledgedVersion: 1,
      acknowledgedCurrent: false,
      companyAllowed: false,
      personalAllowed: false,
    });
    expect(clara.trainings.map((x: { passed: boolean }) => x.passed)).toEqual([true, false]);
    const csv = await get(compliance, '/api/v1/guidelines/compliance/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="chorus-compliance-/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^Name,E-Mail,Rolle,Abteilung,Status,Bestätigte Version/);
    expect(lines).toHaveLength(8);
    expect(lines.find((l) => l.includes(t.emailOf('contributor')))).toMatch(
      /,1,.*,nein,ja,100,nein,,nein,nein$/,
    );
    const audit = await t.ctx.db.execute<{ action: string }>(
      sql`select action from audit_log where org_id = ${t.orgs.demo} order by id desc limit 1`,
    );
    expect(audit.rows[0]!.action).toBe('guideline_compliance.exported');
  });

  it('scores the readiness self-check per area and keeps its history', async () => {
    const first = (await get(contributor, '/api/v1/guidelines/readiness')).json();
    expect(first.latest).toBeNull();
    const questions = first.questionnaire.areas.flatMap(
      (a: { questions: { id: string; blocker: boolean }[] }) => a.questions,
    );
    expect(first.questionnaire.areas.map((a: { id: string }) => a.id)).toEqual([
      'structure',
      'processes',
      'culture',
      'governance',
      'rollout',
    ]);
    expect(questions.filter((q: { blocker: boolean }) => q.blocker)).toHaveLength(4);
    const incomplete = await post(manager, '/api/v1/guidelines/readiness', {
      answers: { 'structure.owner': 4 },
    });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().code).toBe('readiness_incomplete');
    const unknown = await post(manager, '/api/v1/guidelines/readiness', { answers: { nonsense: 1 } });
    expect(unknown.statusCode).toBe(400);
    // Everything in place, but "knowledge is power" holds fully.
    const answers = Object.fromEntries(
      questions.map((q: { id: string; blocker: boolean }) => [q.id, q.blocker ? 0 : 4]),
    );
    answers['culture.knowledge-is-power'] = 4;
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/guidelines/readiness',
      headers: { ...manager.headers, 'accept-language': 'en' },
      payload: { answers },
    });
    expect(saved.statusCode).toBe(201);
    const result = saved.json();
    expect(result.areas.find((a: { id: string }) => a.id === 'culture')).toMatchObject({
      score: 80,
      level: 'strong',
    });
    expect(result.areas.find((a: { id: string }) => a.id === 'rollout')).toMatchObject({ score: 100 });
    expect(result.overall).toBe(96);
    expect(result.nextSteps).toEqual([
      expect.objectContaining({
        questionId: 'culture.knowledge-is-power',
        priority: 'high',
        areaTitle: 'Culture',
      }),
    ]);
    expect(result.nextSteps[0].text).toMatch(/Make sharing visible/);
    const later = (await get(contributor, '/api/v1/guidelines/readiness')).json();
    expect(later.latest.id).toBe(result.id);
    expect(later.history).toHaveLength(1);
    expect(later.latest.nextSteps[0].text).toMatch(/Machen Sie Teilen sichtbar/);
  });
});
