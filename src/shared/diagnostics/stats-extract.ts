/**
 * Reads one getStats() result (plain report objects, as `[...report.values()]` or an id-keyed
 * record) into the handful of numbers call quality needs: audio RTP counters, jitter, RTT from the
 * selected candidate pair or the far end's report, the codec and relay vs direct path.
 */

export interface RawStat {
  type: string;
  id?: string;
  [key: string]: unknown;
}

export type RawStats = Iterable<RawStat> | Readonly<Record<string, RawStat>>;

export type MediaPath = 'relay' | 'direct';

export interface StatsReading {
  packetsReceived: number;
  packetsLost: number;
  bytesReceived: number;
  packetsSent: number;
  bytesSent: number;
  /** Seconds-based WebRTC values converted to ms; null when the report lacks them. */
  jitterMs: number | null;
  jitterBufferDelayS: number | null;
  jitterBufferEmitted: number | null;
  rttMs: number | null;
  remoteFractionLost: number | null;
  codec: string | null;
  path: MediaPath | null;
  relayProtocol: string | null;
  pairState: string | null;
  selectedPair: SelectedPair | null;
}

export interface SelectedPair {
  state: string | null;
  local: { candidateType: string | null; protocol: string | null; relayProtocol: string | null };
  remote: { candidateType: string | null; protocol: string | null };
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function toList(stats: RawStats): RawStat[] {
  if (Symbol.iterator in stats) {
    return [...(stats as Iterable<RawStat>)];
  }
  return Object.values(stats);
}

function isAudio(stat: RawStat): boolean {
  const kind = stat['kind'] ?? stat['mediaType'];
  return kind === undefined || kind === 'audio';
}

function selectedPair(list: RawStat[], byId: Map<string, RawStat>): RawStat | undefined {
  const transport = list.find((s) => s.type === 'transport' && text(s['selectedCandidatePairId']));
  const viaTransport = byId.get(String(transport?.['selectedCandidatePairId']));
  if (viaTransport !== undefined) {
    return viaTransport;
  }
  const pairs = list.filter((s) => s.type === 'candidate-pair');
  return (
    pairs.find((p) => p['selected'] === true) ??
    pairs.find((p) => p['nominated'] === true && p['state'] === 'succeeded') ??
    pairs.find((p) => p['state'] === 'succeeded')
  );
}

function describePair(pair: RawStat, byId: Map<string, RawStat>): SelectedPair {
  const local = byId.get(String(pair['localCandidateId']));
  const remote = byId.get(String(pair['remoteCandidateId']));
  return {
    state: text(pair['state']),
    local: {
      candidateType: text(local?.['candidateType']),
      protocol: text(local?.['protocol']),
      relayProtocol: text(local?.['relayProtocol']),
    },
    remote: {
      candidateType: text(remote?.['candidateType']),
      protocol: text(remote?.['protocol']),
    },
  };
}

export function readStats(stats: RawStats): StatsReading {
  const list = toList(stats).filter((s) => typeof s === 'object' && typeof s.type === 'string');
  const byId = new Map(list.filter((s) => s.id !== undefined).map((s) => [String(s.id), s]));
  const inbound = list.filter((s) => s.type === 'inbound-rtp' && isAudio(s));
  const outbound = list.filter((s) => s.type === 'outbound-rtp' && isAudio(s));
  const remoteIn = list.find((s) => s.type === 'remote-inbound-rtp' && isAudio(s));
  const sum = (items: RawStat[], key: string) => items.reduce((n, s) => n + (num(s[key]) ?? 0), 0);
  const jitters = inbound.map((s) => num(s['jitter'])).filter((j): j is number => j !== null);
  const pair = selectedPair(list, byId);
  const described = pair === undefined ? null : describePair(pair, byId);
  const pairRtt = num(pair?.['currentRoundTripTime']);
  const remoteRtt = num(remoteIn?.['roundTripTime']);
  const rtt = pairRtt ?? remoteRtt;
  const codecStat =
    byId.get(String(inbound[0]?.['codecId'])) ?? list.find((s) => s.type === 'codec');
  const isRelay =
    described?.local.candidateType === 'relay' || described?.remote.candidateType === 'relay';
  const buffered = inbound.length === 0 ? null : sum(inbound, 'jitterBufferDelay');
  return {
    packetsReceived: sum(inbound, 'packetsReceived'),
    packetsLost: sum(inbound, 'packetsLost'),
    bytesReceived: sum(inbound, 'bytesReceived'),
    packetsSent: sum(outbound, 'packetsSent'),
    bytesSent: sum(outbound, 'bytesSent'),
    jitterMs: jitters.length === 0 ? null : Math.max(...jitters) * 1000,
    jitterBufferDelayS: inbound.some((s) => num(s['jitterBufferDelay']) !== null) ? buffered : null,
    jitterBufferEmitted: inbound.some((s) => num(s['jitterBufferEmittedCount']) !== null)
      ? sum(inbound, 'jitterBufferEmittedCount')
      : null,
    rttMs: rtt === null ? null : rtt * 1000,
    remoteFractionLost: num(remoteIn?.['fractionLost']),
    codec: text(codecStat?.['mimeType']),
    path: described === null ? null : isRelay ? 'relay' : 'direct',
    relayProtocol: isRelay ? described.local.relayProtocol : null,
    pairState: described?.state ?? null,
    selectedPair: described,
  };
}
