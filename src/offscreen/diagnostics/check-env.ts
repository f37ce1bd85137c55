/**
 * The browser facilities the connectivity check uses, injected so the probes run against fakes in
 * unit tests: fetch, WebSocket, RTCPeerConnection, a clock and timers.
 */

export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number): void;
}

export interface CheckEnv {
  fetch: (
    input: string,
    init?: RequestInit,
  ) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;
  openSocket: (url: string, protocol: string) => SocketLike;
  peerConnection: (config: RTCConfiguration) => RTCPeerConnection;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export function browserCheckEnv(): CheckEnv {
  return {
    fetch: (input, init) => fetch(input, init),
    openSocket: (url, protocol) => new WebSocket(url, protocol) as unknown as SocketLike,
    peerConnection: (config) => new RTCPeerConnection(config),
    now: () => performance.timeOrigin + performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** Rejects after `ms` unless `work` settles first; the message names what timed out. */
export function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new CheckTimeout(`${what} took longer than ${ms} ms`)),
      ms,
    );
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export class CheckTimeout extends Error {
  override readonly name = 'TimeoutError';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
