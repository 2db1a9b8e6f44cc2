/**
 * Who is on a topic right now, kept in memory by every server process from the `live.presence` events on
 * the bus (each process receives every event, its own included).
 *
 * Why memory and not a table: presence is a few seconds of truth that repairs itself — browsers repeat
 * their state every ~10 s and an entry dies 30 s after its last heartbeat. Every process hears every
 * heartbeat, so all processes converge on the same list within one heartbeat; the only gaps are an event
 * NOTIFY lost (at-most-once delivery) and a process that has just started, and both heal with the next
 * heartbeat. A table would cost a write per viewer every 10 s, still need the bus to push changes, and
 * need a sweeper to delete the dead rows — more load for no stronger guarantee than "within one heartbeat".
 * Expiry uses this process's clock at receipt, never the sender's, so clock skew between hosts cannot
 * keep a ghost alive or drop a live viewer.
 */
export type PresenceState = 'viewing' | 'typing';

export interface PresenceEntry {
  userId: string;
  name: string;
  state: PresenceState;
  /** ISO time this process first saw the person on the topic. */
  since: string;
}

interface Held extends PresenceEntry {
  expiresAt: number;
}

export interface PresenceUpdate {
  orgId: string;
  topic: string;
  userId: string;
  name: string;
  state: PresenceState | 'left';
}

const key = (orgId: string, topic: string) => `${orgId}\n${topic}`;

export interface PresenceStore {
  /** Applies an update; returns true when what subscribers see changed (not for a mere heartbeat). */
  apply(update: PresenceUpdate, now: number): boolean;
  list(orgId: string, topic: string): PresenceEntry[];
  /** Drops entries past their time; returns the (orgId, topic) pairs whose list changed. */
  sweep(now: number): Array<{ orgId: string; topic: string }>;
  size(): number;
}

export function createPresenceStore(ttlMs: number): PresenceStore {
  const topics = new Map<string, { orgId: string; topic: string; people: Map<string, Held> }>();
  return {
    apply(u, now) {
      const k = key(u.orgId, u.topic);
      let entry = topics.get(k);
      if (u.state === 'left') {
        const removed = entry?.people.delete(u.userId) ?? false;
        if (entry && entry.people.size === 0) topics.delete(k);
        return removed;
      }
      if (!entry) {
        entry = { orgId: u.orgId, topic: u.topic, people: new Map() };
        topics.set(k, entry);
      }
      const held = entry.people.get(u.userId);
      const changed = !held || held.state !== u.state || held.name !== u.name;
      entry.people.set(u.userId, {
        userId: u.userId,
        name: u.name,
        state: u.state,
        since: held?.since ?? new Date(now).toISOString(),
        expiresAt: now + ttlMs,
      });
      return changed;
    },
    list(orgId, topic) {
      const entry = topics.get(key(orgId, topic));
      if (!entry) return [];
      return [...entry.people.values()]
        .map(({ expiresAt: _, ...p }) => p)
        .sort((a, b) => a.since.localeCompare(b.since) || a.userId.localeCompare(b.userId));
    },
    sweep(now) {
      const changed: Array<{ orgId: string; topic: string }> = [];
      for (const [k, entry] of topics) {
        let dropped = false;
        for (const [userId, p] of entry.people) {
          if (p.expiresAt <= now) {
            entry.people.delete(userId);
            dropped = true;
          }
        }
        if (entry.people.size === 0) topics.delete(k);
        if (dropped) changed.push({ orgId: entry.orgId, topic: entry.topic });
      }
      return changed;
    },
    size() {
      let n = 0;
      for (const entry of topics.values()) n += entry.people.size;
      return n;
    },
  };
}
