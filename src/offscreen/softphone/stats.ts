/**
 * RTCPeerConnection.getStats() → MediaStats. Pure: takes the report's entries as plain objects,
 * so it runs in node tests. Audio only; numbers are passed on raw (ms for time), scoring is done
 * by the diagnostics module.
 */
import type { CandidateType, MediaStats } from './softphone-port';

type Entry = Record<string, unknown>;

function num(entry: Entry | undefined, key: string): number | undefined {
  const value = entry?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function str(entry: Entry | undefined, key: string): string | undefined {
  const value = entry?.[key];
  return typeof value === 'string' ? value : undefined;
}

const CANDIDATE_TYPES = new Set(['host', 'srflx', 'prflx', 'relay']);

function candidateType(entry: Entry | undefined): CandidateType | undefined {
  const type = str(entry, 'candidateType');
  return type !== undefined && CANDIDATE_TYPES.has(type) ? (type as CandidateType) : undefined;
}

const ms = (seconds: number | undefined) =>
  seconds === undefined ? undefined : Math.round(seconds * 10_000) / 10;

function isAudio(entry: Entry): boolean {
  return (str(entry, 'kind') ?? str(entry, 'mediaType') ?? 'audio') === 'audio';
}

function selectedPair(byId: Map<string, Entry>, all: Entry[]): Entry | undefined {
  const transport = all.find((e) => e['type'] === 'transport' && str(e, 'selectedCandidatePairId'));
  const viaTransport = byId.get(str(transport, 'selectedCandidatePairId') ?? '');
  if (viaTransport !== undefined) {
    return viaTransport;
  }
  const pairs = all.filter((e) => e['type'] === 'candidate-pair');
  return (
    pairs.find((p) => p['selected'] === true) ??
    pairs.find((p) => p['nominated'] === true && p['state'] === 'succeeded')
  );
}

export interface StatsContext {
  conversationId: string;
  at: number;
  iceState: string;
  connectionState: string;
}

export function parseStats(entries: Iterable<unknown>, context: StatsContext): MediaStats {
  const all = [...entries].filter((e): e is Entry => typeof e === 'object' && e !== null);
  const byId = new Map(all.map((e) => [String(e['id']), e]));
  const first = (type: string) => all.find((e) => e['type'] === type && isAudio(e));
  const inbound = first('inbound-rtp');
  const outbound = first('outbound-rtp');
  const remoteInbound = first('remote-inbound-rtp');
  const pair = selectedPair(byId, all);
  const local = byId.get(str(pair, 'localCandidateId') ?? '');
  const remote = byId.get(str(pair, 'remoteCandidateId') ?? '');
  const codec = byId.get(str(inbound, 'codecId') ?? str(outbound, 'codecId') ?? '');
  const localType = candidateType(local);
  const remoteType = candidateType(remote);
  const out: MediaStats = {
    conversationId: context.conversationId,
    at: context.at,
    bytesSent: num(outbound, 'bytesSent') ?? 0,
    bytesReceived: num(inbound, 'bytesReceived') ?? 0,
    packetsSent: num(outbound, 'packetsSent') ?? 0,
    packetsReceived: num(inbound, 'packetsReceived') ?? 0,
    packetsLost: num(inbound, 'packetsLost') ?? 0,
    iceState: context.iceState,
    connectionState: context.connectionState,
  };
  const optional: { [K in keyof MediaStats]?: MediaStats[K] | undefined } = {
    codec: str(codec, 'mimeType')
      ?.replace(/^audio\//i, '')
      .toLowerCase(),
    fractionLost: num(remoteInbound, 'fractionLost'),
    jitterMs: ms(num(inbound, 'jitter')),
    rttMs: ms(num(pair, 'currentRoundTripTime') ?? num(remoteInbound, 'roundTripTime')),
    audioLevel: num(inbound, 'audioLevel'),
    localCandidateType: localType,
    remoteCandidateType: remoteType,
    relayed:
      localType === undefined && remoteType === undefined
        ? undefined
        : localType === 'relay' || remoteType === 'relay',
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) {
      Object.assign(out, { [key]: value });
    }
  }
  return out;
}
