/** Control routes that administer: tokens, station settings, OAuth clients and settings. */
import { newId } from '../ids';
import type { Hub } from '../hub';
import { ok, type Router } from '../rest/http';
import { stationJson } from '../rest/views';
import { body, ControlError, userResolver } from './common';
import { resolveOrg, resolveUser } from './resolve';
import * as S from './schemas';

export function registerAdminRoutes(r: Router, hub: Hub): void {
  const user = userResolver(hub);
  r.add('POST', '/tokens', (req) => {
    const b = body(S.IssueToken, req);
    const u = user(b.user);
    const t = hub.tokens.issue(
      u.id,
      u.orgId,
      b.expiresInSec !== undefined ? { expiresInSec: b.expiresInSec } : {},
    );
    return ok({ token: t.token, userId: u.id, expiresAt: t.expiresAt }, 201);
  });
  r.add('POST', '/tokens/expire', (req) =>
    ok({ found: hub.tokens.expire(body(S.TokenRef, req).token) }),
  );
  r.add('POST', '/tokens/revoke', (req) =>
    ok({ found: hub.tokens.revoke(body(S.TokenRef, req).token) }),
  );
  r.add('POST', '/tokens/revoke-user', (req) =>
    ok({
      revoked: hub.tokens.revokeUser(user(body(S.IssueToken.pick({ user: true }), req).user).id),
    }),
  );

  r.add('PATCH', '/stations/:id', (req) => {
    const st =
      hub.dir.stations.get(req.params['id'] ?? '') ??
      hub.dir.stations.get(resolveUser(hub.dir, req.params['id'] ?? '')?.stationId ?? '');
    if (!st) {
      throw new ControlError(404, 'unknown station');
    }
    Object.assign(
      st,
      Object.fromEntries(
        Object.entries(body(S.StationPatch, req)).filter(([, v]) => v !== undefined),
      ),
    );
    return ok(stationJson(st));
  });

  r.add('POST', '/oauth/clients', (req) => {
    const b = body(S.OAuthClientBody, req);
    const org = resolveOrg(hub.dir, b.org);
    if (!org) {
      throw new ControlError(404, `unknown org ${b.org}`);
    }
    return ok(
      hub.oauth.register({
        clientId: b.clientId ?? newId(),
        orgId: org.id,
        name: b.name ?? 'Switchboard',
        redirectUris: b.redirectUris,
        refreshTokens: b.refreshTokens ?? false,
      }),
      201,
    );
  });
  r.add('POST', '/oauth/auto-approve', (req) => {
    const b = body(S.AutoApprove, req);
    hub.oauth.autoApproveUserId = b.user === null ? null : user(b.user).id;
    return ok({ autoApproveUserId: hub.oauth.autoApproveUserId });
  });
  // One-shot: the next approval redirects with a forged state or a code already redeemed.
  r.add('POST', '/oauth/redirect-fault', (req) => {
    hub.oauth.redirectFault = body(S.RedirectFault, req).kind;
    return ok({ redirectFault: hub.oauth.redirectFault });
  });
  r.add('POST', '/oauth/settings', (req) => {
    hub.options.tokenExpiresInSec = body(S.OAuthSettings, req).tokenExpiresInSec;
    return ok({ tokenExpiresInSec: hub.options.tokenExpiresInSec });
  });
}
