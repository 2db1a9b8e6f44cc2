import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import {
  listeningAlertRules,
  listeningAlerts,
  listeningMatches,
  listeningSearches,
} from '../../platform/db/schema/listening.ts';

/** Listening's queries; every one takes the organisation first. */

export type SearchRow = typeof listeningSearches.$inferSelect;
export type RuleRow = typeof listeningAlertRules.$inferSelect;
export type MatchRow = typeof listeningMatches.$inferSelect;

export async function findSearch(db: Executor, orgId: string, id: string): Promise<SearchRow | null> {
  const [row] = await db
    .select()
    .from(listeningSearches)
    .where(and(eq(listeningSearches.orgId, orgId), eq(listeningSearches.id, id)));
  return row ?? null;
}

export async function listSearchRows(db: Executor, orgId: string) {
  const rows = await db
    .select()
    .from(listeningSearches)
    .where(eq(listeningSearches.orgId, orgId))
    .orderBy(asc(listeningSearches.name));
  const counts = rows.length
    ? await db
        .select({ searchId: listeningMatches.searchId, n: count() })
        .from(listeningMatches)
        .where(
          and(
            eq(listeningMatches.orgId, orgId),
            inArray(
              listeningMatches.searchId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .groupBy(listeningMatches.searchId)
    : [];
  const byId = new Map(counts.map((c) => [c.searchId, c.n]));
  return rows.map((r) => ({ ...r, matchCount: byId.get(r.id) ?? 0 }));
}

export async function findRule(
  db: Executor,
  orgId: string,
  searchId: string,
  id: string,
): Promise<RuleRow | null> {
  const [row] = await db
    .select()
    .from(listeningAlertRules)
    .where(
      and(
        eq(listeningAlertRules.orgId, orgId),
        eq(listeningAlertRules.searchId, searchId),
        eq(listeningAlertRules.id, id),
      ),
    );
  return row ?? null;
}

export async function listRules(db: Executor, orgId: string, searchId: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(listeningAlertRules)
    .where(and(eq(listeningAlertRules.orgId, orgId), eq(listeningAlertRules.searchId, searchId)))
    .orderBy(asc(listeningAlertRules.createdAt));
}

/** The organisation's channels a search runs on: the chosen ones, or all whose network can search. */
export async function searchableChannels(db: Executor, orgId: string, channelIds: readonly string[]) {
  return db
    .select()
    .from(channels)
    .where(
      and(
        eq(channels.orgId, orgId),
        isNull(channels.deletedAt),
        inArray(channels.network, ['sandbox', 'mastodon', 'bluesky']),
        ...(channelIds.length > 0 ? [inArray(channels.id, [...channelIds])] : []),
      ),
    )
    .orderBy(asc(channels.createdAt));
}

export async function latestMatches(db: Executor, orgId: string, searchId: string, limit: number) {
  return db
    .select()
    .from(listeningMatches)
    .where(and(eq(listeningMatches.orgId, orgId), eq(listeningMatches.searchId, searchId)))
    .orderBy(desc(listeningMatches.postedAt), desc(listeningMatches.id))
    .limit(limit);
}

export async function listAlerts(db: Executor, orgId: string, ruleId: string, limit: number) {
  return db
    .select()
    .from(listeningAlerts)
    .where(and(eq(listeningAlerts.orgId, orgId), eq(listeningAlerts.ruleId, ruleId)))
    .orderBy(desc(listeningAlerts.firedAt))
    .limit(limit);
}
