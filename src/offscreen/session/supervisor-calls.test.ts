import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallCommand } from '../../shared/protocol/schemas';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { CONFIG, connected, harness, inCall, T0 } from './supervisor.testkit';

afterEach(() => {
  vi.useRealTimers();
});

const call = (over: Partial<SessionSnapshot['calls'][number]> = {}) => ({
  conversationId: 'c1',
  direction: 'inbound' as const,
  state: 'connected' as const,
  remote: { number: '+15550100' },
  muted: false,
  held: false,
  attributes: {},
  attributesTruncated: false,
  ...over,
});

const previous = (calls: SessionSnapshot['calls']): SessionSnapshot => ({
  v: 1,
  connection: { state: 'connected', since: T0 - 60_000, attempt: 0 },
  calls,
  networkProfile: 'standard',
  seq: 1,
  updatedAt: T0 - 1_000,
});

describe('Calls – ringing and answering', () => {
  it('publishes the ringing call before the ringer starts (the pop is not kept waiting)', async () => {
    const h = await connected();
    const order: string[] = [];
    const published = h.views.length;
    const ring = h.ringer.ring.bind(h.ringer);
    h.ringer.ring = () => {
      order.push(`ring after ${String(h.views.length - published)} publish(es)`);
      ring();
    };
    h.port.emitAlerting({ conversationId: 'c1' });
    expect(h.ringer.ringing).toBe(false);
    await h.flush();
    expect(order).toEqual(['ring after 1 publish(es)']);
    expect(h.ringer.ringing).toBe(true);
  });

  it('rings on an inbound alert and stops when answered', async () => {
    const h = await connected();
    h.port.emitAlerting({ conversationId: 'c1' });
    await h.flush();
    expect(h.ringer.ringing).toBe(true);
    await h.supervisor.command({ type: 'answer', conversationId: 'c1' });
    expect(h.ringer.ringing).toBe(false);
    await h.flush();
    expect(h.port.calls('answer')).toEqual([['c1']]);
    expect(h.last()?.calls[0]?.state).toBe('connected');
  });

  it('a call withdrawn by the queue shows missed; answering it is refused without asking the SDK', async () => {
    const h = await connected();
    h.port.emitAlerting({ conversationId: 'c1' });
    h.port.emitCancelled('c1');
    expect(h.ringer.ringing).toBe(false);
    await expect(
      h.supervisor.command({ type: 'answer', conversationId: 'c1' }),
    ).rejects.toMatchObject({
      reason: 'not-pending',
      code: 'signalling.call-not-pending',
    });
    expect(h.port.calls('answer')).toHaveLength(0);
    await h.flush();
    expect(h.last()?.calls[0]?.state).toBe('missed');
  });

  it.each([
    ['allowed by settings: answered here, no ring', true, false, 1],
    ['not allowed by settings: rings for the agent', false, true, 0],
  ])('a call flagged auto-answer, %s', async (_name, allowed, rings, answers) => {
    const h = await connected({ ...CONFIG, calls: { autoAnswer: allowed, ringVolume: 0.5 } });
    expect(h.port.config?.autoAnswerAllowed).toBe(false);
    h.port.emitAlerting({ conversationId: 'c1' }, true);
    await h.flush();
    expect(h.ringer.ringing).toBe(rings);
    expect(h.ringer.volume).toBe(0.5);
    expect(h.port.calls('answer')).toHaveLength(answers);
    expect(h.last()?.calls[0]?.state).toBe(allowed ? 'connected' : 'alerting');
  });

  it('turning auto-answer on in the settings applies to the next call without a restart', async () => {
    const h = await connected();
    h.supervisor.configure({ ...CONFIG, calls: { autoAnswer: true, ringVolume: 0.8 } });
    h.port.emitAlerting({ conversationId: 'c1' }, true);
    await h.flush();
    expect(h.port.calls('start')).toHaveLength(1);
    expect(h.port.calls('answer')).toEqual([['c1']]);
  });

  it('an outbound call never rings and is not answered by the supervisor', async () => {
    const h = await connected({ ...CONFIG, calls: { autoAnswer: true, ringVolume: 0.8 } });
    h.port.emitAlerting({ conversationId: 'o1', direction: 'outbound' }, true);
    await h.flush();
    expect(h.ringer.ringing).toBe(false);
    expect(h.port.calls('answer')).toHaveLength(0);
  });

  it('declining stops the ringer and ends the call as declined', async () => {
    const h = await connected();
    h.port.emitAlerting({ conversationId: 'c1' });
    await h.supervisor.command({ type: 'decline', conversationId: 'c1' });
    await h.flush();
    expect(h.ringer.ringing).toBe(false);
    expect(h.last()?.calls[0]?.state).toBe('declined');
  });

  it('a call that alerts while the softphone is still starting can be answered', async () => {
    const h = harness();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const start = h.port.start.bind(h.port);
    vi.spyOn(h.port, 'start').mockImplementation(async (config) => {
      await gate;
      return start(config);
    });
    h.supervisor.configure(CONFIG);
    await h.flush();
    h.port.emitAlerting({ conversationId: 'early' });
    const answering = h.supervisor.command({ type: 'answer', conversationId: 'early' });
    await h.flush();
    expect(h.port.calls('answer')).toHaveLength(0);
    release();
    await answering;
    await h.flush();
    expect(h.port.calls('answer')).toEqual([['early']]);
    expect(h.last()?.calls[0]?.state).toBe('connected');
  });
});

describe('Calls – commands in order', () => {
  const commands: [CallCommand, string, unknown[]][] = [
    [{ type: 'mute', conversationId: 'c1', muted: true }, 'setMute', ['c1', true]],
    [{ type: 'hold', conversationId: 'c1', held: true }, 'setHold', ['c1', true]],
    [{ type: 'dtmf', conversationId: 'c1', digits: '12#' }, 'sendDigits', ['c1', '12#']],
    [
      { type: 'transfer', conversationId: 'c1', address: '+15550199' },
      'blindTransfer',
      ['c1', '+15550199'],
    ],
    [{ type: 'hangup', conversationId: 'c1' }, 'hangUp', ['c1']],
    [{ type: 'dial', number: '+15550123' }, 'dial', ['+15550123']],
  ];
  it.each(commands)('%o → port.%s', async (command, method, args) => {
    const h = await inCall();
    await h.supervisor.command(command);
    expect(h.port.calls(method as 'setMute')).toEqual([args]);
  });

  it('runs commands one after another in the order they came', async () => {
    const h = await inCall();
    const order: string[] = [];
    vi.spyOn(h.port, 'setMute').mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('mute');
    });
    vi.spyOn(h.port, 'setHold').mockImplementation(async () => {
      order.push('hold');
    });
    const a = h.supervisor.command({ type: 'mute', conversationId: 'c1', muted: true });
    const b = h.supervisor.command({ type: 'hold', conversationId: 'c1', held: true });
    await h.advance(100);
    await Promise.all([a, b]);
    expect(order).toEqual(['mute', 'hold']);
  });

  it('a command that fails does not block the next one', async () => {
    const h = await inCall();
    await expect(
      h.supervisor.command({ type: 'mute', conversationId: 'nope', muted: true }),
    ).rejects.toMatchObject({
      reason: 'no-call',
    });
    await h.supervisor.command({ type: 'mute', conversationId: 'c1', muted: true });
    expect(h.port.calls('setMute')).toHaveLength(2);
  });
});

describe('Survival – calls of a previous offscreen document', () => {
  it.each([
    ['on the platform, no media here → call lost, agent taken off', 'connected', true, 'failed', 1],
    ['gone from the platform → ended', 'connected', false, 'ended', 0],
    ['alerting on the platform → missed', 'alerting', true, 'missed', 0],
  ] as const)('%s', async (_name, was, onPlatform, becomes, abandons) => {
    const h = harness();
    h.supervisor.inherit(previous([call({ state: was })]));
    h.port.platform = onPlatform ? [{ conversationId: 'c1', state: was }] : [];
    h.supervisor.configure(CONFIG);
    await h.flush();
    await h.flush();
    const c1 = h.last()?.calls.find((c) => c.conversationId === 'c1');
    expect(c1?.state).toBe(becomes);
    if (becomes === 'failed') {
      expect(c1?.error).toMatchObject({
        code: 'signalling.disconnected',
        message: expect.stringMatching(/lost/),
      });
    }
    expect(h.port.calls('abandon')).toHaveLength(abandons);
  });

  it('shows the inherited calls as they were until the truth is known', async () => {
    const h = harness();
    h.port.platform = null;
    h.supervisor.inherit(previous([call(), call({ conversationId: 'old', state: 'ended' })]));
    await h.flush();
    expect(h.last()?.calls.map((c) => c.conversationId)).toEqual(['c1']);
    h.supervisor.configure(CONFIG);
    await h.flush();
    expect(h.last()?.calls[0]?.state).toBe('connected');
    h.port.platform = [];
    await h.advance(3_100);
    expect(h.last()?.calls[0]?.state).toBe('ended');
  });

  it('an inherited call the new softphone has media for is kept (reconnected)', async () => {
    const h = harness();
    h.supervisor.inherit(previous([call()]));
    h.port.platform = [{ conversationId: 'c1', state: 'connected' }];
    h.port.setHealth({
      peerConnections: [
        { conversationId: 'c1', iceState: 'connected', connectionState: 'connected' },
      ],
    });
    h.supervisor.configure(CONFIG);
    await h.flush();
    await h.flush();
    expect(h.last()?.calls[0]?.state).toBe('connected');
    expect(h.port.calls('abandon')).toHaveLength(0);
  });
});
