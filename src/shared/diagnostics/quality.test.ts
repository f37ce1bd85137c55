import { describe, expect, it } from 'vitest';
import { computeInterval, qualityLevel } from './quality';
import { createQualityMonitor } from './quality-monitor';
import { readStats, type RawStat } from './stats-extract';

interface Counters {
  recv: number;
  lost?: number;
  bytes?: number;
  jitter?: number;
  rtt?: number | null;
  remoteRtt?: number;
  fractionLost?: number;
  local?: 'host' | 'srflx' | 'relay';
  relayProtocol?: string;
  codec?: string;
  viaTransport?: boolean;
}

/** A getStats()-shaped report for one audio call. */
function report(c: Counters): RawStat[] {
  const pair: RawStat = {
    type: 'candidate-pair',
    id: 'CP1',
    state: 'succeeded',
    nominated: true,
    localCandidateId: 'L1',
    remoteCandidateId: 'R1',
  };
  if (c.rtt !== null) {
    pair['currentRoundTripTime'] = c.rtt ?? 0.05;
  }
  const stats: RawStat[] = [
    {
      type: 'inbound-rtp',
      id: 'IN',
      kind: 'audio',
      codecId: 'C1',
      packetsReceived: c.recv,
      packetsLost: c.lost ?? 0,
      bytesReceived: c.bytes ?? c.recv * 160,
      jitter: c.jitter ?? 0.02,
    },
    { type: 'codec', id: 'C1', mimeType: c.codec ?? 'audio/PCMU' },
    {
      type: 'candidate-pair',
      id: 'CP0',
      state: 'failed',
      localCandidateId: 'x',
      remoteCandidateId: 'y',
    },
    pair,
    {
      type: 'local-candidate',
      id: 'L1',
      candidateType: c.local ?? 'srflx',
      protocol: 'udp',
      ...(c.relayProtocol === undefined ? {} : { relayProtocol: c.relayProtocol }),
    },
    { type: 'remote-candidate', id: 'R1', candidateType: 'host', protocol: 'udp' },
  ];
  if (c.fractionLost !== undefined || c.remoteRtt !== undefined) {
    stats.push({
      type: 'remote-inbound-rtp',
      id: 'RIN',
      kind: 'audio',
      fractionLost: c.fractionLost ?? 0,
      roundTripTime: c.remoteRtt ?? 0.05,
    });
  }
  if (c.viaTransport === true) {
    pair['state'] = 'in-progress';
    pair['nominated'] = false;
    stats.push({ type: 'transport', id: 'T', selectedCandidatePairId: 'CP1' });
  }
  return stats;
}

const at = (t: number, c: Counters) => ({ t, reading: readStats(report(c)) });

describe('computeInterval', () => {
  const base = { recv: 1000, lost: 0, jitter: 0.02, rtt: 0.05 };

  it.each([
    { name: 'clean line', next: { recv: 2000 }, loss: 0, level: 'good', mos: [4.3, 4.4] },
    { name: '5 % loss', next: { recv: 1950, lost: 50 }, loss: 5, level: 'fair', mos: [3.6, 4.0] },
    { name: '20 % loss', next: { recv: 1800, lost: 200 }, loss: 20, level: 'poor', mos: [1, 3] },
    {
      name: '20 % loss seen by the far end',
      next: { recv: 2000, fractionLost: 0.2 },
      loss: 0,
      level: 'poor',
      mos: [1, 3],
    },
  ])('$name', ({ next, loss, level, mos }) => {
    const i = computeInterval(at(0, base), at(5000, { ...base, ...next }));
    expect(i).not.toBeNull();
    expect(i?.lossPct).toBe(loss);
    expect(i?.level).toBe(level);
    expect(i?.mos).toBeGreaterThanOrEqual(mos[0] ?? 0);
    expect(i?.mos).toBeLessThanOrEqual(mos[1] ?? 5);
  });

  it('reports jitter, RTT, codec, direct path and bitrate in agent units', () => {
    const i = computeInterval(
      at(0, { ...base, bytes: 0 }),
      at(5000, { ...base, recv: 1250, bytes: 40_000, codec: 'audio/opus' }),
    );
    expect(i).toMatchObject({
      durationMs: 5000,
      jitterMs: 20,
      rttMs: 50,
      codec: 'audio/opus',
      path: 'direct',
      relayProtocol: null,
      bitrateKbps: 64,
      packetsReceived: 250,
      mediaFlowing: true,
    });
  });

  it('recognises a relayed path and its transport', () => {
    const i = computeInterval(
      at(0, { ...base, local: 'relay', relayProtocol: 'tls' }),
      at(5000, { ...base, recv: 1100, local: 'relay', relayProtocol: 'tls' }),
    );
    expect(i).toMatchObject({ path: 'relay', relayProtocol: 'tls' });
  });

  it('falls back to the far end RTT and finds the pair through the transport', () => {
    const c = { ...base, rtt: null, remoteRtt: 0.3, viaTransport: true };
    const i = computeInterval(at(0, c), at(5000, { ...c, recv: 1100 }));
    expect(i?.rttMs).toBe(300);
    expect(i?.path).toBe('direct');
  });

  it('names the dominant impairment', () => {
    const lossy = computeInterval(at(0, base), at(5000, { ...base, recv: 1800, lost: 200 }));
    const jittery = computeInterval(at(0, base), at(5000, { ...base, recv: 1100, jitter: 0.2 }));
    const distant = computeInterval(
      at(0, { ...base, rtt: 0.8 }),
      at(5000, { ...base, recv: 1100, rtt: 0.8, jitter: 0.005 }),
    );
    expect([lossy?.cause, jittery?.cause, distant?.cause]).toEqual(['loss', 'jitter', 'latency']);
  });

  it('scores nothing when no audio arrives', () => {
    const i = computeInterval(at(0, base), at(5000, base));
    expect(i).toMatchObject({ mediaFlowing: false, mos: null, level: null, lossPct: null });
  });

  it.each([
    ['counters went backwards (new peer connection)', at(0, base), at(5000, { ...base, recv: 10 })],
    ['time did not advance', at(5000, base), at(5000, { ...base, recv: 2000 })],
  ])('returns null when %s', (_name, prev, cur) => {
    expect(computeInterval(prev, cur)).toBeNull();
  });

  it('reads id-keyed records as well as lists', () => {
    const asRecord = Object.fromEntries(report(base).map((s) => [String(s.id), s]));
    expect(readStats(asRecord)).toEqual(readStats(report(base)));
  });

  it.each([
    [4.4, 'good'],
    [4.0, 'good'],
    [3.99, 'fair'],
    [3.6, 'fair'],
    [3.59, 'poor'],
  ] as const)('MOS %f is %s', (mos, level) => {
    expect(qualityLevel(mos)).toBe(level);
  });
});

describe('createQualityMonitor', () => {
  /** Cumulative counters per step: each step adds `recv` received and `lost` lost packets. */
  function feed(steps: { recv: number; lost: number }[], options = {}) {
    const monitor = createQualityMonitor(options);
    let recv = 0;
    let lost = 0;
    const updates = [monitor.push(0, report({ recv, lost }))];
    steps.forEach((s, i) => {
      recv += s.recv;
      lost += s.lost;
      updates.push(monitor.push((i + 1) * 5000, report({ recv, lost })));
    });
    return { monitor, updates };
  }
  const clean = { recv: 250, lost: 0 };
  const bad = { recv: 200, lost: 50 };

  it('warns once the degradation holds for two intervals, then on recovery', () => {
    const { monitor, updates } = feed([clean, bad, clean, bad, bad, bad, clean, clean]);
    const warnings = updates.map((u) => u.warning?.kind ?? null);
    expect(warnings).toEqual([null, null, null, null, null, 'degraded', null, null, 'recovered']);
    const degraded = updates[5]?.warning;
    expect(degraded).toMatchObject({ from: 'good', to: 'poor', cause: 'loss' });
    expect(degraded?.message).toMatch(/^Call quality is poor \(MOS [\d.]+\): packet loss 20 %\.$/);
    expect(monitor.level()).toBe('good');
  });

  it('keeps a bounded timeline of intervals', () => {
    const { monitor } = feed(
      Array.from({ length: 10 }, () => clean),
      { timelineSize: 4 },
    );
    expect(monitor.timeline()).toHaveLength(4);
    expect(monitor.latest()?.t).toBe(50_000);
    monitor.reset();
    expect(monitor.timeline()).toEqual([]);
    expect(monitor.push(60_000, report({ recv: 0 })).interval).toBeNull();
  });

  it('with confirmIntervals 1 warns at the first bad interval', () => {
    const { updates } = feed([bad], { confirmIntervals: 1 });
    expect(updates[1]?.warning?.kind).toBe('degraded');
  });
});
