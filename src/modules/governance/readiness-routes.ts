import { z } from 'zod';
import type { Context } from '../../context.ts';
import { actorOf, principalOf } from '../../platform/http/actor.ts';
import type { App } from '../../platform/http/server.ts';
import { assessmentView, listAssessments, questionnaire, saveAssessment } from './readiness.ts';
import * as s from './schema.ts';

const tags = ['governance'];
const level = z.enum(['weak', 'developing', 'strong']);

const assessmentSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  createdByLabel: z.string(),
  overall: z.number().int(),
  level,
  answers: z.record(z.string(), z.number().int()),
  areas: z.array(z.object({ id: z.string(), title: z.string(), score: z.number().int(), level })),
  nextSteps: z.array(
    z.object({
      questionId: z.string(),
      area: z.string(),
      areaTitle: z.string(),
      priority: z.enum(['high', 'medium']),
      question: z.string(),
      text: z.string(),
    }),
  ),
});

export function registerReadinessRoutes(app: App, ctx: Context): void {
  app.get(
    '/guidelines/readiness',
    {
      config: { permission: 'guidelines.read' },
      schema: {
        tags,
        summary: 'The readiness self-check: questions, the latest result and earlier ones (newest first)',
        response: {
          200: z.object({
            questionnaire: z.object({
              scale: z.array(z.object({ value: z.number().int(), label: z.string() })),
              areas: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  questions: z.array(z.object({ id: z.string(), text: z.string(), blocker: z.boolean() })),
                }),
              ),
            }),
            latest: assessmentSchema.nullable(),
            history: z.array(assessmentSchema),
          }),
        },
      },
    },
    async (req) => {
      const rows = await listAssessments(ctx.db, principalOf(req).orgId);
      const views = rows.map((r) => assessmentView(r, req.locale));
      return { questionnaire: questionnaire(req.locale), latest: views[0] ?? null, history: views };
    },
  );

  app.post(
    '/guidelines/readiness',
    {
      config: { permission: 'guidelines.manage' },
      schema: {
        tags,
        summary: 'Save answers to the self-check; returns scores per area and the next steps',
        body: s.readinessBody,
        response: { 201: assessmentSchema },
      },
    },
    async (req, reply) => {
      const row = await saveAssessment(ctx, actorOf(req), req.body.answers);
      return reply.code(201).send(assessmentView(row, req.locale));
    },
  );
}
