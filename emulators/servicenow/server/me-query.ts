/**
 * ServiceNow evaluates `javascript:gs.getUserID()` in an encoded query as the session user's
 * sys_id (what the "is (dynamic) Me" filters use); the stand-in substitutes it before querying.
 */
const ME = /javascript:\s*gs\.getUserID\(\)/g;

export function resolveMe(query: string, userSysId: string): string {
  return query.replace(ME, userSysId);
}
