import type { TargetState } from '../../../api/calendar.ts';

/**
 * One Mantine colour per state, used for the events and the legend alike. Colour is never the only sign:
 * each event names its state in its text as well.
 */
export const STATE_COLOURS: Record<TargetState, string> = {
  scheduled: 'blue',
  sending: 'cyan',
  published: 'green',
  failed: 'red',
  needs_decision: 'orange',
  draft: 'gray',
  cancelled: 'dark',
};

export const stateColourVar = (state: TargetState) => `var(--mantine-color-${STATE_COLOURS[state]}-filled)`;
