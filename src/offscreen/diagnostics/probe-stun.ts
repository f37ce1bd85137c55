/**
 * Step 4, direct path: a peer connection with only the discovered STUN servers gathers candidates;
 * a server-reflexive one proves UDP reaches the STUN server and back. Chromium drops a reflexive
 * address equal to a host address (no NAT) and completes gathering only once every STUN server
 * answered or timed out (about 40 s, then error 701): gathering complete within the wait and with
 * no STUN error also proves the server answered. The step stops waiting after a few seconds.
 */
import type { StepResult } from '../../shared/diagnostics';
import type { CheckEnv } from './check-env';
import { watchPeer } from './peer-watch';

export const STUN_TIMEOUT_MS = 5_000;

export async function probeStun(
  env: CheckEnv,
  servers: RTCIceServer[],
): Promise<StepResult<'stun'>> {
  const started = env.now();
  if (servers.length === 0) {
    return {
      id: 'stun',
      status: 'failed',
      durationMs: 0,
      metrics: { srflx: 0 },
      error: 'No STUN server was offered (relay only)',
    };
  }
  const pc = env.peerConnection({ iceServers: servers, iceTransportPolicy: 'all' });
  const watch = watchPeer(pc, env.now);
  const srflx = () => watch.candidates.filter((c) => c.type === 'srflx');
  let complete: boolean;
  let settledAt: number;
  try {
    pc.createDataChannel('check');
    await pc.setLocalDescription(await pc.createOffer());
    await watch.until(
      () => srflx().length > 0 || pc.iceGatheringState === 'complete',
      STUN_TIMEOUT_MS,
    );
    complete = pc.iceGatheringState === 'complete';
    settledAt = env.now();
  } finally {
    watch.stop();
    pc.close();
  }
  const found = srflx();
  const first = found[0];
  const answered = complete && watch.errorCodes.length === 0;
  const ok = found.length > 0 || answered;
  return {
    id: 'stun',
    status: ok ? 'ok' : 'failed',
    durationMs: Math.round(env.now() - started),
    metrics: {
      srflx: found.length,
      ...(watch.errorCodes.length > 0 && { errorCodes: [...watch.errorCodes] }),
      ...((first !== undefined || answered) && {
        gatherMs: Math.round((first?.at ?? settledAt) - started),
      }),
    },
    ...(!ok && { error: `No server-reflexive candidate within ${String(STUN_TIMEOUT_MS)} ms` }),
  };
}
