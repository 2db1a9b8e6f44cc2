import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import {
  acknowledgeGuideline,
  acknowledgementOf,
  currentGuideline,
  findGuidelineVersion,
  type GuidelineRow,
  listGuidelineVersions,
  publishGuideline,
} from './guideline-documents.ts';
import { postingRightsOf } from './posting-rights.ts';
import * as s from './schema.ts';

const tags = ['governance'];

export const guidelineDto = (row: GuidelineRow) => ({
  id: row.id,
  version: row.version,
  title: { de: row.titleDe, en: row.titleEn },
  body: { de: row.bodyDe, en: row.bodyEn },
  note: row.note,
  publishedAt: row.publishedAt.toISOString(),
  publishedByLabel: row.publishedByLabel,
});

export function registerDocumentRoutes(app: App, ctx: Context): void {
  app.get(
    '/guidelines/document',
    {
      config: { permission: 'guidelines.read' },
      schema: {
        tags,
        summary: 'The current guideline (German and English) and when the caller acknowledged it',
        response: {
          200: z.object({
            current: s.guidelineSchema.nullable(),
            acknowledgedAt: z.iso.datetime().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await currentGuideline(ctx.db, p.orgId);
      const ack = row ? await acknowledgementOf(ctx.db, p.orgId, p.userId, row.version) : undefined;
      return {
        current: row ? guidelineDto(row) : null,
        acknowledgedAt: ack?.acknowledgedAt.toISOString() ?? null,
      };
    },
  );

  app.get(
    '/guidelines/document/versions',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'Every published version of the guideline, newest first, with how many acknowledged it',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                version: z.number().int(),
                title: z.object({ de: z.string(), en: z.string() }),
                note: z.string(),
                publishedAt: z.iso.datetime(),
                publishedByLabel: z.string(),
                acknowledgements: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      items: (await listGuidelineVersions(ctx.db, principalOf(req).orgId)).map((v) => ({
        version: v.version,
        title: { de: v.titleDe, en: v.titleEn },
        note: v.note,
        publishedAt: v.publishedAt.toISOString(),
        publishedByLabel: v.publishedByLabel,
        acknowledgements: v.acknowledgements,
      })),
    }),
  );

  app.get(
    '/guidelines/document/versions/:version',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'One version of the guideline',
        params: s.versionParams,
        response: { 200: s.guidelineSchema },
      },
    },
    async (req) => {
      const row = await findGuidelineVersion(ctx.db, principalOf(req).orgId, req.params.version);
      if (!row) throw new DomainError(404, 'guideline_version_not_found', { version: req.params.version });
      return guidelineDto(row);
    },
  );

  app.post(
    '/guidelines/document/versions',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'Publish a new version of the guideline; everybody must acknowledge it again',
        body: s.guidelineInputBody,
        response: { 201: s.guidelineSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await ctx.db.transaction((tx) => publishGuideline(tx, actor, req.body));
      return reply.code(201).send(guidelineDto(row));
    },
  );

  app.post(
    '/guidelines/document/acknowledgements',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Acknowledge having read the current version of the guideline',
        body: s.acknowledgeBody,
        response: { 200: z.object({ version: z.number().int(), acknowledgedAt: z.iso.datetime() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const ack = await acknowledgeGuideline(
        ctx,
        { ...actor, userId: principalOf(req).userId },
        req.body.version,
      );
      return { version: ack.version, acknowledgedAt: ack.acknowledgedAt.toISOString() };
    },
  );

  app.get(
    '/guidelines/posting-rights',
    {
      config: { permission: 'guidelines.read' },
      schema: {
        tags,
        summary: 'Whether the caller may post to company and to personal channels, and what is missing',
        response: { 200: s.postingRightsSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return postingRightsOf(ctx.db, p.orgId, p.userId, req.locale);
    },
  );
}
