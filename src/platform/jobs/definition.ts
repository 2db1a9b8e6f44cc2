/**
 * A module's job: its queue name, an optional cron schedule and the handler. Modules export lists of
 * these; app.ts hands them to the queue in `serve` and `worker` processes.
 */
interface JobBase {
  name: string;
  /** Cron expression (UTC) for recurring jobs; pg-boss makes sure only one process enqueues each tick. */
  cron?: string;
  options?: { batchSize?: number; pollingIntervalSeconds?: number; burst?: boolean; concurrency?: number };
}

export type JobDefinition<Ctx> = JobBase &
  (
    | { handle(ctx: Ctx, data: object): Promise<void>; handleBatch?: never }
    | {
        /**
         * A fetched batch handled in one call (see JobQueue.workBatch): for jobs that are only wake-up
         * calls and cost fewer statements together. If it throws, every job of the batch is retried.
         */
        handleBatch(ctx: Ctx, data: readonly object[]): Promise<void>;
        handle?: never;
      }
  );
