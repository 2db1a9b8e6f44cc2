import type { EventBus } from '../events/bus.ts';

/** Bus event types the live hub listens to. */
export const LIVE_MESSAGE = 'live.message';
export const LIVE_PRESENCE = 'live.presence';

export interface LiveMessage {
  topic: string;
  /** What happened, e.g. `item.updated`; the browser decides what to reload. */
  type: string;
  /** Small: ids and states, not documents (the bus carries at most ~7.9 KB per event). */
  data: unknown;
}

/**
 * Tells every browser listening on `topic` in the organisation that something changed, in this process
 * and (on PostgreSQL) in every other. Delivery is at most once: a browser that was disconnected reloads
 * what it shows when it reconnects, so nothing that must not be lost travels only this way.
 */
export async function publishLive(events: EventBus, orgId: string, message: LiveMessage): Promise<void> {
  await events.publish({ type: LIVE_MESSAGE, orgId, payload: message });
}
