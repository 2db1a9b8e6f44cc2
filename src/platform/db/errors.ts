/**
 * True when a query failed on a unique constraint (SQLSTATE 23505). Drizzle wraps the driver's error in
 * its own, so the code is looked for along the cause chain.
 */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (typeof e === 'object' && (e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
