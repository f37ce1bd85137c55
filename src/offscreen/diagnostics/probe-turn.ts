/**
 * Step 5, relayed path: two relay-only peer connections allocate on the discovered TURN servers and
 * connect to each other through them, which needs an allocation (401: credentials refused) and a
 * permission for the peer (403: refused by policy). Chromium prunes a pair whose CreatePermission
 * was refused without an icecandidateerror, so a relay that allocated but whose pairs were dropped
 * before any check was sent is reported as the 403 it is.
 */
import type { RelayProtocol, StepResult } from '../../shared/diagnostics';
import type { CheckEnv } from './check-env';
import { watchPeer, type PeerWatch } from './peer-watch';

export const TURN_TIMEOUT_MS = 6_000;

type Stat = Record<string, unknown>;

const RELAY_PROTOCOLS: readonly string[] = ['udp', 'tcp', 'tls'];

export interface RelayEvidence {
  relayProtocols: RelayProtocol[];
  /** Candidate pairs of the offering side, and how many connectivity checks they sent. */
  pairs: { state: string; requestsSent: number }[];
}

/** Reads relay protocols and pair states from getStats() entries (pure). */
export function relayEvidence(stats: readonly Stat[]): RelayEvidence {
  const protocols = new Set<RelayProtocol>();
  const pairs: RelayEvidence['pairs'] = [];
  for (const s of stats) {
    if (s['type'] === 'local-candidate' && s['candidateType'] === 'relay') {
      const protocol = s['relayProtocol'];
      if (typeof protocol === 'string' && RELAY_PROTOCOLS.includes(protocol)) {
        protocols.add(protocol as RelayProtocol);
      }
    }
    if (s['type'] === 'candidate-pair') {
      const sent = s['requestsSent'];
      pairs.push({
        state: typeof s['state'] === 'string' ? s['state'] : 'unknown',
        requestsSent: typeof sent === 'number' ? sent : 0,
      });
    }
  }
  return { relayProtocols: [...protocols].sort(), pairs };
}

const isUp = (pc: RTCPeerConnection) =>
  pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed';

async function connectPair(a: RTCPeerConnection, b: RTCPeerConnection): Promise<void> {
  a.addEventListener('icecandidate', (e) => {
    if (e.candidate) {
      void b.addIceCandidate(e.candidate).catch(() => undefined);
    }
  });
  b.addEventListener('icecandidate', (e) => {
    if (e.candidate) {
      void a.addIceCandidate(e.candidate).catch(() => undefined);
    }
  });
  a.createDataChannel('check');
  await a.setLocalDescription(await a.createOffer());
  if (a.localDescription) {
    await b.setRemoteDescription(a.localDescription);
  }
  await b.setLocalDescription(await b.createAnswer());
  if (b.localDescription) {
    await a.setRemoteDescription(b.localDescription);
  }
}

const relays = (w: PeerWatch) => w.candidates.filter((c) => c.type === 'relay');

export async function probeTurn(
  env: CheckEnv,
  servers: RTCIceServer[],
): Promise<StepResult<'turn'>> {
  const started = env.now();
  if (servers.length === 0) {
    return {
      id: 'turn',
      status: 'failed',
      durationMs: 0,
      metrics: {},
      error: 'No TURN server was offered',
    };
  }
  const config: RTCConfiguration = { iceServers: servers, iceTransportPolicy: 'relay' };
  const a = env.peerConnection(config);
  const b = env.peerConnection(config);
  const wa = watchPeer(a, env.now);
  const wb = watchPeer(b, env.now);
  let stats: Stat[];
  try {
    await connectPair(a, b);
    const settled = () =>
      isUp(a) ||
      a.iceConnectionState === 'failed' ||
      (a.iceConnectionState === 'disconnected' && relays(wb).length > 0);
    await wa.until(settled, TURN_TIMEOUT_MS);
    stats = [...(await a.getStats()).values(), ...(await b.getStats()).values()] as Stat[];
  } finally {
    wa.stop();
    wb.stop();
    a.close();
    b.close();
  }
  const codes = [...new Set([...wa.errorCodes, ...wb.errorCodes])];
  const evidence = relayEvidence(stats);
  const first = relays(wa)[0];
  const metrics = {
    relayProtocols: evidence.relayProtocols,
    errorCodes: codes,
    ...(first !== undefined && { allocateMs: Math.round(first.at - started) }),
  };
  const durationMs = Math.round(env.now() - started);
  if (isUp(a) || evidence.pairs.some((p) => p.state === 'succeeded')) {
    return { id: 'turn', status: 'ok', durationMs, metrics };
  }
  if (first === undefined) {
    const why =
      codes.length > 0
        ? `error ${codes.join(', ')}`
        : `no answer within ${String(TURN_TIMEOUT_MS)} ms`;
    return {
      id: 'turn',
      status: 'failed',
      durationMs,
      metrics,
      error: `No relay allocated (${why})`,
    };
  }
  const pruned = relays(wb).length > 0 && evidence.pairs.every((p) => p.requestsSent === 0);
  if (pruned && !codes.includes(403)) {
    return {
      id: 'turn',
      status: 'failed',
      durationMs,
      metrics: { ...metrics, errorCodes: [...codes, 403] },
      error: 'The relay allocated but refused the permission for the peer (403 Forbidden)',
    };
  }
  return {
    id: 'turn',
    status: 'failed',
    durationMs,
    metrics,
    error: 'The relayed path carried no connectivity checks',
  };
}
