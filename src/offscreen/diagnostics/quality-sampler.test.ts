import { describe, expect, it, vi } from 'vitest';
import type { RawStat } from '../../shared/diagnostics';
import { QualitySampler, REPUBLISH_MS } from './quality-sampler';
import { SessionTimeline } from './timeline';

/** getStats() entries after `n` intervals of 75 packets, with `lossPct` of them lost. */
function stats(n: number, lossPct: number): RawStat[] {
  const lost = Math.round((75 * lossPct) / 100);
  return [
    {
      type: 'inbound-rtp',
      kind: 'audio',
      id: 'in',
      codecId: 'c',
      packetsReceived: n * (75 - lost),
      packetsLost: n * lost,
      bytesReceived: n * 12_000,
      jitter: 0.004,
    },
    { type: 'outbound-rtp', kind: 'audio', id: 'out', packetsSent: n * 75, bytesSent: n * 12_000 },
    { type: 'codec', id: 'c', mimeType: 'audio/opus' },
    { type: 'transport', id: 't', selectedCandidatePairId: 'p' },
    {
      type: 'candidate-pair',
      id: 'p',
      state: 'succeeded',
      localCandidateId: 'l',
      remoteCandidateId: 'r',
      currentRoundTripTime: 0.04,
    },
    { type: 'local-candidate', id: 'l', candidateType: 'relay', relayProtocol: 'udp' },
    { type: 'remote-candidate', id: 'r', candidateType: 'host' },
  ];
}

function setup() {
  let t = 1_000_000;
  let n = 0;
  let loss = 0;
  const live = ['call-1'];
  const republish = vi.fn();
  const warnings: string[] = [];
  const sampler = new QualitySampler({
    access: { rawStats: (id) => Promise.resolve(id === 'call-1' ? stats(++n, loss) : null) },
    liveCalls: () => live,
    now: () => (t += 1_500),
    republish,
    onWarning: (_id, w) => warnings.push(`${w.kind}:${w.cause ?? ''}`),
  });
  return { sampler, republish, warnings, live, setLoss: (v: number) => (loss = v) };
}

describe('QualitySampler', () => {
  it('summarises a clean call for the snapshot and keeps its timeline', async () => {
    const { sampler, republish } = setup();
    await sampler.sample();
    expect(sampler.summary('call-1')).toBeUndefined(); // one reading makes no interval yet
    await sampler.sample();
    expect(sampler.summary('call-1')).toMatchObject({
      level: 'good',
      lossPct: 0,
      rttMs: 40,
      jitterMs: 4,
      codec: 'opus',
      path: 'relay',
      warning: null,
    });
    expect(sampler.summary('call-1')?.mos).toBeGreaterThan(4);
    expect(republish).toHaveBeenCalledTimes(1);
    expect(sampler.report().calls[0]).toMatchObject({
      conversationId: 'call-1',
      live: true,
      level: 'good',
    });
    expect(sampler.forBundle().pairs['call-1']?.local.candidateType).toBe('relay');
  });

  it('warns once loss is confirmed, republishing at once, and lowers the MOS', async () => {
    const { sampler, republish, warnings, setLoss } = setup();
    await sampler.sample();
    await sampler.sample();
    const good = sampler.summary('call-1')?.mos ?? 0;
    setLoss(20);
    await sampler.sample();
    await sampler.sample();
    expect(warnings).toEqual(['degraded:loss']);
    const summary = sampler.summary('call-1');
    expect(summary).toMatchObject({ level: 'poor', warning: 'loss' });
    expect(summary?.lossPct).toBeGreaterThanOrEqual(19);
    expect(summary?.mos ?? 5).toBeLessThan(good);
    expect(republish.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('republishes unchanged levels at most every few seconds', async () => {
    const { sampler, republish } = setup();
    for (let i = 0; i < 6; i += 1) {
      await sampler.sample();
    }
    // 5 intervals 1.5 s apart, level unchanged after the first: not every sample publishes.
    expect(republish.mock.calls.length).toBeLessThan(5);
    expect(REPUBLISH_MS).toBeGreaterThan(1_500);
  });

  it('keeps an ended call for the bundle but not in the snapshot', async () => {
    const { sampler, live } = setup();
    await sampler.sample();
    await sampler.sample();
    live.pop();
    await sampler.sample();
    expect(sampler.summary('call-1')).toBeUndefined();
    expect(sampler.report().calls[0]?.live).toBe(false);
    expect(sampler.forBundle().timelines['call-1']?.length).toBe(1);
  });
});

describe('SessionTimeline', () => {
  it('records transitions and errors once each, with no caller data', () => {
    let t = 0;
    const timeline = new SessionTimeline(() => (t += 1));
    const call = {
      conversationId: 'c1',
      direction: 'inbound' as const,
      state: 'alerting' as const,
      remote: { number: '+14155550123' },
      muted: false,
      held: false,
      attributes: {},
      attributesTruncated: false,
    };
    const connection = { state: 'connected' as const, since: 0, attempt: 0 };
    timeline.observe({ connection, calls: [call] });
    timeline.observe({ connection, calls: [call] });
    timeline.observe({
      connection: {
        ...connection,
        state: 'failed',
        error: { code: 'auth.invalid-token', message: 'x' },
      },
      calls: [{ ...call, state: 'connected' }],
    });
    expect(timeline.entries().map((e) => `${e.kind}:${e.state}`)).toEqual([
      'connection:connected',
      'call:alerting',
      'connection:failed',
      'call:connected',
    ]);
    expect(timeline.errors()).toMatchObject([{ code: 'auth.invalid-token', where: 'connection' }]);
    expect(JSON.stringify(timeline.entries())).not.toContain('4155550123');
  });
});
