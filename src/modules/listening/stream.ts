import { and, desc, eq, gt, gte, ilike, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { listeningMatches } from '../../platform/db/schema/listening.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { NEGATIVE_BELOW } from './analyse.ts';
import type { MatchRow } from './repo.ts';

/** Above this a match counts as positive; between the two, neutral. */
export const POSITIVE_ABOVE = 0.05;

export interface StreamFilter {
  limit: number;
  before?: string;
  sentiment?: 'negative' | 'neutral' | 'positive';
  network?: string;
  language?: string;
  q?: string;
}

function parseBefore(before: string): { at: Date; id: string } {
  const [at, id] = before.split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new DomainError(422, 'validation_failed', { fields: 'before' });
  }
  return { at: date, id };
}

/** The search's matches, newest first, a keyset page at a time (`next` is the `before` of the next page). */
export async function listMatches(
  ctx: Context,
  orgId: string,
  searchId: string,
  f: StreamFilter,
): Promise<{ items: MatchRow[]; next: string | null }> {
  const conditions: SQL[] = [eq(listeningMatches.orgId, orgId), eq(listeningMatches.searchId, searchId)];
  if (f.before) {
    const b = parseBefore(f.before);
    conditions.push(
      or(
        lt(listeningMatches.postedAt, b.at),
        and(eq(listeningMatches.postedAt, b.at), lt(listeningMatches.id, b.id)),
      )!,
    );
  }
  if (f.sentiment === 'negative') conditions.push(lt(listeningMatches.sentiment, NEGATIVE_BELOW));
  if (f.sentiment === 'positive') conditions.push(gt(listeningMatches.sentiment, POSITIVE_ABOVE));
  if (f.sentiment === 'neutral') {
    conditions.push(
      gte(listeningMatches.sentiment, NEGATIVE_BELOW),
      lte(listeningMatches.sentiment, POSITIVE_ABOVE),
    );
  }
  if (f.network) conditions.push(eq(listeningMatches.network, f.network));
  if (f.language) conditions.push(eq(listeningMatches.language, f.language));
  if (f.q) conditions.push(ilike(listeningMatches.text, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const rows = await ctx.db
    .select()
    .from(listeningMatches)
    .where(and(...conditions))
    .orderBy(desc(listeningMatches.postedAt), desc(listeningMatches.id))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  return {
    items,
    next: rows.length > f.limit && last ? `${last.postedAt.toISOString()}|${last.id}` : null,
  };
}

export interface StatsPoint {
  at: string;
  total: number;
  negative: number;
  positive: number;
  averageSentiment: number | null;
}

/** Volume and sentiment per hour or day in the viewer's time zone, aggregated in SQL; empty buckets as zeros. */
export async function matchStats(
  ctx: Context,
  orgId: string,
  searchId: string,
  q: { bucket: 'hour' | 'day'; days: number; timeZone: string },
): Promise<StatsPoint[]> {
  if (!Intl.supportedValuesOf('timeZone').includes(q.timeZone) && q.timeZone !== 'UTC') {
    throw new DomainError(422, 'validation_failed', { fields: 'timeZone' });
  }
  const unit = q.bucket === 'hour' ? 'hour' : 'day';
  const step = q.bucket === 'hour' ? '1 hour' : '1 day';
  const rows = await ctx.db.execute<{
    at: string;
    total: number;
    negative: number;
    positive: number;
    average: number | null;
  }>(sql`
    with buckets as (
      select generate_series(
        date_trunc(${unit}, (now() - make_interval(days => ${q.days})) at time zone ${q.timeZone}),
        date_trunc(${unit}, now() at time zone ${q.timeZone}),
        ${step}::interval
      ) as local
    ), counts as (
      select date_trunc(${unit}, ${listeningMatches.postedAt} at time zone ${q.timeZone}) as local,
        count(*)::int as total,
        (count(*) filter (where ${listeningMatches.sentiment} < ${NEGATIVE_BELOW}))::int as negative,
        (count(*) filter (where ${listeningMatches.sentiment} > ${POSITIVE_ABOVE}))::int as positive,
        avg(${listeningMatches.sentiment})::float8 as average
      from ${listeningMatches}
      where ${listeningMatches.orgId} = ${orgId} and ${listeningMatches.searchId} = ${searchId}
        and ${listeningMatches.postedAt} >= now() - make_interval(days => ${q.days + 1})
      group by 1
    )
    select to_char(b.local at time zone ${q.timeZone} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at,
      coalesce(c.total, 0) as total, coalesce(c.negative, 0) as negative,
      coalesce(c.positive, 0) as positive, c.average
    from buckets b left join counts c on c.local = b.local
    order by b.local
  `);
  return rows.rows.map((r) => ({
    at: r.at,
    total: Number(r.total),
    negative: Number(r.negative),
    positive: Number(r.positive),
    averageSentiment: r.average === null ? null : Math.round(Number(r.average) * 1000) / 1000,
  }));
}
