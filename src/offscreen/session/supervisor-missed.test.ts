import { describe, expect, it } from 'vitest';
import type { PlatformCall } from '../softphone/softphone-port';
import { CONFIG, connected, harness } from './supervisor.testkit';

const EARLY: PlatformCall = {
  conversationId: 'c-early',
  state: 'alerting',
  participantId: 'p-agent',
  fields: {
    conversationId: 'c-early',
    state: 'alerting',
    direction: 'inbound',
    remote: { number: '+14155550123', name: 'Early Caller' },
  },
};

describe('Happy path – a call that rang while the softphone was starting', () => {
  it('is offered once connected, rings, and can be answered', async () => {
    const h = harness();
    h.port.platform = [EARLY];
    h.supervisor.configure(CONFIG);
    await h.flush();
    expect(h.kind()).toBe('connected');
    const call = h.last()?.calls.find((c) => c.conversationId === 'c-early');
    expect(call).toMatchObject({ state: 'alerting', direction: 'inbound' });
    expect(call?.remote.name).toBe('Early Caller');
    expect(h.ringer.ringing).toBe(true);
    await h.supervisor.command({ type: 'answer', conversationId: 'c-early' });
    await h.flush();
    expect(h.last()?.calls[0]?.state).toBe('connected');
  });

  it('a call announced while starting is kept, and not offered a second time', async () => {
    const h = harness();
    h.port.platform = [EARLY];
    h.supervisor.configure(CONFIG);
    expect(h.kind()).toBe('starting');
    h.port.emitAlerting({ conversationId: 'c-early', remote: { number: '+14155550123' } });
    await h.flush();
    expect(h.kind()).toBe('connected');
    expect(h.last()?.calls.map((c) => [c.conversationId, c.state])).toEqual([
      ['c-early', 'alerting'],
    ]);
    expect(h.port.calls('offerMissed')).toHaveLength(0);
  });

  it('after every reconnect, a call that rang meanwhile is offered too', async () => {
    const h = await connected();
    h.port.emitDisconnected();
    h.port.platform = [EARLY];
    await h.advance(1_000);
    expect(h.kind()).toBe('connected');
    expect(h.last()?.calls[0]).toMatchObject({ conversationId: 'c-early', state: 'alerting' });
  });
});

describe('Edge cases', () => {
  it('outbound, answered and ended calls on the platform are not offered', async () => {
    const h = harness();
    h.port.platform = [
      { ...EARLY, conversationId: 'out', fields: { conversationId: 'out', direction: 'outbound' } },
      { ...EARLY, conversationId: 'live', state: 'connected' },
    ];
    h.supervisor.configure(CONFIG);
    await h.flush();
    expect(h.kind()).toBe('connected');
    expect(h.last()?.calls).toEqual([]);
  });

  it('a platform list that cannot be read leaves the softphone connected, nothing offered', async () => {
    const h = harness();
    h.port.platform = null;
    h.supervisor.configure(CONFIG);
    await h.flush();
    expect(h.kind()).toBe('connected');
    expect(h.last()?.calls).toEqual([]);
    expect(h.logs().some((e) => e.msg === 'platform calls unavailable')).toBe(true);
  });
});
