import { describe, expect, it } from 'vitest';
import { HIGH_LATENCY_PROFILE, STANDARD_PROFILE } from './network-presets';
import { seeded, Simulation } from './session-sim.testkit';
import { T0 } from './session.testkit';

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** A simulation already connected at T0 + 1 s (service up unless `down` says otherwise). */
function connectedSim(
  down: (t: number) => boolean = () => false,
  seed = 1,
  profile = STANDARD_PROFILE,
) {
  const sim = new Simulation((t) => !down(t), seeded(seed), profile);
  sim.send({ type: 'start', credentials: true });
  sim.runUntil(T0 + 1_000);
  expect(sim.state.kind).toBe('connected');
  return sim;
}

/** Time from `from` until the simulation is connected again (Infinity if it never is). */
function timeToConnected(sim: Simulation, from: number, horizon = 600_000): number {
  for (let t = from; t <= from + horizon; t += 10) {
    sim.runUntil(t);
    if (sim.state.kind === 'connected') {
      return t - from;
    }
  }
  return Infinity;
}

describe('Happy path – targets', () => {
  it('clean socket drop → connected, median ≤ 0.5 s', () => {
    const times = SEEDS.map((seed) => {
      const sim = connectedSim(() => false, seed);
      const dropAt = T0 + 2_000;
      sim.at(dropAt, { type: 'sdk-disconnected' });
      return timeToConnected(sim, dropAt);
    });
    expect(quantile(times, 0.5)).toBeLessThanOrEqual(500);
    expect(Math.max(...times)).toBeLessThan(600);
  });

  it.each([10, 30, 35, 60, 65, 110])(
    'service back after a %i s outage → connected ≤ 1 s at p95',
    (secs) => {
      const times = SEEDS.map((seed) => {
        const start = T0 + 2_000;
        const restore = start + secs * 1_000;
        const sim = connectedSim((t) => t >= start && t < restore, seed);
        sim.at(start, { type: 'sdk-disconnected' });
        sim.runUntil(restore);
        return timeToConnected(sim, restore);
      });
      expect(quantile(times, 0.95)).toBeLessThanOrEqual(1_000);
    },
  );

  it('a drop 5 s after recovering from a 60 s outage → connected ≤ 2.5 s', () => {
    const start = T0 + 2_000;
    const restore = start + 60_000;
    const sim = connectedSim((t) => t >= start && t < restore);
    sim.at(start, { type: 'sdk-disconnected' });
    sim.runUntil(restore);
    const back = restore + timeToConnected(sim, restore);
    sim.at(back + 5_000, { type: 'sdk-disconnected' });
    expect(timeToConnected(sim, back + 5_000)).toBeLessThanOrEqual(2_500);
  });

  it('a black hole found by the heartbeat is recovered by a soft reconnect, SDK kept', () => {
    const sim = connectedSim();
    sim.at(T0 + 10_000, { type: 'heartbeat-lost' });
    expect(timeToConnected(sim, T0 + 10_000)).toBeLessThan(500);
    expect(sim.count('destroy-sdk')).toBe(0);
    expect(sim.count('soft-reconnect')).toBe(1);
    expect(sim.state.lastRecoveryMs).toBeLessThan(500);
  });
});

describe('Failure case – outage during a live call', () => {
  it('never destroys the SDK while media flows; soft reconnects until the service is back', () => {
    const start = T0 + 2_000;
    const restore = start + 30_000;
    const sim = connectedSim((t) => t >= start && t < restore);
    sim.call = { active: true, mediaHealthy: true };
    sim.at(start, { type: 'sdk-disconnected' });
    sim.runUntil(restore);
    expect(sim.state.kind).toBe('reconnecting');
    expect(timeToConnected(sim, restore)).toBeLessThanOrEqual(1_000);
    expect(sim.count('destroy-sdk')).toBe(0);
    expect(sim.count('create-sdk')).toBe(1);
  });

  it('keeps soft-reconnecting (never restarting) when soft reconnects fail under a call', () => {
    const sim = new Simulation(() => true, seeded(3), STANDARD_PROFILE, {
      startMs: 600,
      softMs: 150,
      probeMs: 30,
      softWorks: false,
    });
    sim.send({ type: 'start', credentials: true });
    sim.runUntil(T0 + 1_000);
    sim.call = { active: true, mediaHealthy: true };
    sim.at(T0 + 2_000, { type: 'sdk-disconnected' });
    sim.runUntil(T0 + 60_000);
    expect(sim.state.kind).toBe('reconnecting');
    expect(sim.count('destroy-sdk')).toBe(0);
    // A hung attempt is no proof the endpoint refused: later ones follow the policy's schedule.
    expect(sim.count('soft-reconnect')).toBeGreaterThanOrEqual(7);
    // The call ends: the next failed soft reconnect (≤ 30 s away) restarts the SDK.
    sim.call = { active: false, mediaHealthy: false };
    sim.runUntil(T0 + 94_000);
    expect(sim.count('destroy-sdk')).toBe(1);
    expect(['backing-off', 'starting', 'connected']).toContain(sim.state.kind);
    expect(timeToConnected(sim, T0 + 94_000)).toBeLessThanOrEqual(31_000);
  });
});

describe('Failure case – idle, soft reconnect broken', () => {
  it('falls back to a full restart and connects', () => {
    const sim = new Simulation(() => true, seeded(5), STANDARD_PROFILE, {
      startMs: 600,
      softMs: 150,
      probeMs: 30,
      softWorks: false,
    });
    sim.send({ type: 'start', credentials: true });
    sim.runUntil(T0 + 1_000);
    sim.at(T0 + 2_000, { type: 'sdk-disconnected' });
    const took = timeToConnected(sim, T0 + 2_000);
    expect(took).toBeLessThan(5_000);
    expect(sim.count('create-sdk')).toBe(2);
    expect(sim.transitions.map((s) => s.kind)).toContain('backing-off');
  });
});

describe('Failure case – service down at sign-in', () => {
  it('gives up after maxAttempts retries', () => {
    const profile = {
      ...STANDARD_PROFILE,
      reconnect: { ...STANDARD_PROFILE.reconnect, maxAttempts: 3 },
    };
    const sim = new Simulation(() => false, seeded(7), profile);
    sim.send({ type: 'start', credentials: true });
    sim.runUntil(T0 + 60_000);
    expect(sim.state).toMatchObject({ kind: 'failed', reason: 'network' });
    expect(sim.count('create-sdk')).toBe(4);
  });

  it('starts as soon as a probe sees the service, not at the next backoff slot', () => {
    const sim = new Simulation((t) => t >= T0 + 40_000, seeded(9));
    sim.send({ type: 'start', credentials: true });
    sim.runUntil(T0 + 40_000);
    expect(sim.state.kind).toBe('backing-off');
    expect(timeToConnected(sim, T0 + 40_000)).toBeLessThanOrEqual(1_500);
  });
});

describe('Edge cases – long outages', () => {
  it('slows probing down after two minutes (fleet load), still recovers', () => {
    const start = T0 + 2_000;
    const sim = connectedSim((t) => t >= start && t < start + 600_000, 11);
    sim.at(start, { type: 'sdk-disconnected' });
    const probesBetween = (from: number, to: number): number => {
      sim.runUntil(from);
      const before = sim.count('schedule');
      sim.runUntil(to);
      return sim.count('schedule') - before;
    };
    const firstMinute = probesBetween(start, start + 60_000);
    const lastMinute = probesBetween(start + 540_000, start + 600_000);
    expect(firstMinute).toBeGreaterThan(120); // ≥ 2 probes/s
    expect(lastMinute).toBeLessThan(firstMinute / 5);
    expect(timeToConnected(sim, start + 600_000)).toBeLessThan(5_000);
  });

  it('High latency: clean drop recovers within about a second', () => {
    const sim = connectedSim(() => false, 13, HIGH_LATENCY_PROFILE);
    sim.at(T0 + 2_000, { type: 'sdk-disconnected' });
    expect(timeToConnected(sim, T0 + 2_000)).toBeLessThanOrEqual(1_200);
  });
});
