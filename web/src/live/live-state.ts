// Pure pieces of the live hook, kept apart from React and EventSource so they can be tested in Node.

export interface PresentPerson {
  userId: string;
  name: string;
  state: 'viewing' | 'typing';
  since: string;
}

export interface LiveMessage {
  topic: string;
  type: string;
  data: unknown;
  at: string;
}

export type LiveStatus = 'connecting' | 'open' | 'closed';

export interface LiveState {
  status: LiveStatus;
  /** Who is on each topic right now, as the server last said. */
  presence: Record<string, PresentPerson[]>;
  /** The newest messages, newest last (a short window: the page reloads what it shows). */
  messages: LiveMessage[];
}

export const MAX_KEPT_MESSAGES = 50;

export const initialLiveState: LiveState = { status: 'connecting', presence: {}, messages: [] };

export type LiveAction =
  | { kind: 'status'; status: LiveStatus }
  | { kind: 'presence'; topic: string; present: PresentPerson[] }
  | { kind: 'message'; message: LiveMessage };

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.kind) {
    case 'status':
      return state.status === action.status ? state : { ...state, status: action.status };
    case 'presence':
      return { ...state, presence: { ...state.presence, [action.topic]: action.present } };
    case 'message':
      return { ...state, messages: [...state.messages, action.message].slice(-MAX_KEPT_MESSAGES) };
  }
}

/** Parses an event's data; a frame that is not what the server sends is dropped, never thrown. */
export function parseLiveEvent(event: string, data: string): LiveAction | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const p = parsed as Record<string, unknown>;
  if (event === 'presence' && typeof p.topic === 'string' && Array.isArray(p.present))
    return { kind: 'presence', topic: p.topic, present: p.present as PresentPerson[] };
  if (event === 'message' && typeof p.topic === 'string' && typeof p.type === 'string')
    return {
      kind: 'message',
      message: { topic: p.topic, type: p.type, data: p.data ?? null, at: String(p.at ?? '') },
    };
  return null;
}

/** The people on a topic other than me: what a collision warning shows. */
export function othersOn(state: LiveState, topic: string, myUserId: string): PresentPerson[] {
  return (state.presence[topic] ?? []).filter((p) => p.userId !== myUserId);
}

/**
 * When to tell the server again: at once when the state changes, otherwise every `heartbeatMs` (the
 * server forgets a person 30 s after the last word, so 10 s leaves room for two lost heartbeats).
 */
export function shouldAnnounce(
  last: { state: string; at: number } | null,
  state: string,
  now: number,
  heartbeatMs: number,
): boolean {
  return !last || last.state !== state || now - last.at >= heartbeatMs;
}

/** Waits between reconnects after the stream failed: 1 s, 2 s, 4 s … up to 30 s. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}
