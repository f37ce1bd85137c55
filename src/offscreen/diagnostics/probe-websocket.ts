/**
 * Step 2, signalling: a fresh notification channel (the REST call the SDK makes), a raw WebSocket
 * opened to it on the streaming host — opened or not tells a blocked path from a slow platform —
 * and an XMPP ping round trip through the live SDK connection.
 */
import type { StepMetrics, StepResult } from '../../shared/diagnostics';
import { CheckTimeout, errorText, within, type CheckEnv } from './check-env';
import type { Endpoints } from './endpoints';

export const SOCKET_TIMEOUT_MS = 5_000;
export const PING_TIMEOUT_MS = 5_000;

type Metrics = StepMetrics['websocket'];

interface Opened {
  opened: boolean;
  connectMs: number;
  timedOut?: boolean;
  closeCode?: number;
}

async function createChannel(env: CheckEnv, endpoints: Endpoints, token: string) {
  const response = await within(
    env.fetch(`${endpoints.api}/api/v2/notifications/channels?connectionType=streaming`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
      cache: 'no-store',
    }),
    SOCKET_TIMEOUT_MS,
    'Creating a notification channel',
  );
  if (!response.ok) {
    return { status: response.status };
  }
  const body = (await response.json()) as { id?: unknown };
  if (typeof body.id !== 'string' || !/^[\w.-]{1,200}$/.test(body.id)) {
    throw new Error('The notification channel answer has no channel id');
  }
  return { id: body.id };
}

export function openRaw(env: CheckEnv, url: string): Promise<Opened> {
  const started = env.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: Omit<Opened, 'connectMs'>) => {
      if (done) {
        return;
      }
      done = true;
      clearTimeout(timer);
      resolve({ ...result, connectMs: Math.round(env.now() - started) });
    };
    const socket = env.openSocket(url, 'xmpp');
    const timer = setTimeout(() => {
      finish({ opened: false, timedOut: true });
      socket.close();
    }, SOCKET_TIMEOUT_MS);
    socket.onopen = () => {
      finish({ opened: true });
      socket.close(1000);
    };
    socket.onclose = (event) => finish({ opened: false, closeCode: event.code });
    socket.onerror = () => undefined; // close follows with the code
  });
}

export interface SignallingProbe {
  /** One XMPP ping through the live connection, in ms. */
  ping(timeoutMs: number): Promise<number>;
}

export async function probeWebsocket(
  env: CheckEnv,
  endpoints: Endpoints,
  token: string,
  live: SignallingProbe,
): Promise<StepResult<'websocket'>> {
  const started = env.now();
  const result = (status: 'ok' | 'failed', metrics: Metrics, error?: string) => ({
    id: 'websocket' as const,
    status,
    durationMs: Math.round(env.now() - started),
    metrics,
    ...(error !== undefined && { error }),
  });
  const pinging = live.ping(PING_TIMEOUT_MS).then(
    (ms) => ({ ms: Math.round(ms) }),
    (error: unknown) => ({ error: errorText(error), timedOut: isTimeout(error) }),
  );
  let channel: { id?: string; status?: number };
  try {
    channel = await createChannel(env, endpoints, token);
  } catch (error) {
    await pinging;
    return result(
      'failed',
      { opened: false, timedOut: error instanceof CheckTimeout },
      errorText(error),
    );
  }
  if (channel.id === undefined) {
    await pinging;
    const status = channel.status ?? 0;
    return result(
      'failed',
      { httpStatus: status },
      `Channel request answered HTTP ${String(status)}`,
    );
  }
  const [socket, ping] = await Promise.all([
    openRaw(env, `${endpoints.streaming}/stream/channels/${channel.id}`),
    pinging,
  ]);
  const metrics: Metrics = {
    opened: socket.opened,
    connectMs: socket.connectMs,
    ...(socket.closeCode !== undefined && { closeCode: socket.closeCode }),
    ...('ms' in ping ? { pingRttMs: ping.ms } : {}),
    ...((socket.timedOut === true || ('timedOut' in ping && ping.timedOut)) && { timedOut: true }),
  };
  if (!socket.opened) {
    return result('failed', metrics, 'The WebSocket to the streaming host did not open');
  }
  if ('error' in ping) {
    return result('failed', metrics, `XMPP ping: ${ping.error}`);
  }
  return result('ok', metrics);
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'TimeoutError' || /time(d)? ?out|timeout/i.test(error.message))
  );
}
