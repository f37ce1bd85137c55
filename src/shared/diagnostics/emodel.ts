/**
 * Simplified ITU-T G.107 E-model for a voice call, the usual reduction for VoIP monitoring:
 *   R = 93.2 − Id(d) − Ie_eff(Ppl)
 *   Id = 0.024·d + 0.11·(d − 177.3)·H(d − 177.3)           d = one-way mouth-to-ear delay (ms)
 *   Ie_eff = Ie + (95 − Ie)·Ppl / (Ppl / BurstR + Bpl)       Ppl = packet loss (%)
 *   MOS = 1 + 0.035·R + 7·10⁻⁶·R·(R − 60)·(100 − R)          (1 below R = 0, 4.5 above R = 100)
 * d is estimated as RTT/2 + jitter buffer (measured, else 2 × jitter) + codec frame delay.
 * Ie/Bpl: G.711 with packet-loss concealment from ITU-T G.113 App. I (0 / 25.1); Opus has no
 * G.113 entry, so it conservatively gets the same values with its 26.5 ms frame + look-ahead.
 */

export interface CodecProfile {
  name: string;
  ie: number;
  bpl: number;
  frameDelayMs: number;
}

const G711: CodecProfile = { name: 'G.711', ie: 0, bpl: 25.1, frameDelayMs: 20 };
const OPUS: CodecProfile = { name: 'Opus', ie: 0, bpl: 25.1, frameDelayMs: 26.5 };

/** Profile for an RTP mime type ('audio/opus', 'audio/PCMU'…); G.711 when unknown. */
export function codecProfile(mimeType?: string | null): CodecProfile {
  return /opus/i.test(mimeType ?? '') ? OPUS : G711;
}

export interface EModelInput {
  rttMs: number;
  jitterMs: number;
  lossPct: number;
  mimeType?: string | null;
  /** Measured average jitter-buffer delay; replaces the 2 × jitter estimate. */
  jitterBufferMs?: number | null;
  /** 1 for random loss (the default), above 1 for bursty loss. */
  burstRatio?: number;
}

export interface EModelResult {
  r: number;
  mos: number;
  /** Estimated one-way delay in ms and the two impairments, for explaining a bad score. */
  delayMs: number;
  jitterBufferMs: number;
  id: number;
  ieEff: number;
}

export function delayImpairment(delayMs: number): number {
  const d = Math.max(0, delayMs);
  return 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
}

export function lossImpairment(lossPct: number, profile: CodecProfile, burstRatio = 1): number {
  const ppl = Math.min(100, Math.max(0, lossPct));
  return profile.ie + ((95 - profile.ie) * ppl) / (ppl / burstRatio + profile.bpl);
}

export function mosFromR(r: number): number {
  if (r <= 0) {
    return 1;
  }
  if (r >= 100) {
    return 4.5;
  }
  return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
}

export function eModel(input: EModelInput): EModelResult {
  const profile = codecProfile(input.mimeType);
  const jitterBufferMs = input.jitterBufferMs ?? 2 * Math.max(0, input.jitterMs);
  const delayMs = Math.max(0, input.rttMs) / 2 + jitterBufferMs + profile.frameDelayMs;
  const id = delayImpairment(delayMs);
  const ieEff = lossImpairment(input.lossPct, profile, input.burstRatio ?? 1);
  const r = 93.2 - id - ieEff;
  return { r, mos: mosFromR(r), delayMs, jitterBufferMs, id, ieEff };
}
