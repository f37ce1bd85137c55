/** Lets control requests name users and orgs by id, login (`agent1`), username or org name. */
import type { Directory, Org, User } from '../state';

export function resolveUser(dir: Directory, ref: string): User | undefined {
  const r = ref.toLowerCase();
  for (const u of dir.users.values()) {
    if (
      u.id === ref ||
      u.username.toLowerCase() === r ||
      u.username.split('@')[0]?.toLowerCase() === r
    ) {
      return u;
    }
  }
  return undefined;
}

export function resolveOrg(dir: Directory, ref: string): Org | undefined {
  const r = ref.toLowerCase();
  for (const o of dir.orgs.values()) {
    if (o.id === ref || o.name.toLowerCase() === r || o.thirdPartyOrgName === r) {
      return o;
    }
  }
  return undefined;
}
