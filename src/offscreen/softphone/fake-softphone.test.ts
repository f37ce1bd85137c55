import { afterEach, describe, expect, it, vi } from 'vitest';
import { reduceCalls } from '../../shared/calls/call-tracker';
import type { CallSnapshot } from '../../shared/session/snapshot';
import { FakeSoftphone } from '../../test/fakes/fake-softphone';
import { SoftphoneError } from './softphone-error';
import type { SoftphoneConfig, SoftphoneEvent } from './softphone-port';

const CONFIG: SoftphoneConfig = {
  environment: 'http://127.0.0.1:9',
  accessToken: 'token',
  useServerSidePings: false,
  logLevel: 'info',
  appName: 'test',
  appVersion: '0',
  autoAnswerAllowed: false,
};

function started() {
  const fake = new FakeSoftphone();
  const events: SoftphoneEvent[] = [];
  fake.subscribe((e) => events.push(e));
  return { fake, events, types: () => events.map((e) => e.type) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('FakeSoftphone lifecycle', () => {
  it('starts with connected then ready, and refuses a second start', async () => {
    const { fake, types } = started();
    await fake.start(CONFIG);
    expect(types()).toEqual(['connected', 'ready']);
    await expect(fake.start(CONFIG)).rejects.toMatchObject({ reason: 'invalid-state' });
  });

  it('rejects call methods while idle and after destroy', async () => {
    const { fake } = started();
    await expect(fake.answer('c1')).rejects.toMatchObject({ reason: 'invalid-state' });
    await fake.start(CONFIG);
    await fake.destroy(1000);
    await expect(fake.dial('+15550001')).rejects.toBeInstanceOf(SoftphoneError);
    expect(fake.health().connected).toBe(false);
  });

  it('fails the next start only', async () => {
    const { fake } = started();
    fake.failNextStart(new SoftphoneError('auth', 'nope', { status: 401 }));
    await expect(fake.start(CONFIG)).rejects.toMatchObject({ reason: 'auth', status: 401 });
    await expect(fake.start(CONFIG)).resolves.toBeUndefined();
  });

  it('a hung start times out after startTimeoutMs', async () => {
    vi.useFakeTimers();
    const { fake } = started();
    fake.hangStart();
    const start = fake.start({ ...CONFIG, startTimeoutMs: 5000 });
    const outcome = expect(start).rejects.toMatchObject({ reason: 'timeout' });
    await vi.advanceTimersByTimeAsync(5000);
    await outcome;
  });

  it('destroy() during a hung start rejects that start', async () => {
    const { fake } = started();
    fake.hangStart();
    const start = fake.start(CONFIG);
    await fake.destroy(100);
    await expect(start).rejects.toMatchObject({ reason: 'invalid-state' });
  });

  it('a hung destroy still resolves after its timeout and ends live calls', async () => {
    vi.useFakeTimers();
    const { fake, events } = started();
    await fake.start(CONFIG);
    fake.emitAlerting({ conversationId: 'c1' });
    await fake.answer('c1');
    fake.hangDestroy();
    let done = false;
    const destroyed = fake.destroy(2000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await destroyed;
    expect(events.at(-1)).toEqual({ type: 'call-ended', conversationId: 'c1', reason: 'shutdown' });
  });
});

describe('FakeSoftphone calls', () => {
  it('answers only a pending call', async () => {
    const { fake, types } = started();
    await fake.start(CONFIG);
    fake.emitAlerting({ conversationId: 'c1', remote: { name: 'Ada' } });
    await fake.answer('c1');
    expect(types().slice(-3)).toEqual(['call-alerting', 'call-started', 'call-media']);
    await expect(fake.answer('c1')).rejects.toMatchObject({
      reason: 'not-pending',
      code: 'signalling.call-not-pending',
    });
    fake.emitAlerting({ conversationId: 'c2' });
    fake.emitCancelled('c2');
    await expect(fake.answer('c2')).rejects.toMatchObject({ reason: 'not-pending' });
  });

  it('drives the call tracker through a whole call', async () => {
    const { fake } = started();
    let calls: CallSnapshot[] = [];
    let now = 0;
    fake.subscribe((e) => (calls = reduceCalls(calls, e, ++now)));
    await fake.start(CONFIG);
    fake.emitAlerting({ conversationId: 'c1', remote: { number: '+15550001' } });
    expect(calls[0]?.state).toBe('alerting');
    await fake.answer('c1');
    expect(calls[0]?.state).toBe('connected');
    await fake.setMute('c1', true);
    await fake.setHold('c1', true);
    expect(calls[0]).toMatchObject({ muted: true, held: true });
    await fake.hangUp('c1');
    expect(calls[0]?.state).toBe('ended');
    fake.emitAlerting({ conversationId: 'c2' });
    await fake.decline('c2');
    fake.emitAlerting({ conversationId: 'c3' });
    fake.emitCancelled('c3');
    expect(calls.map((c) => c.state)).toEqual(['ended', 'declined', 'missed']);
  });

  it('dials out as a connected outbound call', async () => {
    const { fake } = started();
    let calls: CallSnapshot[] = [];
    fake.subscribe((e) => (calls = reduceCalls(calls, e, 1)));
    await fake.start(CONFIG);
    const { conversationId } = await fake.dial('+15550002');
    expect(calls).toMatchObject([{ conversationId, direction: 'outbound', state: 'connected' }]);
  });

  it('refuses call control on calls it does not have', async () => {
    const { fake } = started();
    await fake.start(CONFIG);
    await expect(fake.setMute('nope', true)).rejects.toMatchObject({ reason: 'no-call' });
    await expect(fake.sendDigits('nope', '1')).rejects.toMatchObject({ reason: 'no-call' });
  });

  it('logs every method invoked, with its arguments', async () => {
    const { fake } = started();
    await fake.start(CONFIG);
    fake.setAccessToken('fresh');
    fake.clearBackoffMemory();
    await fake.setDevices({ microphoneId: 'mic-2' });
    expect(fake.invocations.map((i) => i.method)).toEqual([
      'start',
      'setAccessToken',
      'clearBackoffMemory',
      'setDevices',
    ]);
    expect(fake.calls('setDevices')).toEqual([[{ microphoneId: 'mic-2' }]]);
    expect(fake.accessToken).toBe('fresh');
    expect(fake.backoffClears).toBe(1);
  });
});

describe('FakeSoftphone signalling', () => {
  it('probes with the scripted result, or times out', async () => {
    vi.useFakeTimers();
    const { fake } = started();
    await fake.start(CONFIG);
    fake.setProbeResult(42);
    await expect(fake.probe(1000)).resolves.toBe(42);
    fake.setProbeResult('timeout');
    const probe = expect(fake.probe(1000)).rejects.toMatchObject({ reason: 'timeout' });
    await vi.advanceTimersByTimeAsync(1000);
    await probe;
  });

  it('reconnects with disconnected then connected, or fails as scripted', async () => {
    const { fake, events } = started();
    await fake.start(CONFIG);
    await fake.reconnectSignalling();
    expect(events.slice(-2)).toEqual([
      { type: 'disconnected', reconnecting: true },
      { type: 'connected', reconnect: true },
    ]);
    fake.failNextReconnect(new SoftphoneError('network', 'down'));
    await expect(fake.reconnectSignalling()).rejects.toMatchObject({ reason: 'network' });
    expect(fake.health().connected).toBe(false);
  });

  it('reports scripted health and isolates failing listeners', async () => {
    const { fake, events } = started();
    fake.subscribe(() => {
      throw new Error('listener bug');
    });
    await fake.start(CONFIG);
    fake.setHealth({ socketOpen: false, lastInboundAt: 7 });
    expect(fake.health()).toMatchObject({ connected: true, socketOpen: false, lastInboundAt: 7 });
    fake.emitDisconnected({ reconnecting: false });
    expect(events.at(-1)).toEqual({ type: 'disconnected', reconnecting: false });
  });
});
