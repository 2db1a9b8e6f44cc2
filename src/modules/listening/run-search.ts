import { and, eq, isNull } from 'drizzle-orm';
import { ConnectorError, type FoundPost } from '../../connectors/connector.ts';
import type { Context } from '../../context.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import { listeningCursors, listeningMatches, listeningSearches } from '../../platform/db/schema/listening.ts';
import { openChannel, recordChannelError } from '../channels/open-channel.ts';
import { analyseText } from './analyse.ts';
import { evaluateAlerts } from './evaluate-alerts.ts';
import { clauseKey, matchesQuery, parseQuery, positiveClauses, QueryError } from './query.ts';
import { findSearch, type MatchRow } from './repo.ts';
import type { RunJobData } from './run-queue.ts';

/** Posts asked for per OR-branch and poll; a busier search catches up over the next polls. */
const PAGE = 40;
/** Longest text kept of a post: networks allow far less, anything longer is not a post. */
const MAX_TEXT = 5000;

/**
 * One poll of one saved search on one channel: each OR-branch of the query is asked of the network from
 * its cursor; every result is checked against the whole query here (networks' search is fuzzy) and the
 * language filter; matches get language and sentiment and are stored once per (search, network, post).
 * The matches and the branch's new cursor commit together, so a crash repeats a page rather than skipping
 * one, and the unique key makes the repeat harmless. Alert rules are then evaluated on what was new.
 */
export async function runSearch(ctx: Context, job: RunJobData): Promise<{ found: number; stored: number }> {
  const search = await findSearch(ctx.db, job.orgId, job.searchId);
  if (!search?.active) return { found: 0, stored: 0 };
  const [channel] = await ctx.db
    .select()
    .from(channels)
    .where(and(eq(channels.orgId, job.orgId), eq(channels.id, job.channelId), isNull(channels.deletedAt)));
  if (!channel) return { found: 0, stored: 0 };

  let ast: ReturnType<typeof parseQuery>;
  try {
    ast = parseQuery(search.query);
  } catch (err) {
    // Stored queries were checked when saved; a rule that changed since is reported, not retried.
    if (err instanceof QueryError) {
      await recordSearchError(ctx, search.orgId, search.id, `query: ${err.code} at ${err.position}`);
      return { found: 0, stored: 0 };
    }
    throw err;
  }
  const connector = openChannel(ctx, channel);
  if (!connector.capabilities.search) return { found: 0, stored: 0 };

  const fresh: MatchRow[] = [];
  let found = 0;
  try {
    for (const clause of positiveClauses(ast) ?? []) {
      const key = clauseKey(clause);
      const [cursorRow] = await ctx.db
        .select({ cursor: listeningCursors.cursor })
        .from(listeningCursors)
        .where(
          and(
            eq(listeningCursors.searchId, search.id),
            eq(listeningCursors.channelId, channel.id),
            eq(listeningCursors.clauseKey, key),
          ),
        );
      const page = await connector.search(
        { ...clause, language: search.language },
        cursorRow?.cursor ?? null,
        PAGE,
      );
      found += page.items.length;
      const rows = page.items
        .filter(
          (item) =>
            isWellFormed(item) && matchesQuery(ast, { text: item.text, authorHandle: item.author.handle }),
        )
        .map((item) => {
          const analysis = analyseText(item.text);
          const language = normaliseLanguage(item.language) ?? analysis.language;
          return { item, analysis, language };
        })
        .filter((m) => search.language === null || m.language === search.language);
      const stored = await ctx.db.transaction(async (tx) => {
        const inserted =
          rows.length === 0
            ? []
            : await tx
                .insert(listeningMatches)
                .values(
                  rows.map(({ item, analysis, language }) => ({
                    orgId: search.orgId,
                    searchId: search.id,
                    channelId: channel.id,
                    network: channel.network,
                    itemId: item.id,
                    authorHandle: item.author.handle.slice(0, 300),
                    authorName: item.author.displayName.slice(0, 300),
                    text: item.text.slice(0, MAX_TEXT),
                    url: item.url.slice(0, 2000),
                    language,
                    sentiment: Math.max(-1, Math.min(1, analysis.sentiment)),
                    postedAt: item.createdAt,
                  })),
                )
                .onConflictDoNothing({
                  target: [listeningMatches.searchId, listeningMatches.network, listeningMatches.itemId],
                })
                .returning();
        await tx
          .insert(listeningCursors)
          .values({
            orgId: search.orgId,
            searchId: search.id,
            channelId: channel.id,
            clauseKey: key,
            cursor: page.cursor,
          })
          .onConflictDoUpdate({
            target: [listeningCursors.searchId, listeningCursors.channelId, listeningCursors.clauseKey],
            set: { cursor: page.cursor, updatedAt: new Date() },
          });
        return inserted;
      });
      fresh.push(...stored);
    }
  } catch (err) {
    if (err instanceof ConnectorError) {
      await recordSearchError(ctx, search.orgId, search.id, `${channel.name}: ${err.message}`);
      await recordChannelError(ctx, channel.orgId, channel.id, err.message, {
        authExpired: err.name === 'AuthExpired' || err.name === 'ServiceUrlNotAllowed',
      });
      // Rate limits and outages: the job is retried with backoff; refusals wait for a person.
      if (err.retryable) throw err;
      return { found, stored: fresh.length };
    }
    throw err;
  }
  await ctx.db
    .update(listeningSearches)
    .set({ lastRunAt: new Date(), lastError: null, lastErrorAt: null })
    .where(and(eq(listeningSearches.orgId, search.orgId), eq(listeningSearches.id, search.id)));
  if (fresh.length > 0) await evaluateAlerts(ctx, search, fresh);
  return { found, stored: fresh.length };
}

/** Hostile input: an item without an id, a date or a sane size is skipped (and the rest stored). */
function isWellFormed(item: FoundPost): boolean {
  return (
    item.id.length > 0 &&
    item.id.length <= 500 &&
    !Number.isNaN(item.createdAt.getTime()) &&
    item.text.length <= 100_000
  );
}

function normaliseLanguage(tag: string | null): string | null {
  const base = tag?.toLowerCase().split('-')[0];
  return base === 'de' || base === 'en' ? base : null;
}

async function recordSearchError(ctx: Context, orgId: string, id: string, message: string): Promise<void> {
  await ctx.db
    .update(listeningSearches)
    .set({ lastError: message.slice(0, 1000), lastErrorAt: new Date() })
    .where(and(eq(listeningSearches.orgId, orgId), eq(listeningSearches.id, id)));
}
