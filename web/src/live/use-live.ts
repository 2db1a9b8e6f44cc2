import { useEffect, useReducer, useRef } from 'react';
import { request } from '../api/client.ts';
import {
  initialLiveState,
  type LiveState,
  liveReducer,
  parseLiveEvent,
  reconnectDelayMs,
  shouldAnnounce,
} from './live-state.ts';

export type { LiveMessage, LiveState, PresentPerson } from './live-state.ts';
export { othersOn } from './live-state.ts';

/**
 * Follows topics (e.g. `inbox-item:<id>`) over Server-Sent Events: who is there (presence) and what
 * changed (messages). The browser's EventSource reconnects by itself after a dropped connection; when the
 * server refuses or ends the stream (signed out, no access) it is reopened with a growing wait, so a page
 * left open does not hammer the server. `onMessage` runs for every message, e.g. to invalidate a query.
 */
export function useLive(
  topics: readonly string[],
  onMessage?: (m: LiveState['messages'][number]) => void,
): LiveState {
  const [state, dispatch] = useReducer(liveReducer, initialLiveState);
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const key = [...new Set(topics)].sort().join(',');

  useEffect(() => {
    if (!key) return;
    let source: EventSource | null = null;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const connect = () => {
      dispatch({ kind: 'status', status: 'connecting' });
      source = new EventSource(`/api/v1/live?topics=${encodeURIComponent(key)}`, { withCredentials: true });
      source.addEventListener('ready', () => {
        failures = 0;
        dispatch({ kind: 'status', status: 'open' });
      });
      for (const name of ['presence', 'message'] as const) {
        source.addEventListener(name, (e) => {
          const action = parseLiveEvent(name, (e as MessageEvent<string>).data);
          if (!action) return;
          dispatch(action);
          if (action.kind === 'message') handler.current?.(action.message);
        });
      }
      const reopenLater = () => {
        source?.close();
        dispatch({ kind: 'status', status: 'closed' });
        if (stopped) return;
        failures += 1;
        timer = setTimeout(connect, reconnectDelayMs(failures));
      };
      source.addEventListener('closed', reopenLater);
      source.onerror = () => {
        // CLOSED: the server answered with an error (403, 401) — EventSource gives up; we retry slowly.
        if (source?.readyState === EventSource.CLOSED) reopenLater();
        else dispatch({ kind: 'status', status: 'connecting' });
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [key]);

  return state;
}

const HEARTBEAT_MS = 10_000;

/**
 * Tells the others on `topic` that I am viewing it, or typing when `typing` is true; repeated every 10 s
 * while mounted, at once on a change, and 'left' on unmount. Keystrokes do not each cause a request.
 */
export function useAnnouncePresence(topic: string | null, typing = false): void {
  const last = useRef<{ state: string; at: number } | null>(null);
  const state = typing ? 'typing' : 'viewing';

  useEffect(() => {
    if (!topic) return;
    const announce = (s: string, force = false) => {
      const now = Date.now();
      if (!force && !shouldAnnounce(last.current, s, now, HEARTBEAT_MS)) return;
      last.current = { state: s, at: now };
      request<void>('/api/v1/live/presence', { method: 'POST', body: { topic, state: s } }).catch(() => {
        // Presence is a courtesy: the next heartbeat tries again, and nothing else depends on it.
        last.current = null;
      });
    };
    announce(state);
    const timer = setInterval(() => announce(state), HEARTBEAT_MS / 2);
    return () => clearInterval(timer);
  }, [topic, state]);

  useEffect(() => {
    if (!topic) return;
    return () => {
      last.current = null;
      void request<void>('/api/v1/live/presence', { method: 'POST', body: { topic, state: 'left' } }).catch(
        () => undefined,
      );
    };
  }, [topic]);
}
