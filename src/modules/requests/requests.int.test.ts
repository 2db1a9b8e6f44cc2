import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { ONE_PIXEL_PNG } from '../../../test/integration/publishing-scenarios.ts';
import { multipartFile, TINY_PDF } from '../../../test/integration/requests-scenarios.ts';
import { users } from '../../platform/db/schema/identity.ts';
import { notifications } from '../../platform/db/schema/notifications.ts';
import { sendNotificationMail } from '../notifications/notify.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments.ts';

type Who = 'owner' | 'manager' | 'editor' | 'contributor' | 'viewer' | 'compliance';

/** The requests desk through the real API on the real database. */
describe('requests desk', () => {
  let t: TestApp;
  const s: Partial<Record<Who, Session>> = {};
  const ids: Partial<Record<Who, string>> = {};
  let channelId: string;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['owner', 'manager', 'editor', 'contributor', 'viewer', 'compliance'] as const) {
      s[role] = await t.signIn(t.emailOf(role));
      const [u] = await t.ctx.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, t.emailOf(role)));
      ids[role] = u!.id;
    }
    const res = await call('editor', 'GET', '/channels');
    channelId = res.json().items.find((c: { ownership: string }) => c.ownership === 'company').id;
  });
  afterAll(() => t?.close());

  const call = (
    who: Who,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...s[who]!.headers, ...headers },
      ...(payload ? { payload } : {}),
    });

  const upload = (who: Who, id: string, data: Buffer, filename: string) => {
    const { body, contentType } = multipartFile(data, filename);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/attachments`,
      headers: { ...s[who]!.headers, 'content-type': contentType },
      payload: body,
    });
  };

  async function file(who: Who, body: object) {
    const res = await call(who, 'POST', '/requests', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string; requester: { id: string } };
  }

  const postingRequest = (title: string) => ({
    type: 'posting',
    title,
    description: 'Bitte auf LinkedIn und Mastodon.',
    dueDate: '2099-01-31',
    fields: {
      content: 'Wir suchen Azubis für 2027!',
      channelIds: [channelId],
      link: 'https://beispiel.example/karriere',
    },
  });

  const notificationsOf = (who: Who, kind: string) =>
    t.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids[who]!), eq(notifications.kind, kind)));

  it('a contributor files a posting request; the team triages, answers and turns it into a draft post', async () => {
    const req = await file('contributor', postingRequest('Azubi-Kampagne'));
    expect(req.status).toBe('new');
    expect((await upload('contributor', req.id, ONE_PIXEL_PNG, 'plakat.png')).statusCode).toBe(201);
    expect((await upload('contributor', req.id, TINY_PDF, 'briefing.pdf')).json().mimeType).toBe(
      'application/pdf',
    );
    // The team heard of it in the app.
    expect((await notificationsOf('manager', 'request.filed')).length).toBe(1);

    // Triage list for the team, sorted by due date; the requester's own list.
    const triage = (await call('manager', 'GET', '/requests?scope=all&status=open')).json().items;
    expect(triage.map((r: { id: string }) => r.id)).toContain(req.id);
    expect((await call('contributor', 'GET', '/requests')).json().items[0].id).toBe(req.id);

    const assigned = await call('manager', 'PATCH', `/requests/${req.id}`, {
      assigneeId: ids.manager,
      priority: 'high',
      status: 'in_progress',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      status: 'in_progress',
      priority: 'high',
      assignee: { id: ids.manager },
    });

    await call('manager', 'POST', `/requests/${req.id}/messages`, { body: 'Machen wir, Entwurf folgt.' });
    await call('manager', 'POST', `/requests/${req.id}/messages`, {
      body: 'Intern: Budget klären',
      internal: true,
    });

    const turned = await call('manager', 'POST', `/requests/${req.id}/post`);
    expect(turned.statusCode, turned.body).toBe(201);
    const postId = turned.json().postId as string;
    expect(postId).toBeTruthy();
    const post = (await call('manager', 'GET', `/posts/${postId}`)).json();
    expect(post.baseText).toBe('Wir suchen Azubis für 2027!\n\nhttps://beispiel.example/karriere');
    expect(post.targets.map((x: { channel: { id: string } }) => x.channel.id)).toEqual([channelId]);
    expect(post.state).toBe('draft');
    // Not twice.
    expect((await call('manager', 'POST', `/requests/${req.id}/post`)).json().code).toBe(
      'request_already_posted',
    );

    // The requester sees status, the team's answer, not the internal note, and was told.
    const seen = (await call('contributor', 'GET', `/requests/${req.id}`)).json();
    expect(seen.status).toBe('in_progress');
    expect(seen.postId).toBe(postId);
    expect(seen.messages.map((m: { body: string }) => m.body)).toEqual(['Machen wir, Entwurf folgt.']);
    expect(JSON.stringify(seen)).not.toContain('Budget');
    expect(seen.attachments.map((a: { filename: string }) => a.filename)).toEqual([
      'plakat.png',
      'briefing.pdf',
    ]);
    expect(seen.history.map((h: { kind: string }) => h.kind)).toEqual([
      'created',
      'attachment',
      'attachment',
      'priority',
      'assigned',
      'status',
      'post_created',
    ]);
    const teamView = (await call('manager', 'GET', `/requests/${req.id}`)).json();
    expect(teamView.messages.find((m: { internal: boolean }) => m.internal).body).toBe(
      'Intern: Budget klären',
    );

    const status = await notificationsOf('contributor', 'request.status_changed');
    expect(status.length).toBe(1);
    expect(status[0]!.params).toMatchObject({ status: 'in_progress', status_de: 'in Bearbeitung' });
    expect((await notificationsOf('contributor', 'request.answered')).length).toBe(1);
    expect((await notificationsOf('contributor', 'request.posted')).length).toBe(1);
    // Mail in the requester's language (the demo people speak German).
    t.mail.sent.length = 0;
    await sendNotificationMail(
      t.ctx,
      status.map((n) => n.id),
    );
    expect(t.mail.sent[0]!.subject).toBe('Ihre Anfrage „Azubi-Kampagne“: in Bearbeitung');

    // The attachment comes back as what it is, and never runs.
    const pdf = await call('contributor', 'GET', seen.attachments[1].url.replace('/api/v1', ''));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-security-policy']).toContain('sandbox');
    expect(pdf.rawPayload.equals(TINY_PDF)).toBe(true);

    // Done closes it; the audit log has every step.
    expect(
      (await call('manager', 'PATCH', `/requests/${req.id}`, { status: 'done' })).json().closedAt,
    ).toBeTruthy();
    const actions = await t.ctx.db.execute<{ action: string }>(
      sql`select action from audit_log where target_id = ${req.id} order by seq`,
    );
    expect(actions.rows.map((r) => r.action)).toEqual([
      'request.created',
      'request.attachment_added',
      'request.attachment_added',
      'request.triaged',
      'request.commented',
      'request.noted',
      'request.turned_into_post',
      'request.triaged',
    ]);
  });

  it('a requester sees only their own requests; the team sees all', async () => {
    const mine = await file('viewer', {
      type: 'question',
      title: 'Dürfen wir das Logo nutzen?',
      fields: { question: 'Gilt das auch für Vereine?' },
    });
    expect((await call('compliance', 'GET', `/requests/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await call('compliance', 'GET', '/requests')).json().items.map((r: { id: string }) => r.id),
    ).not.toContain(mine.id);
    expect((await call('compliance', 'GET', '/requests?scope=all')).statusCode).toBe(403);
    expect(
      (await call('compliance', 'POST', `/requests/${mine.id}/messages`, { body: 'x' })).statusCode,
    ).toBe(404);
    expect((await upload('compliance', mine.id, ONE_PIXEL_PNG, 'x.png')).statusCode).toBe(404);
    expect((await call('editor', 'GET', `/requests/${mine.id}`)).statusCode).toBe(200);
    const filtered = (await call('editor', 'GET', '/requests?scope=all&type=question&assigneeId=none')).json()
      .items;
    expect(filtered.map((r: { id: string }) => r.id)).toContain(mine.id);
    expect(filtered.every((r: { type: string }) => r.type === 'question')).toBe(true);
  });

  it('a requester cannot write internal notes; their reply puts a waiting request back in progress', async () => {
    const req = await file('viewer', {
      type: 'research',
      title: 'Was sagt man über unseren Messestand?',
      fields: {
        topic: 'Messe 2027',
        keywords: ['Messe', 'Stand'],
        periodFrom: '2027-03-01',
        periodTo: '2027-03-10',
      },
    });
    const note = await call('viewer', 'POST', `/requests/${req.id}/messages`, {
      body: 'geheim',
      internal: true,
    });
    expect(note.statusCode).toBe(403);
    expect(note.json().code).toBe('internal_note_forbidden');
    await call('editor', 'PATCH', `/requests/${req.id}`, { assigneeId: ids.editor, status: 'waiting' });
    await call('editor', 'POST', `/requests/${req.id}/messages`, { body: 'Welche Messe genau?' });
    const reply = await call('viewer', 'POST', `/requests/${req.id}/messages`, {
      body: 'Die Hannover Messe.',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().status).toBe('in_progress');
    expect((await notificationsOf('editor', 'request.replied')).length).toBe(1);
    // A research request does not become a post.
    expect((await call('editor', 'POST', `/requests/${req.id}/post`)).json().code).toBe(
      'request_not_posting',
    );
  });

  it('declining needs a reason, and a closed request only reopens', async () => {
    const req = await file('contributor', {
      type: 'question',
      title: 'Frage',
      fields: { question: 'Warum?' },
    });
    const noReason = await call(
      'manager',
      'PATCH',
      `/requests/${req.id}`,
      { status: 'declined' },
      { 'accept-language': 'de' },
    );
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().title).toBe('Begründung fehlt');
    const declined = await call('manager', 'PATCH', `/requests/${req.id}`, {
      status: 'declined',
      declineReason: 'Das beantwortet die Rechtsabteilung.',
    });
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'Das beantwortet die Rechtsabteilung.',
    });
    const bad = await call('manager', 'PATCH', `/requests/${req.id}`, { status: 'waiting' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().code).toBe('request_status_invalid');
    expect((await upload('contributor', req.id, ONE_PIXEL_PNG, 'x.png')).json().code).toBe('request_closed');
    const assignViewer = await call('manager', 'PATCH', `/requests/${req.id}`, { assigneeId: ids.viewer });
    expect(assignViewer.json().code).toBe('assignee_not_handler');
  });

  describe('bad input', () => {
    const expectProblem = (
      res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> },
      status: number,
      code: string,
    ) => {
      expect(res.statusCode).toBe(status);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status, code });
      return res.json();
    };

    it('a field of another type: 400 naming it, in German and English', async () => {
      const body = { type: 'question', title: 'x', fields: { question: 'y', topic: 'z' } };
      const de = expectProblem(
        await call('viewer', 'POST', '/requests', body, { 'accept-language': 'de' }),
        400,
        'validation_failed',
      );
      expect(de.title).toBe('Eingaben ungültig');
      expect(JSON.stringify(de.errors)).toMatch(/topic/);
      const en = expectProblem(
        await call('viewer', 'POST', '/requests', body, { 'accept-language': 'en' }),
        400,
        'validation_failed',
      );
      expect(en.title).toBe('Invalid input');
    });

    it('an unknown type, a missing field, a script link: 400', async () => {
      expectProblem(
        await call('viewer', 'POST', '/requests', { type: 'gossip', title: 'x', fields: {} }),
        400,
        'validation_failed',
      );
      expectProblem(
        await call('viewer', 'POST', '/requests', { type: 'posting', title: 'x', fields: {} }),
        400,
        'validation_failed',
      );
      expectProblem(
        await call('viewer', 'POST', '/requests', {
          type: 'posting',
          title: 'x',
          fields: { content: 'y', link: 'javascript:alert(1)' },
        }),
        400,
        'validation_failed',
      );
    });

    it('a due date in the past: 422 in the caller’s language', async () => {
      const res = await call(
        'viewer',
        'POST',
        '/requests',
        { type: 'question', title: 'x', dueDate: '2020-01-01', fields: { question: 'y' } },
        { 'accept-language': 'de' },
      );
      const body = expectProblem(res, 422, 'due_date_past');
      expect(body.detail).toMatch(/2020-01-01 liegt vor dem heutigen Tag/);
    });

    it('another organisation’s department or an unknown channel: 422', async () => {
      expectProblem(
        await call('viewer', 'POST', '/requests', {
          type: 'posting',
          title: 'x',
          fields: { content: 'y', channelIds: ['00000000-0000-4000-8000-000000000000'] },
        }),
        422,
        'request_channel_not_found',
      );
      expectProblem(
        await call('viewer', 'POST', '/requests', {
          type: 'question',
          title: 'x',
          departmentId: '00000000-0000-4000-8000-000000000000',
          fields: { question: 'y' },
        }),
        422,
        'department_not_found',
      );
    });

    it('an oversized attachment: 413; a wrong type: 415; nothing stored', async () => {
      const req = await file('viewer', { type: 'question', title: 'Anhänge', fields: { question: 'y' } });
      const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0);
      ONE_PIXEL_PNG.copy(big);
      const tooBig = expectProblem(
        await upload('viewer', req.id, big, 'riesig.png'),
        413,
        'attachment_too_large',
      );
      expect(tooBig.detail).toMatch(/riesig\.png/);
      const html = Buffer.from('<html><script>alert(1)</script></html>');
      expectProblem(await upload('viewer', req.id, html, 'bild.png'), 415, 'attachment_type_unsupported');
      expect((await call('viewer', 'GET', `/requests/${req.id}`)).json().attachments).toEqual([]);
    });
  });
});
