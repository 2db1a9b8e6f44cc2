/**
 * What can go wrong on the sandbox network, and how a call is picked to go wrong. Tests decide it
 * exactly: either with a queue of the next failures of an account, or with a seeded random function.
 */

export const FAILURE_KINDS = ['rate_limit', 'server_error', 'timeout', 'lost_response'] as const;
/**
 * - `rate_limit`: refused with RateLimited and a retry-after, nothing done.
 * - `server_error`: refused with Transient, nothing done.
 * - `timeout`: no answer; the connector gives up after its time-out with Transient, nothing done.
 * - `lost_response`: done (a post IS stored), then the answer is lost: Transient. Only a look-up by the
 *   idempotency key tells what happened — what crash reconciliation has to cope with.
 */
export type FailureKind = (typeof FAILURE_KINDS)[number];

export function isFailureKind(value: string): value is FailureKind {
  return (FAILURE_KINDS as readonly string[]).includes(value);
}

/** Seconds the sandbox asks a client to wait after an injected `rate_limit`. */
export const INJECTED_RETRY_AFTER_SECONDS = 5;

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same failures on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks the failure of one call: the queued one first, else by chance at `rate` among `kinds`. */
export function chooseFailure(
  queued: FailureKind[] | undefined,
  rate: number,
  kinds: readonly FailureKind[],
  random: () => number,
): FailureKind | null {
  const next = queued?.shift();
  if (next) return next;
  if (rate <= 0 || kinds.length === 0) return null;
  if (random() >= rate) return null;
  return kinds[Math.min(kinds.length - 1, Math.floor(random() * kinds.length))] ?? null;
}

export interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket of `perMinute` tokens, refilled evenly over a minute. Returns the new state and, when
 * the call must wait, how many whole seconds until one token is back (at least 1).
 */
export function takeToken(
  bucket: Bucket | null,
  perMinute: number,
  now: number,
): { bucket: Bucket; retryAfterSeconds: number | null } {
  const perMs = perMinute / 60_000;
  const start = bucket ?? { tokens: perMinute, at: now };
  const tokens = Math.min(perMinute, start.tokens + Math.max(0, now - start.at) * perMs);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, at: now }, retryAfterSeconds: null };
  return {
    bucket: { tokens, at: now },
    retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)),
  };
}
