import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/app.ts';
import { memberships, users } from '../../platform/db/schema/identity.ts';
import { notifications } from '../../platform/db/schema/notifications.ts';

interface CommentDto {
  body: string;
  mentions: { id: string; name: string }[];
  mentionRanges: { start: number; end: number }[];
}

/** Mentions in a post's internal comments: picked from the list, or typed as @Name in the text. */
describe('comments and mentions', () => {
  let t: TestApp;
  let editor: Session;
  const people = new Map<string, { id: string; name: string }>();

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.signIn(t.emailOf('editor'));
    for (const role of ['manager', 'owner', 'viewer', 'editor'] as const) {
      const [u] = await t.ctx.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.email, t.emailOf(role)));
      people.set(role, u!);
    }
  });
  afterAll(() => t?.close());

  async function newPost() {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/posts',
      headers: editor.headers,
      payload: { baseText: `Kommentartest ${Date.now()}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  async function comment(postId: string, body: string, mentionIds: string[] = []) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/posts/${postId}/comments`,
      headers: editor.headers,
      payload: { body, mentionIds },
    });
    expect(res.statusCode, res.body).toBe(200);
    const comments = res.json().comments as CommentDto[];
    return comments.at(-1)!;
  }
  async function toldOf(postId: string, userId: string) {
    const rows = await t.ctx.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.kind, 'post.mentioned'),
          eq(notifications.link, `/publishing/posts/${postId}`),
        ),
      );
    return rows.length;
  }

  it('a typed @Name and a typed @e-mail-local-part mention colleagues, who are told like picked ones', async () => {
    const postId = await newPost();
    const manager = people.get('manager')!;
    const owner = people.get('owner')!;
    const ownerLocal = t.emailOf('owner').split('@')[0]!;
    const body = `Bitte @${manager.name} und @${ownerLocal} kurz ansehen.`;
    const c = await comment(postId, body);

    expect(c.mentions.map((m) => m.id).sort()).toEqual([manager.id, owner.id].sort());
    expect(c.mentionRanges.map((r) => body.slice(r.start, r.end))).toEqual([
      `@${manager.name}`,
      `@${ownerLocal}`,
    ]);
    expect(await toldOf(postId, manager.id)).toBe(1);
    expect(await toldOf(postId, owner.id)).toBe(1);
  });

  it('a person picked and typed is told once; an unknown name or an e-mail address in the text is no mention', async () => {
    const postId = await newPost();
    const manager = people.get('manager')!;
    const c = await comment(postId, `@${manager.name}, schreib an info@manager.de oder @Niemand Bekanntes`, [
      manager.id,
    ]);
    expect(c.mentions.map((m) => m.id)).toEqual([manager.id]);
    expect(c.mentionRanges).toHaveLength(1);
    expect(await toldOf(postId, manager.id)).toBe(1);
  });

  it('a deactivated member cannot be mentioned by typing their name', async () => {
    const postId = await newPost();
    const viewer = people.get('viewer')!;
    await t.ctx.db
      .update(memberships)
      .set({ status: 'deactivated' })
      .where(and(eq(memberships.userId, viewer.id), eq(memberships.orgId, t.orgs.demo)));
    try {
      const c = await comment(postId, `Hallo @${viewer.name}`);
      expect(c.mentions).toEqual([]);
      expect(await toldOf(postId, viewer.id)).toBe(0);
    } finally {
      await t.ctx.db
        .update(memberships)
        .set({ status: 'active' })
        .where(and(eq(memberships.userId, viewer.id), eq(memberships.orgId, t.orgs.demo)));
    }
  });

  it('a person of another organisation is not found by typing their name or address', async () => {
    const postId = await newPost();
    const email = t.emailOf('manager', 'other');
    const [stranger] = await t.ctx.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.email, email));
    // Both managers' addresses start with "manager": only this organisation's one is meant.
    const c = await comment(postId, `Kennt jemand @${stranger!.name} oder @${email.split('@')[0]}?`);
    expect(c.mentions.map((m) => m.id)).not.toContain(stranger!.id);
    expect(c.mentions.map((m) => m.id)).toContain(people.get('manager')!.id);
    expect(await toldOf(postId, stranger!.id)).toBe(0);
  });

  it('mentioning oneself is recorded but tells nobody', async () => {
    const postId = await newPost();
    const me = people.get('editor')!;
    const c = await comment(postId, `Notiz an @${me.name}`);
    expect(c.mentions.map((m) => m.id)).toEqual([me.id]);
    expect(await toldOf(postId, me.id)).toBe(0);
  });
});
