import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import type { App } from '../../platform/http/server.ts';
import { exportEntries, toPublicEntry } from './export-entries.ts';
import { recordAudit } from './record-audit.ts';
import { distinctActions, listEntries } from './repo.ts';
import { verifyChain } from './verify-chain.ts';

const tags = ['audit'];

const filterQuery = {
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};

const entrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

function toFilter(q: { actorId?: string; action?: string; from?: string; to?: string }) {
  return {
    actorId: q.actorId,
    action: q.action,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  };
}

export function registerAuditRoutes(app: App, ctx: Context): void {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'Audit log entries, newest first, filterable by person, action and time',
        querystring: z.strictObject({
          ...filterQuery,
          cursor: z
            .string()
            .regex(/^\d{1,18}$/)
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const { cursor, limit, ...q } = req.query;
      const rows = await listEntries(ctx.db, principalOf(req).orgId, toFilter(q), {
        beforeSeq: cursor ? Number(cursor) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({ ...toPublicEntry(r), summary: r.summary as Record<string, unknown> })),
        nextCursor: rows.length > limit ? String(page[page.length - 1]!.seq) : null,
      };
    },
  );

  app.get(
    '/audit/actions',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'Actions that occur in the log',
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async (req) => ({ items: await distinctActions(ctx.db, principalOf(req).orgId) }),
  );

  app.get(
    '/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'Check the hash chain of the whole log',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            brokenAtSeq: z.number().int().nullable(),
            reason: z.enum(['hash', 'link', 'gap']).nullable(),
          }),
        },
      },
    },
    async (req) => verifyChain(ctx.db, principalOf(req).orgId),
  );

  app.get(
    '/audit/export',
    {
      config: { permission: 'audit.export' },
      schema: {
        tags,
        summary: 'Export the filtered log as CSV or JSON Lines (oldest first)',
        querystring: z.strictObject({ ...filterQuery, format: z.enum(['csv', 'jsonl']).default('jsonl') }),
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const actor = actorOf(req);
      // Exporting the log is itself worth knowing about: it is the compliance record leaving the system.
      await ctx.db.transaction((tx) =>
        recordAudit(tx, actor, {
          action: 'audit.exported',
          targetType: 'audit_log',
          summary: { format, filter: q },
        }),
      );
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .header('content-disposition', `attachment; filename="chorus-audit-${stamp}.${format}"`)
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8');
      return reply.send(exportEntries(ctx.db, actor.orgId, toFilter(q), format));
    },
  );
}
