/**
 * Call quality per interval from two successive getStats() readings: loss, jitter, RTT, codec,
 * relay vs direct, bitrate, an E-model MOS estimate and a level. Counters that go backwards (a new
 * peer connection) start a new baseline instead of producing nonsense.
 */
import { eModel } from './emodel';
import type { MediaPath, StatsReading } from './stats-extract';

export type QualityLevel = 'good' | 'fair' | 'poor';

/** MOS ≥ 4.0 (R ≈ 80, users satisfied) is good; ≥ 3.6 (R ≈ 70) fair; below is poor. */
export function qualityLevel(mos: number): QualityLevel {
  return mos >= 4.0 ? 'good' : mos >= 3.6 ? 'fair' : 'poor';
}

export type QualityCause = 'loss' | 'jitter' | 'latency';

export interface QualityInterval {
  /** Epoch ms at the end of the interval. */
  t: number;
  durationMs: number;
  /** Inbound loss (what the agent hears) and the far end's report of what we send. */
  lossPct: number | null;
  remoteLossPct: number | null;
  jitterMs: number | null;
  rttMs: number | null;
  codec: string | null;
  path: MediaPath | null;
  relayProtocol: string | null;
  bitrateKbps: number | null;
  packetsReceived: number;
  mediaFlowing: boolean;
  /** Null when no audio packets moved (nothing to score). */
  mos: number | null;
  level: QualityLevel | null;
  /** The impairment that costs the most, for the warning text. */
  cause: QualityCause | null;
}

export interface TimedReading {
  t: number;
  reading: StatsReading;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function jitterBufferMs(prev: StatsReading, cur: StatsReading): number | null {
  if (cur.jitterBufferDelayS === null || cur.jitterBufferEmitted === null) {
    return null;
  }
  const emitted = cur.jitterBufferEmitted - (prev.jitterBufferEmitted ?? 0);
  const delay = cur.jitterBufferDelayS - (prev.jitterBufferDelayS ?? 0);
  return emitted > 0 && delay >= 0 ? (delay / emitted) * 1000 : null;
}

export function computeInterval(prev: TimedReading, cur: TimedReading): QualityInterval | null {
  const a = prev.reading;
  const b = cur.reading;
  const durationMs = cur.t - prev.t;
  const received = b.packetsReceived - a.packetsReceived;
  if (durationMs <= 0 || received < 0 || b.bytesReceived < a.bytesReceived) {
    return null;
  }
  const lost = Math.max(0, b.packetsLost - a.packetsLost);
  const expected = received + lost;
  const mediaFlowing = received > 0;
  const lossPct = expected > 0 ? (lost / expected) * 100 : null;
  const remoteLossPct = b.remoteFractionLost === null ? null : b.remoteFractionLost * 100;
  const worstLoss = Math.max(lossPct ?? 0, remoteLossPct ?? 0);
  const model = mediaFlowing
    ? eModel({
        rttMs: b.rttMs ?? 0,
        jitterMs: b.jitterMs ?? 0,
        lossPct: worstLoss,
        mimeType: b.codec,
        jitterBufferMs: jitterBufferMs(a, b),
      })
    : null;
  let cause: QualityCause | null = null;
  if (model !== null) {
    const latencyPart = model.id * ((b.rttMs ?? 0) / 2 / Math.max(1, model.delayMs));
    const jitterPart = model.id - latencyPart;
    cause = model.ieEff >= model.id ? 'loss' : jitterPart > latencyPart ? 'jitter' : 'latency';
  }
  return {
    t: cur.t,
    durationMs,
    lossPct: lossPct === null ? null : round(lossPct, 2),
    remoteLossPct: remoteLossPct === null ? null : round(remoteLossPct, 2),
    jitterMs: b.jitterMs === null ? null : round(b.jitterMs),
    rttMs: b.rttMs === null ? null : round(b.rttMs),
    codec: b.codec,
    path: b.path,
    relayProtocol: b.relayProtocol,
    bitrateKbps: round(((b.bytesReceived - a.bytesReceived) * 8) / durationMs),
    packetsReceived: received,
    mediaFlowing,
    mos: model === null ? null : round(model.mos, 2),
    level: model === null ? null : qualityLevel(model.mos),
    cause,
  };
}
