import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import type { App } from '../../platform/http/server.ts';
import type { Finding } from '../../policy/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { renderFindings } from './check-text.ts';
import { complianceCsv, complianceReport } from './compliance-report.ts';
import { listReviewItems, markReviewed, type ReviewItemRow } from './review-queue.ts';
import * as s from './schema.ts';

const tags = ['governance'];

function itemDto(row: ReviewItemRow, lang: 'de' | 'en') {
  const rendered = renderFindings(row.policyVersion, row.findings as Finding[], lang);
  return {
    id: row.id,
    kind: row.kind as 'override' | 'flagged',
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectLabel: row.subjectLabel,
    text: row.text,
    policyVersion: row.policyVersion,
    reason: row.reason,
    actorLabel: row.actorLabel,
    createdAt: row.createdAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedByLabel: row.reviewedByLabel,
    reviewNote: row.reviewNote,
    check: rendered,
  };
}

const complianceSchema = z.object({
  currentVersion: z.number().int().nullable(),
  trainings: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      requiredFor: z.object({ company: z.boolean(), personal: z.boolean() }),
    }),
  ),
  people: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      email: z.string(),
      role: z.string(),
      status: z.string(),
      departmentName: z.string().nullable(),
      acknowledgedVersion: z.number().int().nullable(),
      acknowledgedAt: z.iso.datetime().nullable(),
      acknowledgedCurrent: z.boolean(),
      trainings: z.array(
        z.object({
          id: z.uuid(),
          passed: z.boolean(),
          bestScore: z.number().int().nullable(),
          passedAt: z.iso.datetime().nullable(),
        }),
      ),
      companyAllowed: z.boolean(),
      personalAllowed: z.boolean(),
    }),
  ),
});

export function registerReviewRoutes(app: App, ctx: Context): void {
  app.get(
    '/guidelines/review-queue',
    {
      config: { permission: 'guidelines.review' },
      schema: {
        tags,
        summary: 'Overridden and flagged texts for compliance, newest first',
        querystring: s.reviewQuery,
        response: {
          200: z.object({ items: z.array(s.reviewItemSchema), nextBefore: z.string().nullable() }),
        },
      },
    },
    async (req) => {
      const { status, kind, before, limit } = req.query;
      const rows = await listReviewItems(ctx.db, principalOf(req).orgId, {
        status: status === 'all' ? undefined : status,
        kind,
        before: before ? new Date(before) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => itemDto(r, req.locale)),
        nextBefore: rows.length > limit ? page[page.length - 1]!.createdAt.toISOString() : null,
      };
    },
  );

  app.post(
    '/guidelines/review-queue/:id/review',
    {
      config: { permission: 'guidelines.review' },
      schema: {
        tags,
        summary: 'Mark an item as reviewed, with a note',
        params: s.idParams,
        body: s.reviewBody,
        response: { 200: s.reviewItemSchema },
      },
    },
    async (req) => itemDto(await markReviewed(ctx, actorOf(req), req.params.id, req.body.note), req.locale),
  );

  app.get(
    '/guidelines/compliance',
    {
      config: { permission: 'guidelines.review' },
      schema: {
        tags,
        summary: 'Who has acknowledged which guideline version and passed which training',
        response: { 200: complianceSchema },
      },
    },
    async (req) => {
      const report = await complianceReport(ctx.db, principalOf(req).orgId, req.locale);
      return {
        ...report,
        people: report.people.map((p) => ({
          ...p,
          acknowledgedAt: p.acknowledgedAt?.toISOString() ?? null,
          trainings: p.trainings.map((t) => ({ ...t, passedAt: t.passedAt?.toISOString() ?? null })),
        })),
      };
    },
  );

  app.get(
    '/guidelines/compliance/export',
    {
      config: { permission: 'guidelines.review' },
      schema: { tags, summary: 'The compliance overview as CSV (headings in the caller’s language)' },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const report = await complianceReport(ctx.db, actor.orgId, req.locale);
      // The record of who was told the rules leaves the system: worth an entry, as the audit export has.
      await ctx.db.transaction((tx) =>
        recordAudit(tx, actor, {
          action: 'guideline_compliance.exported',
          targetType: 'guideline_compliance',
          summary: { people: report.people.length, format: 'csv' },
        }),
      );
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="chorus-compliance-${stamp}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(complianceCsv(report, req.locale));
    },
  );
}
