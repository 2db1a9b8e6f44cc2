import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { PlanSlot } from '../../platform/db/schema/channels.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

const HORIZON_DAYS = 56;

/**
 * The first slot of a channel's posting plan after `after` that no other post of the channel occupies.
 * Slots are wall-clock times in the plan's time zone, so "Tuesday 09:00" stays 09:00 across DST changes.
 */
export function nextFreeSlot(
  plan: readonly PlanSlot[],
  timeZone: string,
  after: Date,
  taken: readonly Date[],
): Date | null {
  if (plan.length === 0) return null;
  const occupied = new Set(taken.map((d) => Math.floor(d.getTime() / 60_000)));
  const start = dayjs(after).tz(timeZone).startOf('day');
  for (let day = 0; day <= HORIZON_DAYS; day++) {
    const date = start.add(day, 'day');
    // dayjs: 0 = Sunday; plans use ISO weekdays, 1 = Monday … 7 = Sunday.
    const isoWeekday = date.day() === 0 ? 7 : date.day();
    const times = plan
      .filter((s) => s.weekday === isoWeekday)
      .map((s) => s.time)
      .sort();
    for (const time of times) {
      const slot = dayjs.tz(`${date.format('YYYY-MM-DD')} ${time}`, 'YYYY-MM-DD HH:mm', timeZone).toDate();
      if (slot.getTime() <= after.getTime()) continue;
      if (!occupied.has(Math.floor(slot.getTime() / 60_000))) return slot;
    }
  }
  return null;
}
