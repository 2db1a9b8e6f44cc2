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
  const recipients = [...new Set(input.userIds)];
  if (recipients.length === 0) return [];
  // Only active members of the organisation: a deactivated person is told nothing more.
  const active = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, input.orgId),
        eq(memberships.status, 'active'),
        inArray(memberships.userId, recipients),
      ),
    );
  if (active.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(
      active.map((a) => ({
        orgId: input.orgId,
        userId: a.userId,
        kind: input.kind,
        params: input.params,
        link: input.link,
      })),
    )
    .returning({ id: notifications.id });
  return input.mail ? rows.map((r) => r.id) : [];
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
