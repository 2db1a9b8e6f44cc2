import { describe, expect, it } from 'vitest';
import {
  initialLiveState,
  liveReducer,
  MAX_KEPT_MESSAGES,
  othersOn,
  parseLiveEvent,
  reconnectDelayMs,
  shouldAnnounce,
} from '../../web/src/live/live-state.ts';

describe('the web app live state', () => {
  it('keeps the latest presence per topic and a bounded window of messages', () => {
    let s = initialLiveState;
    const anna = { userId: 'a', name: 'Anna', state: 'typing' as const, since: '2030-01-01T00:00:00Z' };
    const me = { ...anna, userId: 'me', name: 'Me', state: 'viewing' as const };
    s = liveReducer(s, parseLiveEvent('presence', JSON.stringify({ topic: 't:1', present: [anna, me] }))!);
    expect(othersOn(s, 't:1', 'me')).toEqual([anna]);
    expect(othersOn(s, 't:2', 'me')).toEqual([]);
    s = liveReducer(s, parseLiveEvent('presence', JSON.stringify({ topic: 't:1', present: [me] }))!);
    expect(othersOn(s, 't:1', 'me')).toEqual([]);
    for (let i = 0; i < MAX_KEPT_MESSAGES + 5; i++)
      s = liveReducer(
        s,
        parseLiveEvent('message', JSON.stringify({ topic: 't:1', type: `n${i}`, data: null }))!,
      );
    expect(s.messages).toHaveLength(MAX_KEPT_MESSAGES);
    expect(s.messages.at(-1)!.type).toBe(`n${MAX_KEPT_MESSAGES + 4}`);
  });

  it('drops frames that are not what the server sends', () => {
    expect(parseLiveEvent('presence', 'not json')).toBeNull();
    expect(parseLiveEvent('presence', 'null')).toBeNull();
    expect(parseLiveEvent('presence', '{"topic":1}')).toBeNull();
    expect(parseLiveEvent('other', '{"topic":"t:1","type":"x"}')).toBeNull();
  });

  it('announces at once on a change, else only every heartbeat; reconnects with a growing wait', () => {
    expect(shouldAnnounce(null, 'viewing', 0, 10_000)).toBe(true);
    expect(shouldAnnounce({ state: 'viewing', at: 0 }, 'viewing', 9_999, 10_000)).toBe(false);
    expect(shouldAnnounce({ state: 'viewing', at: 0 }, 'typing', 1, 10_000)).toBe(true);
    expect(shouldAnnounce({ state: 'viewing', at: 0 }, 'viewing', 10_000, 10_000)).toBe(true);
    expect([1, 2, 3, 6, 10].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });
});
