import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { multipartImage, ONE_PIXEL_PNG } from '../../../test/integration/publishing-scenarios.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { notifications } from '../../platform/db/schema/notifications.ts';
import { postEvents, postTargets } from '../../platform/db/schema/publishing.ts';
import { reconcileInterrupted } from './reconcile.ts';
import { sendTarget, sendTargets } from './send-batch.ts';

/** The heart of publishing through the real API and the real sandbox network, on the real database. */
describe('publishing', () => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  let companyChannels: { id: string; name: string; accountId: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['owner', 'manager', 'editor', 'contributor', 'viewer'] as const) {
      s[role] = await t.signIn(t.emailOf(role));
      await t.grantPostingRights(t.emailOf(role));
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: s.editor!.headers });
    companyChannels = res
      .json()
      .items.filter((c: { ownership: string }) => c.ownership === 'company')
      .map((c: { id: string; name: string; account: { id: string } }) => ({
        id: c.id,
        name: c.name,
        accountId: c.account.id,
      }));
  });
  afterAll(() => t?.close());

  const call = async (
    who: keyof typeof s,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s[who]!.headers, ...(payload ? { payload } : {}) });

  async function draft(who: keyof typeof s, text: string, channelIds = companyChannels.map((c) => c.id)) {
    // No department: the demo's HR rules (a required campaign hashtag) have a test of their own below.
    const res = await call(who, 'POST', '/posts', {
      baseText: text,
      departmentId: null,
      targets: channelIds.map((channelId) => ({ channelId })),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; targets: { id: string; channel: { id: string } }[] };
  }

  async function approved(text: string) {
    const post = await draft('editor', text);
    expect((await call('editor', 'POST', `/posts/${post.id}/submit`)).statusCode).toBe(200);
    const ok = await call('manager', 'POST', `/posts/${post.id}/approve`, { comment: 'passt' });
    expect(ok.statusCode, ok.body).toBe(200);
    return post;
  }

  /** A channel of its own, for tests that break it; the manager writes, the owner approves. */
  async function freshChannelPost(name: string, text: string) {
    const created = await call('manager', 'POST', '/channels/sandbox', {
      ownership: 'company',
      name,
      handle: `${name.toLowerCase()}_${Date.now() % 100000}`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const channel = created.json() as { id: string; account: { id: string } };
    const post = await draft('manager', text, [channel.id]);
    await call('manager', 'POST', `/posts/${post.id}/submit`);
    expect((await call('owner', 'POST', `/posts/${post.id}/approve`, {})).statusCode).toBe(200);
    return { channel, post };
  }

  const targetRows = (postId: string) =>
    t.ctx.db.select().from(postTargets).where(eq(postTargets.postId, postId)).orderBy(postTargets.channelId);

  async function sandboxPostsWith(accountId: string, text: string) {
    return (await t.ctx.sandbox.listPosts(t.orgs.demo, accountId)).filter((p) => p.text === text);
  }

  it('the demo organisation has sandbox channels a new user can publish to', () => {
    expect(companyChannels.length).toBeGreaterThanOrEqual(2);
  });

  it('drafts, approves, schedules and publishes to two channels, then pulls metrics', async () => {
    const text = `Wir stellen ein! Bewerben Sie sich bis Freitag ${Date.now()} 🎉`;
    const post = await draft('editor', text);
    expect(post.targets).toHaveLength(2);

    // Scheduling before the workflow is satisfied is refused.
    const early = await call('editor', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('approval_required');

    const submitted = await call('editor', 'POST', `/posts/${post.id}/submit`);
    expect(submitted.json().state).toBe('in_review');
    // The approvers are asked, in the app; the author is not.
    const asked = await t.ctx.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.orgId, t.orgs.demo), eq(notifications.kind, 'post.approval_requested')));
    expect(asked.length).toBeGreaterThanOrEqual(3);

    // An editor's role is not in the workflow.
    const wrong = await call('editor', 'POST', `/posts/${post.id}/approve`, {});
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('not_an_approver');

    const ok = await call('manager', 'POST', `/posts/${post.id}/approve`, {
      comment: 'Gern so.',
      version: post.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('approved');

    const scheduled = await call('editor', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json().targets.map((x: { state: string }) => x.state)).toEqual([
      'scheduled',
      'scheduled',
    ]);

    for (const target of await targetRows(post.id)) await sendTarget(t.ctx, target.id);
    const after = (await call('editor', 'GET', `/posts/${post.id}`)).json();
    expect(after.status).toBe('published');
    for (const target of after.targets) expect(target.remoteUrl).toMatch(/^http/);
    for (const c of companyChannels) expect(await sandboxPostsWith(c.accountId, text)).toHaveLength(1);

    // The audience reacts; the metrics are pulled from the network.
    const [remote] = await sandboxPostsWith(companyChannels[0]!.accountId, text);
    await t.ctx.sandbox.engage(t.orgs.demo, remote!.id, {
      likes: 7,
      reposts: 2,
      replies: 1,
      impressions: 120,
    });
    const refreshed = await call('viewer', 'POST', `/posts/${post.id}/metrics`);
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const m = refreshed
      .json()
      .targets.find((x: { channel: { id: string } }) => x.channel.id === companyChannels[0]!.id).metrics;
    expect(m).toMatchObject({ likes: 7, reposts: 2, replies: 1, impressions: 120 });

    // The history shows every step.
    const kinds = after.history.map((h: { kind: string }) => h.kind);
    for (const k of ['created', 'submitted', 'approved', 'scheduled', 'published'])
      expect(kinds).toContain(k);
  });

  it('an edit after approval sends the post back for approval and off the schedule', async () => {
    const post = await approved('Termin am Dienstag');
    const at = new Date(Date.now() + 3600_000).toISOString();
    expect((await call('editor', 'POST', `/posts/${post.id}/schedule`, { mode: 'at', at })).statusCode).toBe(
      200,
    );
    const edited = await call('editor', 'PATCH', `/posts/${post.id}`, { baseText: 'Termin am Mittwoch' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().state).toBe('in_review');
    expect(
      edited
        .json()
        .targets.every((x: { state: string; scheduledAt: string }) => x.state === 'draft' && x.scheduledAt),
    ).toBe(true);
    const stale = await call('manager', 'POST', `/posts/${post.id}/approve`, { version: post.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('post_changed');
    const staleChanges = await call('manager', 'POST', `/posts/${post.id}/request-changes`, {
      comment: 'Bitte Datum prüfen',
      version: post.version,
    });
    expect(staleChanges.statusCode).toBe(409);
    // An autosave from an editor who started from an older version does not overwrite the newer text.
    const staleSave = await call('editor', 'PATCH', `/posts/${post.id}`, {
      baseText: 'Termin am Donnerstag',
      version: post.version,
    });
    expect(staleSave.statusCode).toBe(409);
    expect(staleSave.json().code).toBe('post_changed');
    const current = await call('editor', 'PATCH', `/posts/${post.id}`, {
      baseText: 'Termin am Donnerstag',
      version: edited.json().version,
    });
    expect(current.statusCode, current.body).toBe(200);
  });

  it('refuses self-approval where the workflow forbids it', async () => {
    const post = await draft('manager', 'Eigener Beitrag');
    await call('manager', 'POST', `/posts/${post.id}/submit`);
    const res = await call('manager', 'POST', `/posts/${post.id}/approve`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('self_approval_forbidden');
  });

  it('explains what stops a post: too long, in the past, a channel the user may not use', async () => {
    const long = await draft('editor', 'x'.repeat(501));
    const submit = await call('editor', 'POST', `/posts/${long.id}/submit`);
    expect(submit.statusCode).toBe(422);
    expect(submit.json().issues[0].message).toMatch(/501/);

    const post = await approved('Rückblick');
    const past = await call('editor', 'POST', `/posts/${post.id}/schedule`, {
      mode: 'at',
      at: '2020-01-01T10:00:00Z',
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe('schedule_in_past');

    const byContributor = await call('contributor', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    expect(byContributor.statusCode).toBe(403);
    expect(byContributor.json().code).toBe('may_not_publish');
  });

  it('publishes exactly once when two workers wake up for the same post', async () => {
    const text = `Zweimal geweckt ${Date.now()}`;
    const post = await approved(text);
    await call('editor', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    const [first] = await targetRows(post.id);
    await Promise.all([
      sendTarget(t.ctx, first!.id),
      sendTarget(t.ctx, first!.id),
      sendTarget(t.ctx, first!.id),
    ]);
    const channel = companyChannels.find((c) => c.id === first!.channelId)!;
    expect(await sandboxPostsWith(channel.accountId, text)).toHaveLength(1);
  });

  it('sends a batch in one go, each target settled on its own: published, rate-limited, not yet due', async () => {
    const stamp = Date.now();
    const first = await approved(`Stapel eins ${stamp}`);
    const second = await approved(`Stapel zwei ${stamp}`);
    const later = await approved(`Stapel später ${stamp}`);
    await call('editor', 'POST', `/posts/${first.id}/schedule`, { mode: 'now' });
    await call('editor', 'POST', `/posts/${second.id}/schedule`, { mode: 'now' });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call('editor', 'POST', `/posts/${later.id}/schedule`, { mode: 'at', at })).statusCode).toBe(
      200,
    );
    const firstTargets = await targetRows(first.id);
    const secondTargets = await targetRows(second.id);
    const [laterTarget] = await targetRows(later.id);
    // One channel refuses its next call with 429 (whichever of the two posts reaches it first);
    // everything else goes through.
    const limitedChannel = companyChannels.find((c) => c.id === secondTargets[0]!.channelId)!;
    t.ctx.sandbox.failNext(limitedChannel.accountId, 'rate_limit');
    const before = Date.now();
    const ids = [...firstTargets, ...secondTargets].map((r) => r.id);
    // A duplicate wake-up and one that came early ride along, as they can in a fetched batch.
    await sendTargets(t.ctx, [...ids, ids[0]!, laterTarget!.id]);

    const rows = await t.ctx.db.select().from(postTargets).where(inArray(postTargets.id, ids));
    const waiting = rows.filter((r) => r.state === 'scheduled');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.channelId).toBe(limitedChannel.id);
    expect(waiting[0]!.scheduledAt!.getTime() - before).toBeGreaterThanOrEqual(5000);
    const sent = rows.filter((r) => r.id !== waiting[0]!.id);
    expect(sent.map((r) => r.state)).toEqual(sent.map(() => 'published'));
    for (const r of sent) {
      const channel = companyChannels.find((c) => c.id === r.channelId)!;
      const onNetwork = await sandboxPostsWith(channel.accountId, r.sentText!);
      expect(onNetwork.map((p) => p.id)).toEqual([r.remoteId]);
    }
    // One history entry and one notification per published target, none for the others.
    const history = await t.ctx.db
      .select()
      .from(postEvents)
      .where(and(inArray(postEvents.targetId, ids), eq(postEvents.kind, 'published')));
    expect(history.map((e) => e.targetId).sort()).toEqual(sent.map((r) => r.id).sort());
    const told = await t.ctx.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, 'post.published'),
          sql`${notifications.link} in (${`/publishing/posts/${first.id}`}, ${`/publishing/posts/${second.id}`})`,
        ),
      );
    expect(told).toHaveLength(sent.length);
    const [untouched] = await targetRows(later.id);
    expect(untouched!.state).toBe('scheduled');
    expect(untouched!.attempts).toBe(0);
  });

  it('retries after a rate limit, honouring Retry-After', async () => {
    const post = await approved(`Gebremst ${Date.now()}`);
    await call('editor', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    const [target] = await targetRows(post.id);
    const channel = companyChannels.find((c) => c.id === target!.channelId)!;
    t.ctx.sandbox.failNext(channel.accountId, 'rate_limit');
    const before = Date.now();
    await sendTarget(t.ctx, target!.id);
    const [row] = await t.ctx.db.select().from(postTargets).where(eq(postTargets.id, target!.id));
    expect(row!.state).toBe('scheduled');
    expect(row!.scheduledAt!.getTime() - before).toBeGreaterThanOrEqual(5000);
  });

  it('settles a lost answer by asking the network, without posting twice', async () => {
    const text = `Antwort verloren ${Date.now()}`;
    const post = await approved(text);
    await call('editor', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    const [target] = await targetRows(post.id);
    const channel = companyChannels.find((c) => c.id === target!.channelId)!;
    t.ctx.sandbox.failNext(channel.accountId, 'lost_response');
    await sendTarget(t.ctx, target!.id);
    const [row] = await t.ctx.db.select().from(postTargets).where(eq(postTargets.id, target!.id));
    expect(row!.state).toBe('published');
    expect(await sandboxPostsWith(channel.accountId, text)).toHaveLength(1);
  });

  it('after a crash mid-send, the reconciler finds the post on the network instead of sending again', async () => {
    const text = `Absturz ${Date.now()}`;
    const post = await approved(text);
    await call('editor', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    const [target] = await targetRows(post.id);
    const channel = companyChannels.find((c) => c.id === target!.channelId)!;
    // The worker had sent it and died before writing the answer down.
    const token = await t.ctx.sandbox.resetToken(t.orgs.demo, channel.accountId);
    await t.ctx.db
      .update(channels)
      .set({
        credentialsSealed: t.ctx.secrets.seal(
          JSON.stringify({ serviceUrl: '', identifier: token, secret: '' }),
          `channel:${channel.id}`,
        ),
      })
      .where(eq(channels.id, channel.id));
    const account = (await t.ctx.sandbox.getAccount(t.orgs.demo, channel.accountId))!;
    await t.ctx.sandbox.api.publish(account, {
      text,
      media: [],
      replyToId: null,
      idempotencyKey: target!.idempotencyKey,
    });
    await t.ctx.db
      .update(postTargets)
      .set({
        state: 'sending',
        attempts: 1,
        sendingSince: sql`now() - interval '1 hour'`,
        firstSentAt: sql`now() - interval '1 hour'`,
        sentText: text,
      })
      .where(eq(postTargets.id, target!.id));
    expect(await reconcileInterrupted(t.ctx)).toBeGreaterThanOrEqual(1);
    const [row] = await t.ctx.db.select().from(postTargets).where(eq(postTargets.id, target!.id));
    expect(row!.state).toBe('published');
    expect(await sandboxPostsWith(channel.accountId, text)).toHaveLength(1);
  });

  it('a revoked token stops the post with a reason, marks the channel and tells the author', async () => {
    const { channel, post } = await freshChannelPost('Widerrufen', `Token weg ${Date.now()}`);
    await call('manager', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    const [target] = await targetRows(post.id);
    await t.ctx.sandbox.resetToken(t.orgs.demo, channel.account.id);
    await sendTarget(t.ctx, target!.id);
    const got = (await call('manager', 'GET', `/posts/${post.id}`)).json();
    expect(got.targets[0].state).toBe('failed');
    expect(got.targets[0].failure.code).toBe('auth_expired');
    const ch = (await call('manager', 'GET', `/channels/${channel.id}`)).json();
    expect(ch.health.status).toBe('needs_reauth');
    const told = await call('manager', 'GET', '/notifications');
    expect(told.json().items.some((n: { kind: string }) => n.kind === 'post.failed')).toBe(true);
    // Scheduling again to a channel that needs new credentials says so.
    const again = await call('manager', 'POST', `/posts/${post.id}/schedule`, { mode: 'now' });
    expect(again.json().code).toBe('channel_needs_reauth');
  });

  it('a channel removed while posts are queued fails them with a reason; nothing is lost', async () => {
    const { channel, post } = await freshChannelPost('Kurzlebig', 'Für einen Kanal, der verschwindet');
    const res = await call('manager', 'POST', `/posts/${post.id}/schedule`, {
      mode: 'at',
      at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call('manager', 'DELETE', `/channels/${channel.id}`)).statusCode).toBe(204);
    const got = (await call('manager', 'GET', `/posts/${post.id}`)).json();
    expect(got.baseText).toBe('Für einen Kanal, der verschwindet');
    expect(got.targets[0].state).toBe('failed');
    expect(got.targets[0].failure.code).toBe('channel_removed');
  });

  it('shows scheduled posts on the calendar and moves them by the same rules', async () => {
    const post = await approved('Kalender');
    const at = new Date(Date.now() + 2 * 86_400_000);
    await call('editor', 'POST', `/posts/${post.id}/schedule`, { mode: 'at', at: at.toISOString() });
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const cal = await call(
      'viewer',
      'GET',
      `/calendar?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    const mine = cal.json().items.filter((e: { postId: string }) => e.postId === post.id);
    expect(mine).toHaveLength(2);
    expect(mine[0].movable).toBe(false);
    const target = (await targetRows(post.id))[0]!;
    const later = new Date(at.getTime() + 3600_000).toISOString();
    const moved = await call('editor', 'PATCH', `/posts/${post.id}/targets/${target.id}`, {
      scheduledAt: later,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const [row] = await t.ctx.db.select().from(postTargets).where(eq(postTargets.id, target.id));
    expect(row!.scheduledAt!.toISOString()).toBe(later);
    const past = await call('editor', 'PATCH', `/posts/${post.id}/targets/${target.id}`, {
      scheduledAt: '2021-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(422);

    // Taken back to draft, it leaves the calendar (it keeps its time for the next scheduling).
    expect((await call('editor', 'POST', `/posts/${post.id}/unschedule`, {})).statusCode).toBe(200);
    const after = await call(
      'viewer',
      'GET',
      `/calendar?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    );
    expect(after.json().items.filter((e: { postId: string }) => e.postId === post.id)).toHaveLength(0);
  });

  it('schedules into the next free slot of each channel’s posting plan', async () => {
    const post = await approved('Nächster freier Termin');
    const res = await call('editor', 'POST', `/posts/${post.id}/schedule`, { mode: 'slot' });
    expect(res.statusCode, res.body).toBe(200);
    for (const target of res.json().targets) {
      const local = new Intl.DateTimeFormat('de-DE', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
        weekday: 'short',
      }).format(new Date(target.scheduledAt));
      expect(local).toMatch(/(09:00|10:00|12:30|16:00)/);
      expect(local).not.toMatch(/^(Sa|So)/);
    }
  });

  it('re-checks the guidelines when scheduling: blocks confidential data, overrides only with a reason by those who may', async () => {
    const iban = await approved('Überweisen Sie an DE89 3704 0044 0532 0130 00');
    const blocked = await call('editor', 'POST', `/posts/${iban.id}/schedule`, { mode: 'now' });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().code).toBe('guideline_blocked');
    expect(blocked.json().findings.some((f: { kind: string }) => f.kind === 'iban')).toBe(true);

    // An HR post without the campaign hashtag warns; an editor may not wave that through.
    const hr = await call('editor', 'POST', '/posts', {
      baseText: 'Wir suchen Auszubildende für 2027.',
      targets: [{ channelId: companyChannels[0]!.id }],
    });
    const hrId = hr.json().id;
    await call('editor', 'POST', `/posts/${hrId}/submit`);
    await call('manager', 'POST', `/posts/${hrId}/approve`, {});
    const warned = await call('editor', 'POST', `/posts/${hrId}/schedule`, { mode: 'now' });
    expect(warned.json().code).toBe('guideline_warning');
    const notAllowed = await call('editor', 'POST', `/posts/${hrId}/schedule`, {
      mode: 'now',
      overrideReason: 'Der Hashtag folgt im Kommentar.',
    });
    expect(notAllowed.statusCode).toBe(403);
    const overridden = await call('manager', 'POST', `/posts/${hrId}/schedule`, {
      mode: 'now',
      overrideReason: 'Der Hashtag folgt im Kommentar.',
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    const queue = await call('owner', 'GET', '/guidelines/review-queue');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(JSON.stringify(queue.json())).toContain(hrId);
    // Sent with the override on record: the re-check at send time lets it through.
    for (const target of await targetRows(hrId)) await sendTarget(t.ctx, target.id);
    expect((await call('editor', 'GET', `/posts/${hrId}`)).json().status).toBe('published');
  });

  it('takes images only with alt text, of an image type by their bytes, within the size limit', async () => {
    const post = await draft('editor', 'Mit Bild');
    const upload = (file: Buffer, alt: string) => {
      const form = multipartImage(file, alt);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/posts/${post.id}/media`,
        headers: { ...s.editor!.headers, 'content-type': form.contentType },
        payload: form.body,
      });
    };
    const script = await upload(Buffer.from('<script>alert(1)</script>'), 'Kein Bild');
    expect(script.statusCode).toBe(415);
    expect(script.json().code).toBe('media_type_unsupported');
    const noAlt = await upload(ONE_PIXEL_PNG, '   ');
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.json().code).toBe('alt_text_required');
    const huge = await upload(Buffer.concat([ONE_PIXEL_PNG, Buffer.alloc(17 * 1024 * 1024)]), 'Zu groß');
    expect(huge.statusCode).toBe(413);
    const ok = await upload(ONE_PIXEL_PNG, 'Ein Pixel');
    expect(ok.statusCode, ok.body).toBe(201);
    const image = await t.app.inject({ method: 'GET', url: ok.json().url, headers: s.viewer!.headers });
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-security-policy']).toContain("default-src 'none'");
    const got = (await call('editor', 'GET', `/posts/${post.id}`)).json();
    expect(got.media).toHaveLength(1);
    expect(got.version).toBeGreaterThan(post.version);
  });

  it('another organisation sees none of it', async () => {
    const post = await draft('editor', 'Intern');
    const other = await t.signIn(t.emailOf('manager', 'other'));
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/posts/${post.id}`,
      headers: other.headers,
    });
    expect(res.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: other.headers });
    expect(list.json().items).toEqual([]);
  });
});
