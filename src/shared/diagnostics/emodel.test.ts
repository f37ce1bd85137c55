import { describe, expect, it } from 'vitest';
import { codecProfile, delayImpairment, eModel, lossImpairment, mosFromR } from './emodel';

describe('E-model', () => {
  it.each([
    { codec: 'audio/PCMU', min: 4.3, max: 4.4 },
    { codec: 'audio/opus', min: 4.3, max: 4.4 },
  ])('no loss, 20 ms jitter, 50 ms RTT gives MOS ≈ 4.3–4.4 ($codec)', ({ codec, min, max }) => {
    const { mos } = eModel({ rttMs: 50, jitterMs: 20, lossPct: 0, mimeType: codec });
    expect(mos).toBeGreaterThanOrEqual(min);
    expect(mos).toBeLessThanOrEqual(max);
  });

  it.each([
    { lossPct: 5, below: 4.0, above: 3.6 },
    { lossPct: 20, below: 3.0, above: 1 },
  ])('$lossPct % loss lowers the MOS clearly', ({ lossPct, below, above }) => {
    const clean = eModel({ rttMs: 50, jitterMs: 20, lossPct: 0 }).mos;
    const lossy = eModel({ rttMs: 50, jitterMs: 20, lossPct }).mos;
    expect(lossy).toBeLessThan(below);
    expect(lossy).toBeGreaterThan(above);
    expect(clean - lossy).toBeGreaterThan(0.4);
  });

  it('MOS falls monotonically with loss, RTT and jitter', () => {
    const mos = (rttMs: number, jitterMs: number, lossPct: number) =>
      eModel({ rttMs, jitterMs, lossPct }).mos;
    expect(mos(50, 20, 1)).toBeLessThan(mos(50, 20, 0));
    expect(mos(400, 20, 0)).toBeLessThan(mos(100, 20, 0));
    expect(mos(50, 80, 0)).toBeLessThan(mos(50, 10, 0));
  });

  it.each([
    [0, 0],
    [100, 2.4],
    [177.3, 4.2552],
    [277.3, 0.024 * 277.3 + 11],
  ])('Id(%f ms) = %f', (d, expected) => {
    expect(delayImpairment(d)).toBeCloseTo(expected, 4);
  });

  it.each([
    [0, 0],
    [5, (95 * 5) / 30.1],
    [100, (95 * 100) / 125.1],
  ])('Ie_eff(%f %%) for G.711', (loss, expected) => {
    expect(lossImpairment(loss, codecProfile('audio/PCMA'))).toBeCloseTo(expected, 6);
  });

  it.each([
    [-5, 1],
    [0, 1],
    [50, 1 + 1.75 + 7e-6 * 50 * -10 * 50],
    [93.2, 1 + 0.035 * 93.2 + 7e-6 * 93.2 * 33.2 * 6.8],
    [120, 4.5],
  ])('MOS(R=%f)', (r, expected) => {
    expect(mosFromR(r)).toBeCloseTo(expected, 6);
  });

  it('uses a measured jitter buffer instead of the estimate', () => {
    const measured = eModel({ rttMs: 50, jitterMs: 20, lossPct: 0, jitterBufferMs: 200 });
    expect(measured.jitterBufferMs).toBe(200);
    expect(measured.mos).toBeLessThan(eModel({ rttMs: 50, jitterMs: 20, lossPct: 0 }).mos);
  });
});
