/**
 * Levers on the streaming client that SDK 9.2.4 does not expose: a fast ("soft") reconnect that
 * keeps the SDK instance and live call media, one XMPP ping, the backoff memory, and a hard stop.
 *
 * How the soft reconnect works (streaming-client 17.2.7 client.js, stanza 12.20.0):
 * - Live stream: `activeStanzaInstance.transport.disconnect(false)` closes the socket at once;
 *   stanza emits `disconnected`, the client emits `disconnected {reconnecting:true}` and calls
 *   `connect({keepTryingOnFailure:true})` itself (same channel, no REST, SDP sessions survive).
 *   That connect() waits `max(remembered, 2000)` ms before its FIRST attempt because
 *   `delayFirstAttempt = hasMadeInitialAttempt`. Clearing the `sc_connectionData_*` key alone
 *   only brings the wait down to the 2 s floor; resetting `hasMadeInitialAttempt` to false first
 *   makes the first attempt immediate (later attempts still back off 2, 4, 8… s).
 * - No stream (the client is sleeping in its backoff): the sleep is a private setTimeout inside
 *   exponential-backoff and connect() refuses to run twice ("Already trying to connect"), so we
 *   run `makeConnectionAttempt()` directly. The backoff loop looks that method up on the
 *   instance before every attempt, so a guard installed on the instance makes attempts
 *   single-flight and turns the loop's next attempt into a no-op once we are connected.
 * Trade-offs: both paths bypass Genesys's reconnect herd protection, so callers should gate
 * them on evidence the service is reachable; an attempt already in flight is joined, not
 * duplicated (it may take up to the client's 15 s attempt timeout); all of it depends on private
 * fields, pinned to the versions above.
 */
import { bounded } from './bounded';
import { sendsLiveAudio } from './devices';
import type { MediaSession, StreamingClient } from './sdk-internals';
import { SoftphoneError, toSoftphoneError } from './softphone-error';
import type { SignallingHealth } from './softphone-port';

export const BACKOFF_KEY_PREFIX = 'sc_connectionData_';
const WS_OPEN = 1;

/** Removes every `sc_connectionData_*` key and the client's pending backoff-reduction timer. */
export function clearBackoffMemory(storage: Storage | undefined, client?: StreamingClient): number {
  if (client?.backoffReductionTimer !== undefined) {
    clearTimeout(client.backoffReductionTimer);
  }
  if (storage === undefined) {
    return 0;
  }
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(BACKOFF_KEY_PREFIX)) {
      keys.push(key);
    }
  }
  keys.forEach((key) => storage.removeItem(key));
  return keys.length;
}

export interface ConnectGuard {
  /** One connection attempt now (joins one in flight; no-op when connected). */
  attemptNow(): Promise<void>;
  /** Every later attempt fails as fatal, so the client's backoff loop ends. */
  halt(): void;
}

const guards = new WeakMap<StreamingClient, ConnectGuard>();

/** A failure shaped so the client's retry handler treats it as fatal (401) and stops retrying. */
function haltedError(): Error {
  return Object.assign(new Error('Streaming client stopped by the softphone'), {
    name: 'AxiosError',
    response: { status: 401 },
  });
}

export function installConnectGuard(client: StreamingClient): ConnectGuard {
  const existing = guards.get(client);
  if (existing !== undefined) {
    return existing;
  }
  const original = client.makeConnectionAttempt.bind(client);
  let inflight: Promise<void> | undefined;
  let halted = false;
  const attempt = (): Promise<void> => {
    if (halted) {
      return Promise.reject(haltedError());
    }
    if (client.connected && client.activeStanzaInstance !== undefined) {
      return Promise.resolve();
    }
    inflight ??= original().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
  client.makeConnectionAttempt = attempt;
  const guard: ConnectGuard = {
    attemptNow: attempt,
    halt: () => {
      halted = true;
    },
  };
  guards.set(client, guard);
  return guard;
}

/** Resolves on the client's next `connected`, rejects after `ms` or when `abort` is called. */
function nextConnected(client: StreamingClient, ms: number) {
  let abort: (error: unknown) => void = () => undefined;
  let listener: () => void = () => undefined;
  const promise = bounded(
    new Promise<void>((resolve, reject) => {
      listener = resolve;
      abort = reject;
      client.on('connected', listener);
    }),
    ms,
    'Signalling reconnect',
  ).finally(() => client.off('connected', listener));
  return { promise, abort: (error: unknown) => abort(error) };
}

export async function reconnectNow(
  client: StreamingClient,
  options: { timeoutMs: number; storage?: Storage | undefined },
): Promise<void> {
  if (!client.autoReconnect) {
    throw new SoftphoneError('invalid-state', 'The streaming client was disconnected on purpose.');
  }
  const guard = installConnectGuard(client);
  clearBackoffMemory(options.storage, client);
  const connected = nextConnected(client, options.timeoutMs);
  const stanza = client.activeStanzaInstance;
  if (stanza !== undefined) {
    client.hasMadeInitialAttempt = false;
    if (stanza.transport !== undefined) {
      stanza.transport.disconnect(false);
    } else {
      void stanza.disconnect();
    }
  } else {
    guard.attemptNow().catch((error: unknown) => {
      connected.abort(attemptFailure(error));
    });
  }
  await connected.promise;
}

/**
 * A connection attempt that failed was refused or dropped by the streaming endpoint ('network',
 * which the session answers by probing that endpoint), unless credentials were refused.
 */
function attemptFailure(error: unknown): SoftphoneError {
  const e = toSoftphoneError(error);
  if (e.reason === 'auth' || e.reason === 'config') {
    return e;
  }
  const message = e.message !== '' ? e.message : 'The streaming host refused the connection.';
  return new SoftphoneError('network', message, { code: 'network.unreachable', cause: error });
}

/** One XMPP ping through the live stream; the round trip in ms. */
export async function pingOnce(
  client: StreamingClient | undefined,
  timeoutMs: number,
  now: () => number = () => performance.now(),
): Promise<number> {
  const stanza = client?.activeStanzaInstance;
  if (client === undefined || !client.connected || stanza === undefined) {
    throw new SoftphoneError('network', 'Signalling is not connected.');
  }
  const started = now();
  await bounded(stanza.ping(), timeoutMs, 'XMPP ping');
  return Math.round(now() - started);
}

/** Stops every reconnect path and closes the socket; used when destroy() does not finish. */
export function haltStreaming(client: StreamingClient | undefined): void {
  if (client === undefined) {
    return;
  }
  client.autoReconnect = false;
  installConnectGuard(client).halt();
  client.activeStanzaInstance?.transport?.disconnect(false);
}

export function signallingHealth(
  client: StreamingClient | undefined,
  sessions: MediaSession[],
  lastInboundAt: number | undefined,
): SignallingHealth {
  const health: SignallingHealth = {
    connected: client?.connected === true,
    socketOpen: client?.activeStanzaInstance?.transport?.socket?.readyState === WS_OPEN,
    peerConnections: sessions
      .filter((s) => s.conversationId !== undefined)
      .map((s) => ({
        conversationId: s.conversationId ?? '',
        iceState: s.peerConnection.iceConnectionState,
        connectionState: s.peerConnection.connectionState,
        sendingAudio: sendsLiveAudio(s.peerConnection),
      })),
  };
  if (lastInboundAt !== undefined) {
    health.lastInboundAt = lastInboundAt;
  }
  return health;
}
