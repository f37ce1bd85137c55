/** Who am I: organizations/me, users/me (+station), users/{id}, stations/{id}. */
import type { Hub } from '../hub';
import { apiError, ok, type Router } from './http';
import { expandOf, orgJson, stationJson, userJson } from './views';

export function registerMeRoutes(router: Router, hub: Hub): void {
  router.add('GET', '/organizations/me', (req) => {
    const org = hub.dir.orgs.get(req.user?.orgId ?? '');
    return org ? ok(orgJson(org)) : apiError(404, 'not.found', 'organization not found');
  });

  router.add('GET', '/users/me', (req) => {
    const user = req.user;
    if (!user) {
      return apiError(401, 'bad.credentials', 'no user');
    }
    return ok(userJson(user, hub.dir.orgs.get(user.orgId), expandOf(req.query)));
  });

  router.add('GET', '/users/:id', (req) => {
    const user = hub.dir.users.get(req.params['id'] ?? '');
    if (!user || user.orgId !== req.user?.orgId) {
      return apiError(404, 'not.found', 'user not found');
    }
    return ok(userJson(user, hub.dir.orgs.get(user.orgId), expandOf(req.query)));
  });

  router.add('GET', '/stations/:id', (req) => {
    const st = hub.dir.stations.get(req.params['id'] ?? '');
    const owner = st ? hub.dir.users.get(st.userId) : undefined;
    if (!st || owner?.orgId !== req.user?.orgId) {
      return apiError(404, 'not.found', 'station not found');
    }
    return ok(stationJson(st));
  });
}
