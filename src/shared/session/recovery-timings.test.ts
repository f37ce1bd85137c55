import { describe, expect, it } from 'vitest';
import { HIGH_LATENCY_PROFILE, PRESETS, STANDARD_PROFILE } from './network-presets';
import { validateNetworkProfileSetting } from './network-profile';
import {
  firstProbeDelayMs,
  probeDelayMs,
  probeIntervalMs,
  softReconnectTimeoutMs,
  startTimeoutMs,
  streamingProbeIntervalMs,
  streamingReconnectTimeoutMs,
  wakeThresholdMs,
} from './recovery-timings';

const MIN = 60_000;

describe('Happy path – presets meet the targets', () => {
  it.each(Object.values(PRESETS))('$kind is a valid custom profile too', (preset) => {
    const { kind: _kind, ...values } = preset;
    const result = validateNetworkProfileSetting({ ...values, kind: 'custom' });
    expect(result.ok && result.profile).toEqual({ ...preset, kind: 'custom' });
  });

  it('dead link noticed within timeout + 1 s: Standard ≤ 10 s, High latency ≤ 30 s', () => {
    expect(STANDARD_PROFILE.heartbeatTimeoutMs + 1_000).toBeLessThanOrEqual(10_000);
    expect(HIGH_LATENCY_PROFILE.heartbeatTimeoutMs + 1_000).toBeLessThanOrEqual(30_000);
  });

  it('Standard: a clean drop is probed within 250 ms, an outage every ≤ 500 ms', () => {
    expect(firstProbeDelayMs(STANDARD_PROFILE, () => 0)).toBe(250);
    expect(firstProbeDelayMs(STANDARD_PROFILE, () => 0.999)).toBe(125);
    expect(probeDelayMs(STANDARD_PROFILE, 90_000, () => 0)).toBe(500);
  });
});

describe('Happy path – probes that only ask', () => {
  it('High latency probes a clean drop as soon as Standard does (125–250 ms)', () => {
    expect(firstProbeDelayMs(HIGH_LATENCY_PROFILE, () => 0)).toBe(250);
    expect(firstProbeDelayMs(HIGH_LATENCY_PROFILE, () => 0.999)).toBe(125);
  });

  it('the streaming host is probed every ≤ 500 ms on both presets, slowing after two minutes', () => {
    expect(streamingProbeIntervalMs(STANDARD_PROFILE)).toBe(500);
    expect(streamingProbeIntervalMs(HIGH_LATENCY_PROFILE)).toBe(500);
    expect(probeDelayMs(HIGH_LATENCY_PROFILE, 0, () => 0, 'streaming')).toBe(500);
    expect(probeDelayMs(HIGH_LATENCY_PROFILE, 0, () => 0.999, 'streaming')).toBe(250);
    expect(probeDelayMs(HIGH_LATENCY_PROFILE, 0, () => 0, 'api')).toBe(2_000);
    expect(probeDelayMs(STANDARD_PROFILE, 11 * MIN, () => 0, 'streaming')).toBe(5_000);
  });
});

describe('Derived timers', () => {
  it.each([
    ['probe interval', probeIntervalMs, 500, 2_000],
    ['soft reconnect deadline', softReconnectTimeoutMs, 3_000, 9_667],
    ['soft reconnect deadline, streaming host watched', streamingReconnectTimeoutMs, 6_000, 9_667],
    ['start deadline', startTimeoutMs, 24_000, 44_000],
    ['wake threshold', wakeThresholdMs, 5_000, 10_000],
  ] as const)('%s: Standard %i ms, High latency %i ms', (_name, fn, standard, high) => {
    expect(fn(STANDARD_PROFILE)).toBe(standard);
    expect(fn(HIGH_LATENCY_PROFILE)).toBe(high);
  });

  it('probing slows down one step per minute after two minutes, up to 10×', () => {
    const at = (elapsed: number) => probeDelayMs(STANDARD_PROFILE, elapsed, () => 0);
    expect([0, 119_999, 120_000, 179_999, 180_000, 240_000].map(at)).toEqual([
      500, 500, 500, 500, 1_000, 1_500,
    ]);
    expect(at(11 * MIN)).toBe(5_000);
    expect(at(600 * MIN)).toBe(5_000);
  });
});

describe('Edge cases', () => {
  it('probe interval stays within 250 ms..5 s for extreme custom delays', () => {
    const withDelay = (initialDelayMs: number) => ({
      ...STANDARD_PROFILE,
      reconnect: { ...STANDARD_PROFILE.reconnect, initialDelayMs },
    });
    expect(probeIntervalMs(withDelay(100))).toBe(250);
    expect(probeIntervalMs(withDelay(60_000))).toBe(5_000);
  });

  it('jitter 0 gives exact delays; negative elapsed times count as zero', () => {
    const exact = {
      ...STANDARD_PROFILE,
      reconnect: { ...STANDARD_PROFILE.reconnect, jitterRatio: 0 },
    };
    expect(firstProbeDelayMs(exact, () => 0.9)).toBe(250);
    expect(probeDelayMs(exact, -5_000, () => 0.9)).toBe(500);
  });

  it('the soft reconnect deadline is at least 2 s', () => {
    expect(softReconnectTimeoutMs({ ...STANDARD_PROFILE, heartbeatTimeoutMs: 2_000 })).toBe(2_000);
  });
});
