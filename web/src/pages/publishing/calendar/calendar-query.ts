import type { CalendarEvent, CalendarQuery } from '../../../api/calendar.ts';
import type { CalendarFilters } from './calendar-search-params.ts';

const single = (values: readonly string[]) => (values.length === 1 ? values[0] : undefined);

/** The API filters by one value each: one chosen value goes to the server, several are applied here. */
export function serverQuery(range: { from: string; to: string }, f: CalendarFilters): CalendarQuery {
  return {
    from: range.from,
    to: range.to,
    channelId: single(f.channels),
    departmentId: single(f.departments),
    campaignId: single(f.campaigns),
    state: f.states.length === 1 ? f.states[0] : undefined,
  };
}

const allows = (chosen: readonly string[], value: string | undefined) =>
  chosen.length === 0 || (value !== undefined && chosen.includes(value));

export function matchesFilters(e: CalendarEvent, f: CalendarFilters): boolean {
  return (
    allows(f.channels, e.channel.id) &&
    allows(f.departments, e.department?.id) &&
    allows(f.campaigns, e.campaign?.id) &&
    allows(f.states, e.state)
  );
}
