/**
 * The reachability probe the session machine asks for while signalling is down: one small HTTP
 * request to the environment's Platform API. Any answer, even 401 or 404, means the service can be
 * reached (opaque `no-cors` answers count); a network error or a timeout means it cannot. It sends
 * no credentials and reads nothing.
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<unknown>;

export async function isReachable(
  url: string,
  timeoutMs: number,
  fetchFn: FetchLike = (u, init) => fetch(u, init),
): Promise<boolean> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    return false;
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
