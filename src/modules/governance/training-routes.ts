import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import type { App } from '../../platform/http/server.ts';
import * as s from './schema.ts';
import {
  createTraining,
  findTraining,
  listTrainings,
  submitAttempt,
  type TrainingRow,
  type TrainingStatus,
  trainingStatuses,
  updateTraining,
} from './training.ts';

const tags = ['governance'];

function summaryDto(row: TrainingRow, status: TrainingStatus | undefined) {
  return {
    id: row.id,
    title: { de: row.titleDe, en: row.titleEn },
    summary: { de: row.summaryDe, en: row.summaryEn },
    passMark: row.passMark,
    questionCount: row.questions.length,
    requiredFor: { company: row.requiredForCompany, personal: row.requiredForPersonal },
    archived: row.archived,
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    myStatus: {
      passed: status?.passed ?? false,
      bestScore: status?.bestScore ?? null,
      attempts: status?.attempts ?? 0,
      lastAttemptAt: status?.lastAttemptAt?.toISOString() ?? null,
    },
  };
}

/** The quiz without its answers, unless the caller may edit the module and asks for them. */
function detailDto(row: TrainingRow, status: TrainingStatus | undefined, withAnswers: boolean) {
  return {
    ...summaryDto(row, status),
    content: { de: row.contentDe, en: row.contentEn },
    questions: row.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      options: q.options.map((o) => ({
        id: o.id,
        text: o.text,
        ...(withAnswers ? { correct: o.correct } : {}),
      })),
    })),
  };
}

export function registerTrainingRoutes(app: App, ctx: Context): void {
  app.get(
    '/guidelines/training',
    {
      config: { permission: 'guidelines.read' },
      schema: {
        tags,
        summary:
          "Training modules with the caller's progress (archived ones for editors with ?archived=true)",
        querystring: s.trainingListQuery,
        response: { 200: z.object({ items: z.array(s.trainingSummarySchema) }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const withArchived = req.query.archived === 'true' && p.permissions.has('guidelines.manage');
      const [rows, statuses] = await Promise.all([
        listTrainings(ctx.db, p.orgId, withArchived),
        trainingStatuses(ctx.db, p.orgId, p.userId),
      ]);
      const mine = statuses.get(p.userId);
      return { items: rows.map((r) => summaryDto(r, mine?.get(r.id))) };
    },
  );

  app.get(
    '/guidelines/training/:id',
    {
      config: { permission: 'guidelines.read' },
      schema: {
        tags,
        summary: 'One training module: content and quiz (right answers only for editors, with ?answers=true)',
        params: s.idParams,
        querystring: s.trainingQuery,
        response: { 200: s.trainingSchema },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const manager = p.permissions.has('guidelines.manage');
      if (req.query.answers === 'true' && !manager) {
        throw new DomainError(403, 'forbidden', { permission: 'guidelines.manage' });
      }
      const row = await findTraining(ctx.db, p.orgId, req.params.id);
      if (!row || (row.archived && !manager)) throw new DomainError(404, 'training_not_found');
      const statuses = await trainingStatuses(ctx.db, p.orgId, p.userId);
      return detailDto(row, statuses.get(p.userId)?.get(row.id), req.query.answers === 'true');
    },
  );

  app.post(
    '/guidelines/training',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'Create a training module with its quiz',
        body: s.trainingInputBody,
        response: { 201: s.trainingSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await ctx.db.transaction((tx) => createTraining(tx, actor, req.body, req.locale));
      return reply.code(201).send(detailDto(row, undefined, true));
    },
  );

  app.put(
    '/guidelines/training/:id',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'Change a training module (a new revision; passed attempts keep counting) or archive it',
        params: s.idParams,
        body: s.trainingInputBody,
        response: { 200: s.trainingSchema },
      },
    },
    async (req) => {
      const row = await updateTraining(ctx, actorOf(req), req.params.id, req.body, req.locale);
      return detailDto(row, undefined, true);
    },
  );

  app.post(
    '/guidelines/training/:id/attempts',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Submit answers to a module’s quiz; graded on the server and recorded',
        params: s.idParams,
        body: s.attemptBody,
        response: { 201: s.attemptResultSchema },
      },
    },
    async (req, reply) => {
      const actor = { ...actorOf(req), userId: principalOf(req).userId };
      return reply.code(201).send(await submitAttempt(ctx, actor, req.params.id, req.body.answers));
    },
  );
}
