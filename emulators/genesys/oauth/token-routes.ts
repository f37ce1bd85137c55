/**
 * Token self-service on the Platform API: `DELETE /api/v2/tokens/me` revokes the token the request
 * carries (Genesys Cloud answers 204; the token stops working on REST at once).
 */
import type { Hub } from '../hub';
import { apiError, type Router } from '../rest/http';

export function registerTokenRoutes(router: Router, hub: Hub): void {
  router.add('DELETE', '/tokens/me', (req) => {
    if (!req.token) {
      return apiError(401, 'bad.credentials', 'no token');
    }
    hub.tokens.revoke(req.token.token);
    return { status: 204 };
  });
}

/** A token's short, stable reference for the request log (never the whole token). */
export function tokenRef(token: string): string {
  return token.slice(-10);
}
