import type { Executor } from '../../platform/db/client.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { notFound } from '../../platform/http/problem.ts';
import { findRequest, lockRequest, type RequestRow } from './repo.ts';

/** The social team sees every request of the organisation; everybody else only their own. */
export const isTeam = (p: Principal) => p.permissions.has('requests.handle');

export const maySeeRequest = (p: Principal, r: RequestRow) => isTeam(p) || r.requesterId === p.userId;

/** A request the person may see; unknown and someone else's look the same (404). */
export async function visibleRequest(
  db: Executor,
  p: Principal,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<RequestRow> {
  const row = opts.lock ? await lockRequest(db, p.orgId, id) : await findRequest(db, p.orgId, id);
  if (!row || !maySeeRequest(p, row)) throw notFound('request_not_found');
  return row;
}

/** Today as a calendar day in the person's time zone: a due date of "today" is fine at 23:30 in Berlin. */
export function todayIn(timeZone: string, now = new Date()): string {
  const format = (tz: string) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  try {
    return format(timeZone);
  } catch (err) {
    // A time zone the runtime does not know (stored before it was validated) falls back to UTC.
    if (err instanceof RangeError) return format('UTC');
    throw err;
  }
}

export const excerpt = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
