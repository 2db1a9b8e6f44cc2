import { and, eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { listeningSearches } from '../../platform/db/schema/listening.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { parseQuery, QueryError, type QueryNode } from './query.ts';
import { findSearch, type SearchRow, searchableChannels } from './repo.ts';
import { queueSearchRuns } from './run-queue.ts';
import type { SearchBody } from './schema.ts';

/** The query parsed, or a 422 naming the problem and where it is (1-based for people, 0-based for code). */
export function parseOrRefuse(query: string): QueryNode {
  try {
    return parseQuery(query);
  } catch (err) {
    if (err instanceof QueryError) {
      throw new DomainError(
        422,
        err.code,
        { position: err.position + 1 },
        {
          fieldErrors: [{ path: 'query', message: err.code }],
          extensions: { position: err.position },
        },
      );
    }
    throw err;
  }
}

async function checkChannels(ctx: Context, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await searchableChannels(ctx.db, orgId, ids);
  if (found.length !== new Set(ids).size) throw new DomainError(422, 'listening_channel_unknown');
}

function nameTaken(err: unknown, name: string): never {
  if (isUniqueViolation(err)) throw new DomainError(409, 'search_name_taken', { name });
  throw err;
}

export async function createSearch(ctx: Context, actor: Actor, body: SearchBody): Promise<SearchRow> {
  parseOrRefuse(body.query);
  await checkChannels(ctx, actor.orgId, body.channelIds);
  const row = await ctx.db
    .transaction(async (tx) => {
      const [created] = await tx
        .insert(listeningSearches)
        .values({
          orgId: actor.orgId,
          name: body.name,
          query: body.query.trim(),
          language: body.language,
          channelIds: [...new Set(body.channelIds)],
          active: body.active,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'listening.search_created',
        targetType: 'listening_search',
        targetId: created!.id,
        targetLabel: created!.name,
        summary: { after: { query: created!.query, language: created!.language } },
      });
      return created!;
    })
    .catch((err: unknown) => nameTaken(err, body.name));
  if (row.active) await queueSearchRuns(ctx, row);
  return row;
}

export async function updateSearch(
  ctx: Context,
  actor: Actor,
  id: string,
  body: SearchBody,
): Promise<SearchRow> {
  parseOrRefuse(body.query);
  await checkChannels(ctx, actor.orgId, body.channelIds);
  const before = await findSearch(ctx.db, actor.orgId, id);
  if (!before) throw notFound('search_not_found');
  const row = await ctx.db
    .transaction(async (tx) => {
      const [updated] = await tx
        .update(listeningSearches)
        .set({
          name: body.name,
          query: body.query.trim(),
          language: body.language,
          channelIds: [...new Set(body.channelIds)],
          active: body.active,
          updatedAt: new Date(),
        })
        .where(and(eq(listeningSearches.orgId, actor.orgId), eq(listeningSearches.id, id)))
        .returning();
      await recordAudit(tx, actor, {
        action: 'listening.search_updated',
        targetType: 'listening_search',
        targetId: id,
        targetLabel: updated!.name,
        summary: {
          before: {
            name: before.name,
            query: before.query,
            language: before.language,
            active: before.active,
          },
          after: {
            name: updated!.name,
            query: updated!.query,
            language: updated!.language,
            active: updated!.active,
          },
        },
      });
      return updated!;
    })
    .catch((err: unknown) => nameTaken(err, body.name));
  if (row.active) await queueSearchRuns(ctx, row);
  return row;
}

export async function deleteSearch(ctx: Context, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(listeningSearches)
      .where(and(eq(listeningSearches.orgId, actor.orgId), eq(listeningSearches.id, id)))
      .returning();
    if (!gone) throw notFound('search_not_found');
    await recordAudit(tx, actor, {
      action: 'listening.search_deleted',
      targetType: 'listening_search',
      targetId: id,
      targetLabel: gone.name,
      summary: { before: { query: gone.query } },
    });
  });
}
