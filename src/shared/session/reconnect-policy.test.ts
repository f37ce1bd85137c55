import { describe, expect, it } from 'vitest';
import type { SessionErrorReason } from './errors';
import type { ReconnectSettings } from './network-profile';
import { DefaultReconnectPolicy, jitterDown } from './reconnect-policy';

/** Deterministic generator (mulberry32) so jittered sequences are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const settings: ReconnectSettings = {
  initialDelayMs: 250,
  maxDelayMs: 30_000,
  jitterRatio: 0,
  maxAttempts: 0,
};
const ask = (
  policy: DefaultReconnectPolicy,
  attempt: number,
  reason: SessionErrorReason = 'network',
) => policy.nextDelayMs({ attempt, elapsedMs: 0, reason });

describe('Happy path', () => {
  it('doubles from the initial delay and caps at the max', () => {
    const policy = new DefaultReconnectPolicy(settings, () => 0.5);
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((n) => ask(policy, n));
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('jitters each delay down by at most jitterRatio, reproducibly for a seed', () => {
    const run = () => {
      const policy = new DefaultReconnectPolicy({ ...settings, jitterRatio: 0.5 }, seeded(42));
      return Array.from({ length: 8 }, (_, i) => ask(policy, i + 1) ?? -1);
    };
    const delays = run();
    expect(run()).toEqual(delays);
    delays.forEach((delay, i) => {
      const full = Math.min(250 * 2 ** i, 30_000);
      expect(delay).toBeGreaterThanOrEqual(full / 2);
      expect(delay).toBeLessThanOrEqual(full);
    });
    expect(new Set(delays.map((d, i) => d / Math.min(250 * 2 ** i, 30_000))).size).toBeGreaterThan(
      1,
    );
  });

  it('spreads a fleet: 1000 seeded agents do not all pick the same first delay', () => {
    const firsts = Array.from({ length: 1000 }, (_, seed) =>
      ask(new DefaultReconnectPolicy({ ...settings, jitterRatio: 0.5 }, seeded(seed)), 1),
    );
    expect(Math.min(...(firsts as number[]))).toBeLessThan(140);
    expect(Math.max(...(firsts as number[]))).toBeGreaterThan(240);
  });
});

describe('Failure case – Retry-After', () => {
  it('uses Retry-After as a floor, never shortening it', () => {
    const policy = new DefaultReconnectPolicy(settings, () => 0);
    expect(
      policy.nextDelayMs({ attempt: 1, elapsedMs: 0, reason: 'rate-limited', retryAfterMs: 5_000 }),
    ).toBe(5_000);
    expect(
      policy.nextDelayMs({ attempt: 9, elapsedMs: 0, reason: 'rate-limited', retryAfterMs: 5_000 }),
    ).toBe(30_000);
    expect(
      policy.nextDelayMs({ attempt: 1, elapsedMs: 0, reason: 'server', retryAfterMs: 120_000 }),
    ).toBe(120_000);
  });
});

describe('Failure case – giving up', () => {
  it.each(['auth', 'config', 'mic'] as const)('returns null for the fatal reason %s', (reason) => {
    expect(ask(new DefaultReconnectPolicy(settings), 1, reason)).toBeNull();
  });

  it('returns null once maxAttempts are used, and never with 0 (unlimited)', () => {
    const limited = new DefaultReconnectPolicy({ ...settings, maxAttempts: 3 });
    expect([1, 2, 3, 4].map((n) => ask(limited, n))).toEqual([250, 500, 1000, null]);
    expect(ask(new DefaultReconnectPolicy(settings), 10_000)).toBe(30_000);
  });
});

describe('Edge cases', () => {
  it('treats attempt 0 or fractions as the first attempt', () => {
    const policy = new DefaultReconnectPolicy(settings);
    expect(ask(policy, 0)).toBe(250);
    expect(ask(policy, 2.7)).toBe(500);
  });

  it('clamps random values outside [0, 1]', () => {
    expect(jitterDown(1000, 0.5, () => 7)).toBe(500);
    expect(jitterDown(1000, 0.5, () => -3)).toBe(1000);
    expect(jitterDown(1000, 2, () => 1)).toBe(0);
  });
});
