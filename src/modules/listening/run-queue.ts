import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { listeningSearches } from '../../platform/db/schema/listening.ts';
import { type SearchRow, searchableChannels } from './repo.ts';

export const RUN_JOB = 'listening.run';
export const TICK_JOB = 'listening.tick';
export const DELIVER_JOB = 'listening.deliver';

export interface RunJobData {
  orgId: string;
  searchId: string;
  channelId: string;
}

/** One job per search and channel; while one waits, another is not queued (the singleton key). */
export async function queueSearchRuns(ctx: Context, search: SearchRow): Promise<number> {
  const targets = await searchableChannels(ctx.db, search.orgId, search.channelIds);
  let queued = 0;
  for (const channel of targets) {
    const data: RunJobData = { orgId: search.orgId, searchId: search.id, channelId: channel.id };
    const id = await ctx.queue.send(RUN_JOB, data, {
      singletonKey: `${search.id}:${channel.id}`,
      retryLimit: 3,
      retryDelaySeconds: 30,
      retryBackoff: true,
      expireInSeconds: 300,
    });
    if (id) queued++;
  }
  return queued;
}

/** The minute's tick: every active search of every organisation is run on its channels. */
export async function queueAllActive(ctx: Context): Promise<number> {
  const rows = await ctx.db
    .select()
    .from(listeningSearches)
    .where(and(eq(listeningSearches.active, true)));
  let queued = 0;
  for (const row of rows) queued += await queueSearchRuns(ctx, row);
  return queued;
}
