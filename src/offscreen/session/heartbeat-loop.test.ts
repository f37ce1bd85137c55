import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock';
import { HeartbeatLoop } from './heartbeat-loop';

const TIMING = { heartbeatIntervalMs: 3_000, heartbeatTimeoutMs: 9_000 };

function loop(answer: () => Promise<number>) {
  const onLost = vi.fn();
  const probe = vi.fn((_ms: number) => answer());
  const inbound: { at?: number } = {};
  const hb = new HeartbeatLoop({
    clock: systemClock,
    probe,
    lastInboundAt: () => inbound.at,
    onLost,
  });
  hb.start(TIMING);
  return { hb, onLost, probe, inbound };
}

const never = () => new Promise<number>(() => undefined);
const timeout = () =>
  new Promise<number>((_resolve, reject) => setTimeout(() => reject(new Error('timeout')), 3_000));

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HeartbeatLoop', () => {
  it('probes once per interval with the interval as timeout and stays quiet while answered', async () => {
    const { probe, onLost } = loop(async () => 12);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(probe).toHaveBeenCalledTimes(10);
    expect(probe.mock.calls[0]).toEqual([3_000]);
    expect(onLost).not.toHaveBeenCalled();
  });

  it.each([
    ['probes time out', timeout],
    ['probes never answer', never],
  ])('declares the link lost at the timeout when %s', async (_name, answer) => {
    const { onLost, hb } = loop(answer);
    await vi.advanceTimersByTimeAsync(8_900);
    expect(onLost).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(hb.running).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(onLost).toHaveBeenCalledTimes(1);
  });

  it('counts inbound signalling as life', async () => {
    const { onLost, inbound } = loop(timeout);
    for (let i = 0; i < 20; i++) {
      inbound.at = Date.now();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(onLost).not.toHaveBeenCalled();
  });

  it('a check that ran late (throttled timers) pings before deciding, and recovers on an answer', async () => {
    const { onLost, probe } = loop(async () => 12);
    await vi.advanceTimersByTimeAsync(3_100);
    const sent = probe.mock.calls.length;
    vi.setSystemTime(Date.now() + 60_000); // every timer fires a minute late from here on
    await vi.advanceTimersByTimeAsync(3_000);
    expect(onLost).not.toHaveBeenCalled();
    expect(probe.mock.calls.length).toBeGreaterThan(sent);
  });

  it('a late check whose ping also fails declares the link lost', async () => {
    let ok = true;
    const { onLost } = loop(() => (ok ? Promise.resolve(12) : timeout()));
    await vi.advanceTimersByTimeAsync(3_100);
    ok = false;
    vi.setSystemTime(Date.now() + 60_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onLost).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(4_500);
    expect(onLost).toHaveBeenCalledTimes(1);
  });

  it('reset starts the silence count over; stop ends probing', async () => {
    const { onLost, hb, probe } = loop(timeout);
    await vi.advanceTimersByTimeAsync(8_000);
    hb.reset();
    await vi.advanceTimersByTimeAsync(8_000);
    expect(onLost).not.toHaveBeenCalled();
    hb.stop();
    const count = probe.mock.calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(probe.mock.calls.length).toBe(count);
    expect(onLost).not.toHaveBeenCalled();
  });
});
