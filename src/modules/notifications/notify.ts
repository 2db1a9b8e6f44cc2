import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { memberships, organisations, users } from '../../platform/db/schema/identity.ts';
import { notifications } from '../../platform/db/schema/notifications.ts';
import { type NotificationKind, notificationMail } from './mail-texts.ts';

export const NOTIFICATION_MAIL_JOB = 'notifications.mail';

export interface NotifyInput {
  orgId: string;
  userIds: readonly string[];
  kind: NotificationKind;
  params: Record<string, string>;
  link: string;
  /** Also by e-mail (approval requests, failures, mentions); in the app always. */
  mail?: boolean;
}

/**
 * Notifies people in the app, inside the caller's transaction so the notification exists exactly when the
 * change it tells of does. Returns the ids to mail after the commit (`queueNotificationMail`).
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<string[]> {
  return notifyAll(tx, [input]);
}

/**
 * Many notifications in one go (a batch of sent posts): one look-up of who is still active per
 * organisation and one insert, instead of two statements per notification.
 */
export async function notifyAll(tx: Executor, inputs: readonly NotifyInput[]): Promise<string[]> {
  const byOrg = new Map<string, Set<string>>();
  for (const input of inputs) {
    const set = byOrg.get(input.orgId) ?? new Set<string>();
    for (const id of input.userIds) set.add(id);
    byOrg.set(input.orgId, set);
  }
  const active = new Set<string>();
  for (const [orgId, userIds] of byOrg) {
    if (userIds.size === 0) continue;
    // Only active members of the organisation: a deactivated person is told nothing more.
    const rows = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.orgId, orgId),
          eq(memberships.status, 'active'),
          inArray(memberships.userId, [...userIds]),
        ),
      );
    for (const r of rows) active.add(`${orgId}/${r.userId}`);
  }
  const values = inputs.flatMap((input) =>
    [...new Set(input.userIds)]
      .filter((userId) => active.has(`${input.orgId}/${userId}`))
      .map((userId) => ({
        row: { orgId: input.orgId, userId, kind: input.kind, params: input.params, link: input.link },
        mail: input.mail === true,
      })),
  );
  if (values.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(values.map((v) => v.row))
    .returning({ id: notifications.id });
  // Postgres returns the rows of a multi-row insert in the order of its VALUES list.
  return rows.filter((_, i) => values[i]!.mail).map((r) => r.id);
}

/** Hands the mails to the job queue, after the transaction that created the notifications committed. */
export async function queueNotificationMail(ctx: Context, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await ctx.queue.send(NOTIFICATION_MAIL_JOB, { ids: [...ids] }, { retryLimit: 5, retryBackoff: true });
}

export async function sendNotificationMail(ctx: Context, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await ctx.db
    .select({
      kind: notifications.kind,
      params: notifications.params,
      link: notifications.link,
      email: users.email,
      name: users.name,
      locale: users.locale,
      orgName: organisations.name,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(organisations, eq(organisations.id, notifications.orgId))
    .where(inArray(notifications.id, [...ids]));
  for (const r of rows) {
    const locale = r.locale === 'en' ? 'en' : 'de';
    const url = new URL(r.link, ctx.config.baseUrl).toString();
    const mail = notificationMail(
      r.kind as NotificationKind,
      r.params,
      { name: r.name, orgName: r.orgName, url },
      locale,
    );
    await ctx.mailer.send({ to: r.email, ...mail });
  }
}
