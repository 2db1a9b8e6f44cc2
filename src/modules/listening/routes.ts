import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { matchDto, ruleDto, searchDto } from './dto.ts';
import { positiveClauses } from './query.ts';
import { findRule, findSearch, listAlerts, listRules, listSearchRows } from './repo.ts';
import { queueSearchRuns } from './run-queue.ts';
import { createRule, deleteRule, updateRule } from './save-rule.ts';
import { createSearch, deleteSearch, parseOrRefuse, updateSearch } from './save-search.ts';
import * as s from './schema.ts';
import { listMatches, matchStats } from './stream.ts';

const tags = ['listening'];
const idParams = z.strictObject({ id: z.uuid() });
const ruleParams = z.strictObject({ id: z.uuid(), ruleId: z.uuid() });

export function registerListeningRoutes(app: App, ctx: Context): void {
  const withCount = async (orgId: string, id: string) => {
    const row = (await listSearchRows(ctx.db, orgId)).find((r) => r.id === id);
    if (!row) throw notFound('search_not_found');
    return searchDto(row);
  };

  app.get(
    '/listening/searches',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Saved searches of the organisation, with their match counts',
        response: { 200: z.object({ items: z.array(s.searchSchema) }) },
      },
    },
    async (req) => ({ items: (await listSearchRows(ctx.db, principalOf(req).orgId)).map(searchDto) }),
  );

  app.post(
    '/listening/searches',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Save a search; it runs at once and then every minute on the networks that can search',
        body: s.searchBody,
        response: { 201: s.searchSchema },
      },
    },
    async (req, reply) => {
      const row = await createSearch(ctx, actorOf(req), req.body);
      return reply.code(201).send(await withCount(row.orgId, row.id));
    },
  );

  app.post(
    '/listening/query-check',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary:
          'Check a query while it is typed: the OR-branches networks are asked for, or a problem with its position',
        body: s.checkQueryBody,
        response: {
          200: z.object({
            clauses: z.array(
              z.object({
                words: z.array(z.string()),
                phrases: z.array(z.string()),
                hashtags: z.array(z.string()),
                accounts: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ clauses: positiveClauses(parseOrRefuse(req.body.query)) ?? [] }),
  );

  app.get(
    '/listening/searches/:id',
    {
      config: { permission: 'listening.read' },
      schema: { tags, summary: 'A saved search', params: idParams, response: { 200: s.searchSchema } },
    },
    async (req) => withCount(principalOf(req).orgId, req.params.id),
  );

  app.put(
    '/listening/searches/:id',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Change a saved search (found matches stay)',
        params: idParams,
        body: s.searchBody,
        response: { 200: s.searchSchema },
      },
    },
    async (req) => {
      const row = await updateSearch(ctx, actorOf(req), req.params.id, req.body);
      return withCount(row.orgId, row.id);
    },
  );

  app.delete(
    '/listening/searches/:id',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Delete a saved search with its matches and alert rules',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteSearch(ctx, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/listening/searches/:id/run',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Search now, without waiting for the next minute',
        params: idParams,
        response: { 202: z.object({ queued: z.number().int() }) },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const search = await findSearch(ctx.db, actor.orgId, req.params.id);
      if (!search) throw notFound('search_not_found');
      const queued = await queueSearchRuns(ctx, search);
      await ctx.db.transaction((tx) =>
        recordAudit(tx, actor, {
          action: 'listening.search_run',
          targetType: 'listening_search',
          targetId: search.id,
          targetLabel: search.name,
          summary: { queued },
        }),
      );
      return reply.code(202).send({ queued });
    },
  );

  app.get(
    '/listening/searches/:id/matches',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary:
          'Matches of a search, newest first (keyset pages), filtered by sentiment, network, language, text',
        params: idParams,
        querystring: s.matchesQuery,
        response: { 200: z.object({ items: z.array(s.matchSchema), next: z.string().nullable() }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      if (!(await findSearch(ctx.db, p.orgId, req.params.id))) throw notFound('search_not_found');
      const page = await listMatches(ctx, p.orgId, req.params.id, req.query);
      return { items: page.items.map(matchDto), next: page.next };
    },
  );

  app.get(
    '/listening/searches/:id/stats',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Volume and sentiment of a search over time, per hour or day in a time zone',
        params: idParams,
        querystring: s.statsQuery,
        response: { 200: s.statsSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      if (!(await findSearch(ctx.db, p.orgId, req.params.id))) throw notFound('search_not_found');
      return { bucket: req.query.bucket, points: await matchStats(ctx, p.orgId, req.params.id, req.query) };
    },
  );

  app.get(
    '/listening/searches/:id/rules',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'Alert rules of a search, with the last error of each',
        params: idParams,
        response: { 200: z.object({ items: z.array(s.ruleSchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      if (!(await findSearch(ctx.db, p.orgId, req.params.id))) throw notFound('search_not_found');
      return { items: (await listRules(ctx.db, p.orgId, req.params.id)).map(ruleDto) };
    },
  );

  app.post(
    '/listening/searches/:id/rules',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Add an alert rule: every match, a volume per window, or a share of negative matches',
        params: idParams,
        body: s.ruleBody,
        response: { 201: s.ruleSchema },
      },
    },
    async (req, reply) =>
      reply.code(201).send(ruleDto(await createRule(ctx, actorOf(req), req.params.id, req.body))),
  );

  app.put(
    '/listening/searches/:id/rules/:ruleId',
    {
      config: { permission: 'listening.manage' },
      schema: {
        tags,
        summary: 'Change an alert rule (a webhook URL left out stays as it is; null removes it)',
        params: ruleParams,
        body: s.ruleBody,
        response: { 200: s.ruleSchema },
      },
    },
    async (req) => ruleDto(await updateRule(ctx, actorOf(req), req.params.id, req.params.ruleId, req.body)),
  );

  app.delete(
    '/listening/searches/:id/rules/:ruleId',
    {
      config: { permission: 'listening.manage' },
      schema: { tags, summary: 'Delete an alert rule', params: ruleParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteRule(ctx, actorOf(req), req.params.id, req.params.ruleId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/listening/searches/:id/rules/:ruleId/alerts',
    {
      config: { permission: 'listening.read' },
      schema: {
        tags,
        summary: 'The latest alerts a rule sent',
        params: ruleParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                matchCount: z.number().int(),
                negativePercent: z.number().int().nullable(),
                excerpts: z.array(z.string()),
                firedAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      if (!(await findRule(ctx.db, p.orgId, req.params.id, req.params.ruleId)))
        throw notFound('alert_rule_not_found');
      const rows = await listAlerts(ctx.db, p.orgId, req.params.ruleId, 20);
      return {
        items: rows.map((r) => ({
          id: r.id,
          matchCount: r.matchCount,
          negativePercent: r.negativePercent,
          excerpts: r.excerpts,
          firedAt: r.firedAt.toISOString(),
        })),
      };
    },
  );
}
