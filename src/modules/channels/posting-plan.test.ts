import { describe, expect, it } from 'vitest';
import { nextFreeSlot } from './posting-plan.ts';

const plan = [
  { weekday: 2, time: '09:00' },
  { weekday: 4, time: '12:30' },
];

describe('nextFreeSlot', () => {
  it('finds the next slot in the plan’s time zone', () => {
    // Monday 2026-11-23 10:00 UTC → Tuesday 09:00 Berlin = 08:00 UTC.
    const slot = nextFreeSlot(plan, 'Europe/Berlin', new Date('2026-11-23T10:00:00Z'), []);
    expect(slot?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
  });

  it('skips slots another post occupies', () => {
    const slot = nextFreeSlot(plan, 'Europe/Berlin', new Date('2026-11-23T10:00:00Z'), [
      new Date('2026-11-24T08:00:00Z'),
    ]);
    expect(slot?.toISOString()).toBe('2026-11-26T11:30:00.000Z');
  });

  it('keeps wall-clock time across the change to summer time', () => {
    // Tuesday 2027-03-30 is after the switch (28 March): 09:00 Berlin = 07:00 UTC.
    const slot = nextFreeSlot(plan, 'Europe/Berlin', new Date('2027-03-26T12:00:00Z'), []);
    expect(slot?.toISOString()).toBe('2027-03-30T07:00:00.000Z');
  });

  it('never returns a slot at or before the start', () => {
    const slot = nextFreeSlot(plan, 'Europe/Berlin', new Date('2026-11-24T08:00:00Z'), []);
    expect(slot?.toISOString()).toBe('2026-11-26T11:30:00.000Z');
  });

  it('has no slot without a plan', () => {
    expect(nextFreeSlot([], 'Europe/Berlin', new Date(), [])).toBeNull();
  });
});
