import { describe, expect, it } from 'vitest';
import type { PeerConnectionHealth } from '../softphone/softphone-port';
import { CallBook } from './call-book';

const T = 1_700_000_000_000;
const peer = (conversationId: string, connectionState = 'connected'): PeerConnectionHealth => ({
  conversationId,
  iceState: connectionState,
  connectionState,
});

function book(...events: Parameters<CallBook['apply']>[0][]) {
  const b = new CallBook();
  events.forEach((e, i) => b.apply(e, T + i, false));
  return b;
}

const alert = (id: string, direction: 'inbound' | 'outbound' = 'inbound', autoAnswer = false) =>
  ({ type: 'call-alerting', call: { conversationId: id, direction, autoAnswer } }) as const;
const started = (id: string) => ({ type: 'call-started', conversationId: id }) as const;
const media = (id: string) =>
  ({ type: 'call-media', conversationId: id, connectionState: 'connected' }) as const;

describe('CallBook', () => {
  it.each([
    ['no calls', book(), false, false],
    ['an inbound call alerting', book(alert('a')), true, true],
    ['an outbound call', book(alert('a', 'outbound')), true, false],
    ['an answered call', book(alert('a'), started('a'), media('a')), true, false],
    [
      'a missed call',
      book(alert('a'), { type: 'call-cancelled', conversationId: 'a' }),
      false,
      false,
    ],
  ])('%s: active=%s ringing=%s', (_name, b, active, ringing) => {
    expect(b.active()).toBe(active);
    expect(b.ringing()).toBe(ringing);
  });

  it('an auto-answered alert does not ring when auto-answer is allowed', () => {
    const b = new CallBook();
    b.apply(alert('a', 'inbound', true), T, true);
    expect(b.ringing()).toBe(false);
    b.apply(alert('b', 'inbound', true), T, false);
    expect(b.ringing()).toBe(true);
  });

  it.each([
    ['connected peer for the live call', [peer('a')], true],
    ['failed peer', [peer('a', 'failed')], false],
    ['peer of another call', [peer('b')], false],
    ['no peer', [], false],
  ])('media healthy with %s → %s', (_name, peers, healthy) => {
    expect(book(alert('a'), started('a'), media('a')).mediaHealthy(peers)).toBe(healthy);
  });

  it('an alerting call has no media to protect', () => {
    expect(book(alert('a')).mediaHealthy([peer('a')])).toBe(false);
  });

  it('inherits only live calls, settles them once, and forgets them on fresh events', () => {
    const b = new CallBook();
    const base = {
      direction: 'inbound',
      remote: {},
      muted: false,
      held: false,
      attributes: {},
      attributesTruncated: false,
    } as const;
    b.inherit([
      { ...base, conversationId: 'x', state: 'connected' },
      { ...base, conversationId: 'y', state: 'ended' },
      { ...base, conversationId: 'z', state: 'connected' },
    ]);
    expect(b.list().map((c) => c.conversationId)).toEqual(['x', 'z']);
    expect(b.settle('x', 'failed', T, { code: 'call.lost', message: 'lost' })).toBe(true);
    expect(b.settle('x', 'ended', T)).toBe(false);
    expect(b.get('x')).toMatchObject({ state: 'failed', endedAt: T, error: { code: 'call.lost' } });
    b.apply({ type: 'call-updated', call: { conversationId: 'z', muted: true } }, T, false);
    expect(b.inherited()).toEqual([]);
  });
});
