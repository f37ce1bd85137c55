/**
 * The record a screen pop opened, read back from its URL: Workspace
 * `/now/<app>/record/<table>/<sys_id>` or classic `/<table>.do?sys_id=<sys_id>`. Anything else is
 * not a record (null). Only names and ids that look like ServiceNow's are accepted.
 */

const TABLE = /^[a-z][a-z0-9_]{0,79}$/;
const SYS_ID = /^[0-9a-f]{32}$/;

export interface MatchedRecord {
  table: string;
  sysId: string;
}

export function matchedRecordOf(url: string): MatchedRecord | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const workspace = /\/record\/([^/]+)\/([^/?#]+)/.exec(parsed.pathname);
  const classic = /^\/([^/]+)\.do$/.exec(parsed.pathname);
  const table = workspace?.[1] ?? classic?.[1];
  const sysId = workspace?.[2] ?? (classic ? parsed.searchParams.get('sys_id') : null);
  if (table === undefined || sysId == null) {
    return null;
  }
  return TABLE.test(table) && SYS_ID.test(sysId) ? { table, sysId } : null;
}
