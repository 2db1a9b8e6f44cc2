import { describe, expect, it } from 'vitest';
import { createInProcessBus, type DomainEvent, EventTooLargeError, MAX_EVENT_BYTES } from './bus.ts';

function setup() {
  const errors: Array<{ obj: object; msg?: string }> = [];
  const bus = createInProcessBus({ log: { error: (obj, msg) => errors.push({ obj, msg }) } });
  return { bus, errors };
}

describe('in-process event bus', () => {
  it('delivers to subscribers of the type and to "*", stamped with the time', async () => {
    const { bus } = setup();
    const posts: DomainEvent[] = [];
    const all: string[] = [];
    bus.subscribe('post.published', (e) => {
      posts.push(e);
    });
    bus.subscribe('*', (e) => {
      all.push(e.type);
    });
    const before = Date.now();
    await bus.publish({ type: 'post.published', orgId: 'org-1', payload: { postId: 'p1' } });
    await bus.publish({ type: 'channel.connected', orgId: 'org-1', payload: { channelId: 'c1' } });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ type: 'post.published', orgId: 'org-1', payload: { postId: 'p1' } });
    expect(Date.parse(posts[0]!.at)).toBeGreaterThanOrEqual(before - 1);
    expect(posts[0]!.at).toMatch(/Z$/);
    expect(all).toEqual(['post.published', 'channel.connected']);
  });

  it('stops delivering after unsubscribe, per subscription', async () => {
    const { bus } = setup();
    const seen: string[] = [];
    const handler = (e: DomainEvent) => {
      seen.push(e.orgId);
    };
    const off1 = bus.subscribe('x', handler);
    bus.subscribe('x', handler);
    await bus.publish({ type: 'x', orgId: 'a', payload: null });
    off1();
    off1();
    await bus.publish({ type: 'x', orgId: 'b', payload: null });
    expect(seen).toEqual(['a', 'a', 'b']);
  });

  it('isolates a failing subscriber, synchronous or asynchronous, and logs it', async () => {
    const { bus, errors } = setup();
    const seen: string[] = [];
    bus.subscribe('x', () => {
      throw new Error('sync boom');
    });
    bus.subscribe('x', async () => {
      throw new Error('async boom');
    });
    bus.subscribe('x', () => {
      seen.push('third');
    });
    bus.subscribe('*', () => {
      seen.push('star');
    });
    await expect(bus.publish({ type: 'x', orgId: 'o', payload: {} })).resolves.toBeUndefined();
    expect(seen).toEqual(['third', 'star']);
    expect(errors).toHaveLength(2);
    const messages = errors.map((e) => ((e.obj as { err: Error }).err as Error).message).sort();
    expect(messages).toEqual(['async boom', 'sync boom']);
    expect(errors[0]!.obj).toMatchObject({ event: { type: 'x', orgId: 'o' } });
  });

  it('waits for asynchronous subscribers before publish resolves', async () => {
    const { bus } = setup();
    let done = false;
    bus.subscribe('x', async () => {
      await new Promise((r) => setTimeout(r, 20));
      done = true;
    });
    await bus.publish({ type: 'x', orgId: 'o', payload: {} });
    expect(done).toBe(true);
  });

  it('hands subscribers plain JSON, as the PostgreSQL bus does across processes', async () => {
    const { bus } = setup();
    const seen: DomainEvent[] = [];
    bus.subscribe('x', (e) => {
      seen.push(e);
    });
    const payload = { when: new Date('2030-01-02T03:04:05Z'), skip: undefined };
    await bus.publish({ type: 'x', orgId: 'o', payload });
    expect(seen[0]!.payload).toEqual({ when: '2030-01-02T03:04:05.000Z' });
  });

  it('rejects an event too large for PostgreSQL NOTIFY, delivering nothing', async () => {
    const { bus } = setup();
    let calls = 0;
    bus.subscribe('*', () => {
      calls++;
    });
    const big = { text: 'ä'.repeat(MAX_EVENT_BYTES / 2) };
    await expect(bus.publish({ type: 'x', orgId: 'o', payload: big })).rejects.toThrow(EventTooLargeError);
    await bus.publish({ type: 'x', orgId: 'o', payload: { text: 'a'.repeat(MAX_EVENT_BYTES - 200) } });
    expect(calls).toBe(1);
  });
});
