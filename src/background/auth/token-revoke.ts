/**
 * Revokes the current access token at Genesys Cloud (`DELETE /api/v2/tokens/me`). Best effort:
 * it is bounded and never throws, so a failure to revoke never keeps the local sign-in alive.
 */
export type FetchLike = (url: string, init: RequestInit) => Promise<{ status: number }>;

export type RevokeOutcome =
  { revoked: true } | { revoked: false; reason: 'refused' | 'unreachable'; status?: number };

export const REVOKE_TIMEOUT_MS = 5_000;

export async function revokeToken(
  apiBase: string,
  accessToken: string,
  fetchImpl: FetchLike,
  timeoutMs = REVOKE_TIMEOUT_MS,
): Promise<RevokeOutcome> {
  try {
    const response = await fetchImpl(`${apiBase.replace(/\/+$/, '')}/api/v2/tokens/me`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    // 401: the token no longer authenticates, which is what revoking wants.
    if ((response.status >= 200 && response.status < 300) || response.status === 401) {
      return { revoked: true };
    }
    return { revoked: false, reason: 'refused', status: response.status };
  } catch {
    return { revoked: false, reason: 'unreachable' };
  }
}
