/**
 * A module's job: its queue name, an optional cron schedule and the handler. Modules export lists of
 * these; app.ts hands them to the queue in `serve` and `worker` processes.
 */
export interface JobDefinition<Ctx> {
  name: string;
  /** Cron expression (UTC) for recurring jobs; pg-boss makes sure only one process enqueues each tick. */
  cron?: string;
  options?: { batchSize?: number; pollingIntervalSeconds?: number; burst?: boolean };
  handle(ctx: Ctx, data: object): Promise<void>;
}
