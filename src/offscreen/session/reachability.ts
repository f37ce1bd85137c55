/**
 * The reachability probes the session machine asks for while signalling is down. Neither sends
 * credentials nor reads anything.
 * - An http(s) URL (the Platform API): one small request. Any answer, even 401 or 404, means the
 *   service can be reached (opaque `no-cors` answers count); a network error or a timeout means
 *   it cannot.
 * - A ws(s) URL (the streaming host): one WebSocket upgrade, closed as soon as it opens. Opened
 *   means the endpoint accepts connections (the server may close it at once: still reachable); an
 *   upgrade answered with an HTTP error (503 while the service is down) fails at once with
 *   `error` + `close`, and no answer within the timeout counts as unreachable too.
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<unknown>;

/** The part of a WebSocket the probe uses. */
export type ProbeSocket = Pick<WebSocket, 'onopen' | 'onerror' | 'onclose' | 'close'>;

export type SocketFactory = (url: string) => ProbeSocket;

const browserSocket: SocketFactory = (url) => new WebSocket(url, 'xmpp');

function offline(): boolean {
  return typeof navigator !== 'undefined' && !navigator.onLine;
}

export async function isReachable(
  url: string,
  timeoutMs: number,
  fetchFn: FetchLike = (u, init) => fetch(u, init),
  openSocket: SocketFactory = browserSocket,
): Promise<boolean> {
  if (offline()) {
    return false;
  }
  if (/^wss?:\/\//i.test(url)) {
    return opens(url, timeoutMs, openSocket);
  }
  try {
    await fetchFn(url, {
      method: 'HEAD',
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}

/** Whether a WebSocket to `url` opens within `timeoutMs`; the socket is always closed. */
export function opens(url: string, timeoutMs: number, openSocket: SocketFactory): Promise<boolean> {
  return new Promise((resolve) => {
    let socket: ProbeSocket;
    try {
      socket = openSocket(url);
    } catch {
      resolve(false);
      return;
    }
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      socket.onopen = socket.onerror = socket.onclose = null;
      try {
        socket.close(1000);
      } catch {
        // Already closed.
      }
      resolve(ok);
    };
    const timer = setTimeout(() => {
      settle(false);
    }, timeoutMs);
    socket.onopen = () => {
      settle(true);
    };
    socket.onerror = () => {
      settle(false);
    };
    socket.onclose = () => {
      settle(false);
    };
  });
}
