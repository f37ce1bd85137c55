/**
 * Where to send the agent in ServiceNow: a record, or a new record with prefilled fields, in the
 * same UI as the page the agent is on. Workspace pages (`/now/workspace/agent/…`,
 * `/now/cwf/agent/…`) get workspace routes under the same prefix; anything else gets classic
 * UI16 forms (`/<table>.do?sys_id=…`).
 *
 * New records: classic `/<table>.do?sys_id=-1&sysparm_query=<q>`; workspace
 * `<prefix>/record/<table>/-1?query=<q>`, where <q> is an encoded query of `field=value` pairs
 * joined with ^ (values neutralised like any other query value).
 */
import { allOf, assertTableName, SYS_ID } from './encoded-query';

export type PageKind = { kind: 'workspace'; prefix: string } | { kind: 'classic' };

const WORKSPACE = /^\/now\/(?:workspace|cwf)\/agent(?=\/|$)/;

export function pageKind(pageUrl: string | URL): PageKind {
  const { pathname } = new URL(pageUrl);
  const match = WORKSPACE.exec(pathname);
  return match ? { kind: 'workspace', prefix: match[0] } : { kind: 'classic' };
}

function checkSysId(sysId: string): string {
  if (!SYS_ID.test(sysId)) {
    throw new TypeError(`Not a sys_id: ${JSON.stringify(sysId)}`);
  }
  return sysId;
}

/** Absolute URL of a record, on the page's own origin. */
export function recordUrl(pageUrl: string | URL, table: string, sysId: string): string {
  const page = new URL(pageUrl);
  const safeTable = assertTableName(table);
  const id = checkSysId(sysId);
  const kind = pageKind(page);
  const path =
    kind.kind === 'workspace'
      ? `${kind.prefix}/record/${safeTable}/${id}`
      : `/${safeTable}.do?sys_id=${id}`;
  return new URL(path, page.origin).href;
}

/** Absolute URL of a new, prefilled record form, on the page's own origin. */
export function newRecordUrl(
  pageUrl: string | URL,
  table: string,
  fields: Readonly<Record<string, string>>,
): string {
  const page = new URL(pageUrl);
  const safeTable = assertTableName(table);
  const query = allOf(Object.entries(fields).map(([field, value]) => ({ field, value })));
  const kind = pageKind(page);
  const url =
    kind.kind === 'workspace'
      ? new URL(`${kind.prefix}/record/${safeTable}/-1`, page.origin)
      : new URL(`/${safeTable}.do`, page.origin);
  if (kind.kind === 'classic') {
    url.searchParams.set('sys_id', '-1');
  }
  if (query !== '') {
    url.searchParams.set(kind.kind === 'workspace' ? 'query' : 'sysparm_query', query);
  }
  return url.href;
}
