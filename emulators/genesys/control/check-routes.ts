/**
 * Control routes for connectivity checks: the STUN and TURN servers that XEP-0215 discovery offers
 * (e.g. a local coturn), and the live access tokens of a user (so a test can prove a support
 * bundle never contains them).
 */
import type { Hub } from '../hub';
import { ok, type Router } from '../rest/http';
import type { IceService } from '../xmpp/stanzas';
import { body, userResolver } from './common';
import * as S from './schemas';

/** Drops the keys zod left undefined (IceService has exact optional properties). */
function clean(list: readonly object[]): IceService[] {
  return list.map(
    (s) =>
      Object.fromEntries(
        Object.entries(s).filter(([, v]) => v !== undefined),
      ) as unknown as IceService,
  );
}

export function registerCheckRoutes(r: Router, hub: Hub): void {
  const user = userResolver(hub);
  const view = () => ({ stun: hub.options.stunServers, turn: hub.options.turnServers });
  r.add('GET', '/ice-servers', () => ok(view()));
  r.add('POST', '/ice-servers', (req) => {
    const b = body(S.IceServers, req);
    if (b.stun) {
      hub.options.stunServers = clean(b.stun);
    }
    if (b.turn) {
      hub.options.turnServers = clean(b.turn);
    }
    return ok(view());
  });
  r.add('GET', '/tokens', (req) => {
    const ref = req.query.get('user');
    const uid = ref ? user(ref).id : undefined;
    return ok(
      hub.tokens.live(uid).map(({ token, source, expiresAt }) => ({ token, source, expiresAt })),
    );
  });
}
