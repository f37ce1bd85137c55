import { describe, expect, it } from 'vitest';
import { detectWake, HeartbeatTracker } from './heartbeat';
import { HIGH_LATENCY_PROFILE, STANDARD_PROFILE } from './network-presets';

const T0 = 1_700_000_000_000;

describe('Happy path', () => {
  it('stays healthy while probes are answered every interval', () => {
    const hb = new HeartbeatTracker(STANDARD_PROFILE, T0);
    for (let t = T0 + 3_000; t <= T0 + 60_000; t += 3_000) {
      expect(hb.nextProbeDueAt()).toBe(t);
      hb.probeSent(t);
      hb.probeOk(t + 80);
      expect(hb.evaluate(t + 2_999)).toBe('healthy');
    }
  });

  it('counts inbound activity as a success', () => {
    const hb = new HeartbeatTracker(STANDARD_PROFILE, T0);
    hb.activity(T0 + 8_000);
    expect(hb.evaluate(T0 + 12_000)).toBe('healthy');
    expect(hb.evaluate(T0 + 16_999)).toBe('suspect');
    expect(hb.lostAt()).toBe(T0 + 17_000);
  });
});

describe('Failure case – black hole', () => {
  it('Standard: suspect after 1.5 intervals, lost exactly at the 9 s timeout', () => {
    const hb = new HeartbeatTracker(STANDARD_PROFILE, T0);
    hb.probeSent(T0 + 3_000);
    hb.probeOk(T0 + 3_050); // last answer; the link dies right after
    hb.probeSent(T0 + 6_000);
    hb.probeSent(T0 + 9_000);
    expect(hb.evaluate(T0 + 7_550)).toBe('healthy');
    expect(hb.evaluate(T0 + 7_551)).toBe('suspect');
    expect(hb.evaluate(T0 + 12_049)).toBe('suspect');
    expect(hb.evaluate(T0 + 12_050)).toBe('lost');
    expect(hb.lostAt()).toBe(T0 + 12_050);
  });

  it('a check scheduled at nextCheckAt detects loss within the timeout (≤ 10 s / ≤ 30 s)', () => {
    for (const profile of [STANDARD_PROFILE, HIGH_LATENCY_PROFILE]) {
      const hb = new HeartbeatTracker(profile, T0);
      const deadAt = T0 + 1; // the link dies right after connecting
      let now = T0;
      while (hb.evaluate(now) !== 'lost') {
        now = hb.nextCheckAt();
        if (now === hb.nextProbeDueAt()) {
          hb.probeSent(now);
        }
      }
      expect(now - deadAt).toBeLessThan(profile.heartbeatTimeoutMs + 1_000);
      expect(now - T0).toBe(profile.heartbeatTimeoutMs);
    }
  });
});

describe('Edge cases', () => {
  it('reset() starts over from a fresh success', () => {
    const hb = new HeartbeatTracker(STANDARD_PROFILE, T0);
    hb.probeSent(T0 + 3_000);
    expect(hb.evaluate(T0 + 20_000)).toBe('lost');
    hb.reset(T0 + 20_000);
    expect(hb.evaluate(T0 + 20_000)).toBe('healthy');
    expect(hb.nextProbeDueAt()).toBe(T0 + 23_000);
  });

  it('ignores out-of-order timestamps', () => {
    const hb = new HeartbeatTracker(STANDARD_PROFILE, T0);
    hb.probeOk(T0 + 5_000);
    hb.probeOk(T0 + 1_000);
    hb.probeSent(T0 + 6_000);
    hb.probeSent(T0 + 3_000);
    expect(hb.lostAt()).toBe(T0 + 14_000);
    expect(hb.nextProbeDueAt()).toBe(T0 + 9_000);
  });

  it('nextCheckAt is the lost deadline when it comes before the next probe', () => {
    const hb = new HeartbeatTracker(
      { heartbeatIntervalMs: 10_000, heartbeatTimeoutMs: 12_000 },
      T0,
    );
    hb.probeSent(T0 + 10_000);
    expect(hb.nextCheckAt()).toBe(T0 + 12_000);
  });
});

describe('detectWake', () => {
  it.each([
    [1_000, 1_000, 5_000, false],
    [1_000, 6_000, 5_000, false],
    [1_000, 6_001, 5_000, true],
    [1_000, 3_600_000, 5_000, true],
    [1_000, 500, 5_000, false],
  ])('expected %i, fired %i, threshold %i → %s', (expectedAt, firedAt, threshold, slept) => {
    expect(detectWake(expectedAt, firedAt, threshold)).toBe(slept);
  });
});
