import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { departments, memberships, organisations, users } from '../../platform/db/schema/identity.ts';
import { campaigns } from '../../platform/db/schema/publishing.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { permissionsOf } from '../identity/roles.ts';
import { addComment } from './comments.ts';
import { approvePost, submitPost } from './review-post.ts';
import { createPost } from './save-post.ts';
import { schedulePost } from './schedule-post.ts';

async function demoPerson(
  ctx: Context,
  orgId: string,
  email: string,
): Promise<{ p: Principal; actor: Actor }> {
  const [row] = await ctx.db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      departmentId: memberships.departmentId,
      departmentName: departments.name,
      orgName: organisations.name,
      orgSlug: organisations.slug,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(and(eq(memberships.orgId, orgId), eq(users.email, email)));
  if (!row) throw new Error(`demo user ${email} is missing`);
  const p: Principal = {
    ...row,
    orgId,
    locale: 'de',
    timeZone: 'Europe/Berlin',
    permissions: permissionsOf(row.role),
    via: 'session',
  };
  return { p, actor: { orgId, userId: row.userId, label: `${row.name} <${row.email}>`, via: 'system' } };
}

/**
 * A few posts in every stage, made through the same use cases people use, so the calendar, the list and
 * the approval queue show something on the first start: one published at once by the workers, one
 * scheduled into the next slot of the posting plan, one waiting for approval with a comment.
 * Runs after the seed's transaction and once the queue is started (scheduling queues send jobs).
 */
export async function seedDemoPosts(ctx: Context, orgId: string, domain: string): Promise<void> {
  const manager = await demoPerson(ctx, orgId, `manager@${domain}`);
  const admin = await demoPerson(ctx, orgId, `admin@${domain}`);
  const byName = new Map(
    (await ctx.db.select().from(channels).where(eq(channels.orgId, orgId))).map((c) => [c.name, c.id]),
  );
  const campaign = new Map(
    (await ctx.db.select().from(campaigns).where(eq(campaigns.orgId, orgId))).map((c) => [c.name, c.id]),
  );
  const main = byName.get('Beispiel GmbH');
  const careers = byName.get('Beispiel Karriere');
  if (!main || !careers) throw new Error('the demo channels are missing');

  const approved = async (baseText: string, channelIds: string[], campaignId: string | null) => {
    const post = await createPost(ctx, manager.p, manager.actor, {
      baseText,
      campaignId,
      targets: channelIds.map((channelId) => ({ channelId })),
    });
    await submitPost(ctx, manager.p, manager.actor, post.id);
    await approvePost(ctx, admin.p, admin.actor, post.id, { comment: 'Passt so, danke!' });
    return post.id;
  };

  const welcome = await approved(
    'Ab heute planen, prüfen und veröffentlichen wir unsere Beiträge gemeinsam im Team – mit Chorus. ' +
      'Fragen und Ideen? Schreibt uns! #Teamarbeit',
    [main],
    null,
  );
  await schedulePost(ctx, manager.p, manager.actor, welcome, { mode: 'now' });

  const launch = await approved(
    'Unser neues Serviceportal ist da: Antworten rund um die Uhr, Termine mit wenigen Klicks. ' +
      'Schaut vorbei: https://www.beispiel.example/service #Service',
    [main],
    campaign.get('Produktlaunch Herbst') ?? null,
  );
  await schedulePost(ctx, manager.p, manager.actor, launch, { mode: 'slot' });

  const job = await createPost(ctx, manager.p, manager.actor, {
    baseText:
      'Wir suchen Verstärkung in der IT: Werkstudent*in (m/w/d), 20 Stunden pro Woche, in Köln oder remote. ' +
      'Alle Infos auf unserer Karriereseite. #BeispielKarriere',
    campaignId: campaign.get('Employer Branding 2027') ?? null,
    targets: [{ channelId: careers }, { channelId: main }],
  });
  await submitPost(ctx, manager.p, manager.actor, job.id);
  await addComment(ctx, manager.p, manager.actor, job.id, {
    body: '@Anton Admin Kannst du bitte bis Freitag freigeben? Die Stelle geht Montag online.',
    mentionIds: admin.p.userId ? [admin.p.userId] : [],
  });
}
