import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import { type CheckInput, checkText, checkWith, renderFindings } from './check-text.ts';
import { DEMO_TRAININGS } from './demo-training.ts';
import { registerDocumentRoutes } from './document-routes.ts';
import {
  currentPolicy,
  draftPolicy,
  findPolicyVersion,
  latestPolicyRow,
  listPolicyVersions,
  savePolicy,
} from './policy-store.ts';
import { registerReadinessRoutes } from './readiness-routes.ts';
import { overrideItem } from './review-queue.ts';
import { registerReviewRoutes } from './review-routes.ts';
import * as s from './schema.ts';
import { TEMPLATE_BODY_DE, TEMPLATE_TITLE_DE } from './template-guideline-de.ts';
import { TEMPLATE_BODY_EN, TEMPLATE_TITLE_EN } from './template-guideline-en.ts';
import { templatePolicy } from './template-policy.ts';
import { registerTrainingRoutes } from './training-routes.ts';

const tags = ['governance'];

/**
 * The composer checks on every keystroke, debounced to about 300 ms: at most ~200 checks a minute while
 * someone types without pause. The limit is per person, not per address (a company's proxy is one address).
 */
const CHECK_LIMIT = {
  max: 300,
  timeWindow: '1 minute',
  keyGenerator: (req: FastifyRequest) => req.principal?.userId ?? req.ip,
};

function checkInput(req: FastifyRequest, body: z.infer<typeof s.checkBody>): CheckInput {
  const p = principalOf(req);
  return {
    text: body.text,
    network: body.network,
    channelOwnership: body.channelOwnership,
    // A company post belongs to the writer's department unless the caller names another.
    departmentId: body.departmentId === undefined ? p.departmentId : body.departmentId,
    role: p.role,
  };
}

const versionDto = (row: { version: number; note: string; createdAt: Date; createdByLabel: string }) => ({
  version: row.version,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
  createdByLabel: row.createdByLabel,
});

export function registerGovernanceRoutes(app: App, ctx: Context): void {
  app.post(
    '/guidelines/check',
    {
      config: { permission: 'authenticated', rateLimit: CHECK_LIMIT },
      schema: {
        tags,
        summary: "Check a text against the organisation's current rules; findings in the caller's language",
        body: s.checkBody,
        response: { 200: s.checkResultSchema },
      },
    },
    async (req) => {
      const result = await checkText(ctx, principalOf(req).orgId, checkInput(req, req.body));
      return renderFindings(result.policyVersion, result.findings, req.locale);
    },
  );

  app.get(
    '/guidelines/policy',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'The current rules of the guideline check (null before any are saved)',
        response: { 200: z.object({ current: s.policySchemaDto.nullable() }) },
      },
    },
    async (req) => {
      const row = await latestPolicyRow(ctx.db, principalOf(req).orgId);
      return { current: row ? { ...versionDto(row), policy: row.policy } : null };
    },
  );

  app.put(
    '/guidelines/policy',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'Save the rules as a new version (validated; 422 names every problem and its rule)',
        body: s.policyBody,
        response: { 201: s.policyVersionSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const saved = await ctx.db.transaction((tx) => savePolicy(tx, actor, req.body, req.locale));
      return reply.code(201).send({
        version: saved.version,
        note: req.body.note?.trim() ?? '',
        createdAt: saved.createdAt.toISOString(),
        createdByLabel: actor.label,
      });
    },
  );

  app.get(
    '/guidelines/policy/versions',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'Every saved version of the rules, newest first',
        response: { 200: z.object({ items: z.array(s.policyVersionSchema) }) },
      },
    },
    async (req) => ({ items: (await listPolicyVersions(ctx.db, principalOf(req).orgId)).map(versionDto) }),
  );

  app.get(
    '/guidelines/policy/versions/:version',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'One saved version of the rules',
        params: s.versionParams,
        response: { 200: s.policySchemaDto },
      },
    },
    async (req) => {
      const row = await findPolicyVersion(ctx.db, principalOf(req).orgId, req.params.version);
      if (!row) throw new DomainError(404, 'policy_version_not_found', { version: req.params.version });
      return { ...versionDto(row), policy: row.policy };
    },
  );

  app.post(
    '/guidelines/policy/try',
    {
      config: { permission: 'guidelines.manage', rateLimit: CHECK_LIMIT },
      schema: {
        tags,
        summary: 'Check a text against rules that are not saved yet (the editor’s “try a text”)',
        body: s.tryPolicyBody,
        response: { 200: s.checkResultSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const policy = draftPolicy(req.body.policy, req.locale);
      const { region } = await currentPolicy(ctx.db, p.orgId);
      const result = checkWith(policy, policy.version, region, checkInput(req, req.body));
      return renderFindings(result.policyVersion, result.findings, req.locale);
    },
  );

  app.post(
    '/guidelines/overrides',
    {
      config: { permission: 'guidelines.override' },
      schema: {
        tags,
        summary:
          'Record that a blocked text is published anyway, with a reason; the text is checked again here and goes to the compliance review queue',
        body: s.overrideBody,
        response: { 201: s.checkResultSchema.extend({ id: z.uuid() }) },
      },
    },
    async (req, reply) => {
      const { reason, subjectType, subjectId, subjectLabel, ...check } = req.body;
      const result = await checkText(ctx, principalOf(req).orgId, checkInput(req, check));
      if (!result.blocked) throw new DomainError(422, 'override_not_needed');
      const actor = actorOf(req);
      const id = await ctx.db.transaction((tx) =>
        overrideItem(tx, actor, {
          subjectType,
          subjectId,
          subjectLabel,
          text: check.text,
          findings: result.findings,
          policyVersion: result.policyVersion,
          reason,
        }),
      );
      return reply
        .code(201)
        .send({ id, ...renderFindings(result.policyVersion, result.findings, req.locale) });
    },
  );

  app.get(
    '/guidelines/templates',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'Templates to start from: the guideline (German and English), rules and training modules',
        response: {
          200: z.object({
            guideline: z.object({
              title: z.object({ de: z.string(), en: z.string() }),
              body: z.object({ de: z.string(), en: z.string() }),
            }),
            policy: z.record(z.string(), z.unknown()),
            trainings: z.array(s.trainingInputBody),
          }),
        },
      },
    },
    async (req) => ({
      guideline: {
        title: { de: TEMPLATE_TITLE_DE, en: TEMPLATE_TITLE_EN },
        body: { de: TEMPLATE_BODY_DE, en: TEMPLATE_BODY_EN },
      },
      policy: templatePolicy(principalOf(req).orgName) as Record<string, unknown>,
      trainings: DEMO_TRAININGS,
    }),
  );

  registerDocumentRoutes(app, ctx);
  registerTrainingRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerReadinessRoutes(app, ctx);
}
