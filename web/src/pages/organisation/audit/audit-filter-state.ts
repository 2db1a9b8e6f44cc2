import type { AuditFilter } from '../../../api/types.ts';
import { wallClockToUtc } from '../../../components/date-format.ts';

/** The filters as the form holds them: picker values are wall-clock times in the user's zone. */
export interface AuditFilterState {
  actorId: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

export const EMPTY_AUDIT_FILTER: AuditFilterState = { actorId: null, action: null, from: null, to: null };

export function toAuditFilter(state: AuditFilterState, timeZone: string): AuditFilter {
  return {
    actorId: state.actorId ?? undefined,
    action: state.action ?? undefined,
    from: wallClockToUtc(state.from, timeZone),
    to: wallClockToUtc(state.to, timeZone),
  };
}
