import type { Context } from '../../context.ts';
import type { JobDefinition } from '../../platform/jobs/definition.ts';
import { deliverAlert } from './deliver-alert.ts';
import type { DeliverJobData } from './evaluate-alerts.ts';
import { DELIVER_JOB, queueAllActive, RUN_JOB, type RunJobData, TICK_JOB } from './run-queue.ts';
import { runSearch } from './run-search.ts';

function strings<K extends string>(data: object, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) {
    const v = (data as Record<string, unknown>)[k];
    if (typeof v !== 'string') throw new Error(`listening job without ${k}`);
    out[k] = v;
  }
  return out;
}

export const listeningJobs: JobDefinition<Context>[] = [
  {
    // Every minute, each active search × channel gets a run (singleton: a slow one is not queued twice).
    name: TICK_JOB,
    cron: '* * * * *',
    async handle(ctx) {
      await queueAllActive(ctx);
    },
  },
  {
    name: RUN_JOB,
    options: { batchSize: 5, pollingIntervalSeconds: 1 },
    async handle(ctx, data) {
      await runSearch(ctx, strings(data, ['orgId', 'searchId', 'channelId']) satisfies RunJobData);
    },
  },
  {
    name: DELIVER_JOB,
    options: { batchSize: 5, pollingIntervalSeconds: 1 },
    async handle(ctx, data) {
      const d = strings(data, ['orgId', 'alertId', 'destination']);
      if (d.destination !== 'slack' && d.destination !== 'teams' && d.destination !== 'email') {
        throw new Error(`listening delivery to an unknown destination ${d.destination}`);
      }
      await deliverAlert(ctx, { ...d, destination: d.destination } satisfies DeliverJobData);
    },
  },
];
