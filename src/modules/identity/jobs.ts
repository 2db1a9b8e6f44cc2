import { and, isNull, lt, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { invitations, sessions } from '../../platform/db/schema/identity.ts';
import type { JobDefinition } from '../../platform/jobs/definition.ts';

/** Housekeeping: expired sessions and invitations are useless and only grow the tables. */
export const identityJobs: JobDefinition<Context>[] = [
  {
    name: 'identity.purge-expired',
    cron: '17 * * * *',
    async handle(ctx) {
      const s = await ctx.db
        .delete(sessions)
        .where(lt(sessions.expiresAt, sql`now()`))
        .returning({ id: sessions.id });
      const i = await ctx.db
        .delete(invitations)
        .where(
          and(lt(invitations.expiresAt, sql`now() - interval '30 days'`), isNull(invitations.acceptedAt)),
        )
        .returning({ id: invitations.id });
      ctx.log.info({ sessions: s.length, invitations: i.length }, 'purged expired sessions and invitations');
    },
  },
];
