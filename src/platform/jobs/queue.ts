/**
 * The durable job queue as the rest of Chorus sees it. pg-boss sits underneath (pg-boss-queue.ts); nothing
 * outside platform/jobs imports it, so the engine stays replaceable and its quirks stay in one place.
 */

export interface SendOptions {
  /** Not before this time (scheduled posts, delayed retries). */
  startAfter?: Date;
  /**
   * At most one waiting job per key and queue: while one with this key is queued (or waiting for a retry),
   * a second send with the same key returns null. A job already running does not block a new one.
   */
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Exponential backoff from retryDelaySeconds. */
  retryBackoff?: boolean;
  /** A job running longer than this is considered lost and retried. */
  expireInSeconds?: number;
}

export interface BulkJob<T> {
  data: T;
  opts?: Omit<SendOptions, 'singletonKey'>;
}

export interface WorkOptions {
  /** Jobs fetched per poll and handled side by side; each succeeds or fails (and is retried) on its own. */
  batchSize?: number;
  pollingIntervalSeconds?: number;
  /** Pollers for this queue in this process. */
  concurrency?: number;
  /** Fetch again at once, without waiting for the polling interval, while fetches come back full. */
  burst?: boolean;
}

export interface QueueOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** Queue that receives a job's data once its retries are exhausted. */
  deadLetter?: string;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface JobQueue {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Creates the queue or brings its options up to date; safe to call any number of times. */
  declare(name: string, opts?: QueueOptions): Promise<void>;
  /** Returns the job id, or null when a singletonKey suppressed the job. Declares the queue if needed. */
  send<T extends object>(name: string, data: T, opts?: SendOptions): Promise<string | null>;
  /**
   * Queues many jobs of one queue in a few statements (bulk scheduling). No singletonKey: the keyed check
   * of send() runs per job and would undo the point. Returns how many jobs were queued.
   */
  sendMany<T extends object>(name: string, jobs: readonly BulkJob<T>[]): Promise<number>;
  /** A handler that throws fails the job, which is retried per the queue's policy. */
  work<T extends object>(name: string, handler: JobHandler<T>, opts?: WorkOptions): Promise<void>;
  /**
   * Hands each fetched batch to one call, for work that is cheaper done together (one statement for many
   * rows). A handler that throws fails every job of the batch; use it only where a job is safe to run again.
   */
  workBatch<T extends object>(
    name: string,
    handler: (jobs: readonly Job<T>[]) => Promise<void>,
    opts?: WorkOptions,
  ): Promise<void>;
  /** Sends a job on a cron schedule (one schedule per queue name; calling again replaces it). */
  schedule(name: string, cron: string, data?: object, opts?: { tz?: string }): Promise<void>;
}
