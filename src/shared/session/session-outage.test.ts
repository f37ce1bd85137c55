import { describe, expect, it } from 'vitest';
import { HIGH_LATENCY_PROFILE, STANDARD_PROFILE } from './network-presets';
import { seeded, Simulation } from './session-sim.testkit';
import { T0 } from './session.testkit';

// An outage as Genesys has them: the streaming endpoint refuses WebSocket upgrades (and the live
// socket is dropped) while the Platform API keeps answering.
const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);
const PROFILES = [STANDARD_PROFILE, HIGH_LATENCY_PROFILE];
const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

function outageSim(secs: number, seed: number, profile = STANDARD_PROFILE) {
  const start = T0 + 2_000;
  const restore = start + secs * 1_000;
  const sim = new Simulation((t) => t < start || t >= restore, seeded(seed), profile);
  sim.apiUp = () => true;
  sim.send({ type: 'start', credentials: true });
  sim.runUntil(T0 + 1_000);
  expect(sim.state.kind).toBe('connected');
  sim.at(start, { type: 'sdk-disconnected' });
  sim.runUntil(restore);
  return { sim, start, restore };
}

function timeToConnected(sim: Simulation, from: number, horizon = 300_000): number {
  for (let t = from; t <= from + horizon; t += 10) {
    sim.runUntil(t);
    if (sim.state.kind === 'connected') {
      return t - from;
    }
  }
  return Infinity;
}

describe('Happy path – upgrades refused while the API answers', () => {
  it.each(PROFILES.flatMap((p) => [10, 35, 65].map((secs) => [p.kind, secs, p] as const)))(
    '%s: service back after a %i s outage → connected ≤ 1 s at p95',
    (_kind, secs, profile) => {
      const times = SEEDS.map((seed) => {
        const { sim, restore } = outageSim(secs, seed, profile);
        return timeToConnected(sim, restore);
      });
      expect(quantile(times, 0.95)).toBeLessThanOrEqual(1_000);
    },
  );

  it('keeps the SDK: the refused endpoint is probed, not restarted against', () => {
    const { sim, restore } = outageSim(35, 1);
    expect(sim.state).toMatchObject({ kind: 'reconnecting', watch: 'up' });
    timeToConnected(sim, restore);
    expect(sim.count('destroy-sdk')).toBe(0);
    expect(sim.count('create-sdk')).toBe(1);
    expect(sim.probes.streaming).toBeGreaterThan(0);
  });

  it('High latency: a clean drop is probed at once, median ≤ 0.5 s', () => {
    const times = SEEDS.map((seed) => {
      const sim = new Simulation(() => true, seeded(seed), HIGH_LATENCY_PROFILE);
      sim.send({ type: 'start', credentials: true });
      sim.runUntil(T0 + 1_000);
      sim.at(T0 + 2_000, { type: 'sdk-disconnected' });
      return timeToConnected(sim, T0 + 2_000);
    });
    expect(quantile(times, 0.5)).toBeLessThanOrEqual(500);
  });
});

describe('Edge cases – what the service sees', () => {
  it('per agent: at most 4 probes a second, reconnects only on the policy schedule', () => {
    const { sim, start, restore } = outageSim(65, 2);
    const seconds = (restore - start) / 1_000;
    expect((sim.probes.api + sim.probes.streaming) / seconds).toBeLessThanOrEqual(4);
    // 250 ms doubling to 30 s over 65 s: about eight scheduled attempts, plus the first.
    expect(sim.count('soft-reconnect')).toBeLessThanOrEqual(10);
  });

  it('a fleet spreads its reconnects over the probe interval after the service returns', () => {
    const back = SEEDS.map((seed) => {
      const { sim, restore } = outageSim(35, seed);
      return timeToConnected(sim, restore);
    });
    expect(Math.max(...back) - Math.min(...back)).toBeGreaterThanOrEqual(200);
  });
});

describe('Failure case – the streaming host opens but reconnects still fail', () => {
  it('no early-attempt storm: falls back to a full restart on the policy delay', () => {
    const sim = new Simulation(() => true, seeded(4), STANDARD_PROFILE, {
      startMs: 600,
      softMs: 150,
      probeMs: 30,
      softWorks: false,
    });
    sim.send({ type: 'start', credentials: true });
    sim.runUntil(T0 + 1_000);
    sim.at(T0 + 2_000, { type: 'sdk-disconnected' });
    sim.runUntil(T0 + 12_000);
    // One reconnect on the API probe, one on the streaming probe (or the first retry), then the
    // SDK is restarted, which connects.
    expect(sim.count('soft-reconnect')).toBeLessThanOrEqual(3);
    expect(sim.count('destroy-sdk')).toBe(1);
    expect(sim.state.kind).toBe('connected');
  });
});
