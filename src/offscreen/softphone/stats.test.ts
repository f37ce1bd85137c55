import { describe, expect, it } from 'vitest';
import { parseStats } from './stats';

const CONTEXT = {
  conversationId: 'c1',
  at: 1000,
  iceState: 'connected',
  connectionState: 'connected',
};

const chromeReport = (localType: string, remoteType: string) => [
  { id: 'T01', type: 'transport', selectedCandidatePairId: 'CP1' },
  {
    id: 'CP0',
    type: 'candidate-pair',
    localCandidateId: 'L0',
    remoteCandidateId: 'R0',
    currentRoundTripTime: 9,
  },
  {
    id: 'CP1',
    type: 'candidate-pair',
    localCandidateId: 'L1',
    remoteCandidateId: 'R1',
    currentRoundTripTime: 0.0423,
  },
  { id: 'L0', type: 'local-candidate', candidateType: 'host' },
  { id: 'L1', type: 'local-candidate', candidateType: localType },
  { id: 'R1', type: 'remote-candidate', candidateType: remoteType },
  { id: 'COT', type: 'codec', mimeType: 'audio/opus' },
  {
    id: 'IN',
    type: 'inbound-rtp',
    kind: 'audio',
    codecId: 'COT',
    bytesReceived: 4642,
    packetsReceived: 56,
    packetsLost: 3,
    jitter: 0.0125,
    audioLevel: 0.2,
  },
  { id: 'OUT', type: 'outbound-rtp', kind: 'audio', bytesSent: 2624, packetsSent: 55 },
  { id: 'RIN', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.05, fractionLost: 0.01 },
  { id: 'VIDEO', type: 'inbound-rtp', kind: 'video', bytesReceived: 999_999 },
];

describe('parseStats', () => {
  it('reads counters, timing, codec and the selected candidate pair', () => {
    expect(parseStats(chromeReport('host', 'srflx'), CONTEXT)).toEqual({
      ...CONTEXT,
      codec: 'opus',
      bytesSent: 2624,
      bytesReceived: 4642,
      packetsSent: 55,
      packetsReceived: 56,
      packetsLost: 3,
      fractionLost: 0.01,
      jitterMs: 12.5,
      rttMs: 42.3,
      audioLevel: 0.2,
      localCandidateType: 'host',
      remoteCandidateType: 'srflx',
      relayed: false,
    });
  });

  it.each([
    ['relay', 'host', true],
    ['host', 'relay', true],
    ['srflx', 'prflx', false],
  ])('local %s / remote %s → relayed %s', (local, remote, relayed) => {
    expect(parseStats(chromeReport(local, remote), CONTEXT).relayed).toBe(relayed);
  });

  it('falls back to the nominated pair and the remote RTT when there is no transport entry', () => {
    const report = chromeReport('relay', 'host').filter((e) => e.type !== 'transport');
    const nominated = report.map((e) =>
      e.id === 'CP1'
        ? { ...e, nominated: true, state: 'succeeded', currentRoundTripTime: undefined }
        : e,
    );
    const stats = parseStats(nominated, CONTEXT);
    expect(stats.localCandidateType).toBe('relay');
    expect(stats.rttMs).toBe(50);
  });

  it('returns zeros and no optional fields for an empty report', () => {
    const stats = parseStats(
      [null, 'junk', { type: 'inbound-rtp', kind: 'audio', bytesReceived: 'NaN' }],
      CONTEXT,
    );
    expect(stats).toEqual({
      ...CONTEXT,
      bytesSent: 0,
      bytesReceived: 0,
      packetsSent: 0,
      packetsReceived: 0,
      packetsLost: 0,
    });
  });
});
