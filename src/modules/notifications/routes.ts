import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { notifications } from '../../platform/db/schema/notifications.ts';
import { principalOf } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import type { JobDefinition } from '../../platform/jobs/definition.ts';
import { NOTIFICATION_MAIL_JOB, sendNotificationMail } from './notify.ts';

const tags = ['notifications'];

const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.string()),
  link: z.string(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export function registerNotificationRoutes(app: App, ctx: Context): void {
  app.get(
    '/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: "The signed-in person's notifications, newest first, and how many are unread",
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
        response: { 200: z.object({ unread: z.number().int(), items: z.array(notificationSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const mine = and(eq(notifications.orgId, p.orgId), eq(notifications.userId, p.userId));
      const rows = await ctx.db
        .select()
        .from(notifications)
        .where(mine)
        .orderBy(desc(notifications.createdAt))
        .limit(req.query.limit);
      const [unread] = await ctx.db
        .select({ n: count() })
        .from(notifications)
        .where(and(mine, isNull(notifications.readAt)));
      return {
        unread: unread?.n ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          params: r.params,
          link: r.link,
          readAt: r.readAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Marks one of your notifications as read',
        params: z.strictObject({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const done = await ctx.db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.orgId, p.orgId),
            eq(notifications.userId, p.userId),
            eq(notifications.id, req.params.id),
          ),
        )
        .returning({ id: notifications.id });
      if (done.length === 0) throw notFound('notification_not_found');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Marks all your notifications as read', response: { 204: z.null() } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await ctx.db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.orgId, p.orgId),
            eq(notifications.userId, p.userId),
            isNull(notifications.readAt),
          ),
        );
      return reply.status(204).send(null);
    },
  );
}

export const notificationJobs: JobDefinition<Context>[] = [
  {
    name: NOTIFICATION_MAIL_JOB,
    async handle(ctx, data) {
      const ids = (data as { ids?: unknown }).ids;
      if (!Array.isArray(ids)) throw new Error('notifications.mail job without ids');
      await sendNotificationMail(
        ctx,
        ids.filter((i): i is string => typeof i === 'string'),
      );
    },
  },
];
