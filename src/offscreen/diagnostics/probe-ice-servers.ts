/**
 * Step 3, media server discovery: asks Genesys Cloud for its STUN and TURN servers again through
 * the SDK's streaming connection (XEP-0215) and counts them. The servers (with the TURN
 * credentials) stay in the offscreen document for the next two steps; results carry only counts.
 */
import type { StepResult } from '../../shared/diagnostics';
import type { DiagnosticsAccess, DiscoveredIceServer } from './access';
import { errorText, type CheckEnv } from './check-env';

export const DISCOVERY_TIMEOUT_MS = 8_000;

export interface SplitServers {
  stun: RTCIceServer[];
  turn: RTCIceServer[];
}

const scheme = (url: string) => /^(stuns?|turns?):/i.exec(url)?.[1]?.toLowerCase();

/** One RTCIceServer per scheme family, keeping the credentials with their TURN URLs. */
export function splitServers(servers: readonly DiscoveredIceServer[]): SplitServers {
  const out: SplitServers = { stun: [], turn: [] };
  for (const server of servers) {
    const stun = server.urls.filter((u) => scheme(u)?.startsWith('stun'));
    const turn = server.urls.filter((u) => scheme(u)?.startsWith('turn'));
    if (stun.length > 0) {
      out.stun.push({ urls: stun });
    }
    if (turn.length > 0) {
      out.turn.push({
        urls: turn,
        ...(server.username !== undefined && { username: server.username }),
        ...(server.credential !== undefined && { credential: server.credential }),
      });
    }
  }
  return out;
}

export async function probeIceServers(
  env: CheckEnv,
  access: DiagnosticsAccess,
): Promise<{ result: StepResult<'ice-servers'>; servers: SplitServers }> {
  const started = env.now();
  const durationMs = () => Math.round(env.now() - started);
  try {
    const servers = splitServers(await access.iceServers(true, DISCOVERY_TIMEOUT_MS));
    const stun = servers.stun.reduce((n, s) => n + [s.urls].flat().length, 0);
    const turn = servers.turn.reduce((n, s) => n + [s.urls].flat().length, 0);
    const ok = stun + turn > 0;
    return {
      servers,
      result: {
        id: 'ice-servers',
        status: ok ? 'ok' : 'failed',
        durationMs: durationMs(),
        metrics: { stun, turn },
        ...(!ok && { error: 'Genesys Cloud offered no STUN or TURN server' }),
      },
    };
  } catch (error) {
    const timedOut = /time|within/i.test(errorText(error));
    return {
      servers: { stun: [], turn: [] },
      result: {
        id: 'ice-servers',
        status: 'failed',
        durationMs: durationMs(),
        metrics: { timedOut },
        error: errorText(error),
      },
    };
  }
}
