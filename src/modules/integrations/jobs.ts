import type { Context } from '../../context.ts';
import type { JobDefinition } from '../../platform/jobs/definition.ts';
import { attemptDelivery, requeueOverdueDeliveries } from './attempt-delivery.ts';
import { DELIVER_JOB, type DeliverJobData } from './deliver-event.ts';
import { DEFAULT_RETRY_POLICY } from './retry-policy.ts';

export const SWEEP_JOB = 'integrations.sweep';

export const integrationJobs: JobDefinition<Context>[] = [
  {
    name: DELIVER_JOB,
    options: { batchSize: 5 },
    // Retries are this module's own (backoff, Retry-After, the final report), not the queue's.
    handle: async (ctx, data) => {
      await attemptDelivery(ctx, data as DeliverJobData, DEFAULT_RETRY_POLICY);
    },
  },
  {
    name: SWEEP_JOB,
    cron: '* * * * *',
    handle: async (ctx) => {
      await requeueOverdueDeliveries(ctx);
    },
  },
];
