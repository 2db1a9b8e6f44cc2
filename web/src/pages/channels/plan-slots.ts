import type { PlanSlot } from '../../api/channels.ts';

/** Monday first, then by time of day: how a week reads. */
export function sortedSlots(slots: readonly PlanSlot[]): PlanSlot[] {
  return [...slots].sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}
