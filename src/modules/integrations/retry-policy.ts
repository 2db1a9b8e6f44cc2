/**
 * When to try a webhook again. Worth retrying: no answer in time, a dropped connection, 408, 429 and 5xx
 * — the receiver may take it later. Any other 4xx says the request itself is refused (410 Gone: the
 * endpoint is retired), so sending it again would only repeat the refusal.
 */
export interface RetryPolicy {
  maxAttempts: number;
  /** Wait before the second attempt; doubles with each attempt up to maxDelayMs, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Bound on one attempt: connection, answer and body. */
  timeoutMs: number;
  /** Largest answer read (a reference is short). */
  maxResponseBytes: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  timeoutMs: 10_000,
  maxResponseBytes: 64 * 1024,
};

/** A receiver's Retry-After is honoured up to this; anything longer is treated as this long. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60_000;

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/**
 * The wait after failed attempt `attempt` (1-based): exponential, with "equal jitter" (half fixed, half
 * random) so endpoints that failed together do not all come back in the same second; never shorter than
 * what the receiver asked for with Retry-After.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exp / 2 + random() * (exp / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
