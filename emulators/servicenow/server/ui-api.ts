/**
 * `/api/now/ui/…`: the data the Workspace page itself loads (lists and records with display
 * values and related lists). Same session check as the Table API, but no injected latency or
 * faults, so the page never disturbs what tests measure on the Table API.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SnRecord } from '../store/table-store';
import { TABLES, fieldLabel, isTableName, type TableDef, type TableName } from '../store/tables';
import { authenticate } from './auth';
import type { StandInContext } from './context';
import { sendJson, sendSnError } from './http-util';
import { referenceMap } from './references';

export const UI_API_PREFIX = '/api/now/ui/';

export interface TableView extends Omit<TableDef, 'defaults'> {
  labels: Record<string, string>;
}

export function tableView(table: TableName): TableView {
  const { name, label, plural, displayField, listColumns, formFields, phoneFields } = TABLES[table];
  const def = { name, label, plural, displayField, listColumns, formFields, phoneFields };
  const fields = new Set([...def.listColumns, ...def.formFields, ...def.phoneFields]);
  return { ...def, labels: Object.fromEntries([...fields].map((f) => [f, fieldLabel(f)])) };
}

const DEFAULT_ORDER: Record<TableName, string> = {
  sys_user: 'ORDERBYname',
  customer_contact: 'ORDERBYname',
  incident: 'ORDERBYDESCopened_at',
  interaction: 'ORDERBYDESCsys_created_on',
  awa_presence_state: 'ORDERBYname',
  awa_agent_presence: 'ORDERBYagent',
};

function list(ctx: StandInContext, table: TableName, query: string, limit = 50) {
  const { records } = ctx.store.query(table, { query: `${query}^${DEFAULT_ORDER[table]}`, limit });
  return { table: tableView(table), records, references: referenceMap(ctx.store, records) };
}

function related(ctx: StandInContext, table: TableName, record: SnRecord) {
  const id = record['sys_id'] ?? '';
  if (table === 'customer_contact' || table === 'sys_user') {
    return [
      { title: 'Incidents', ...list(ctx, 'incident', `caller_id=${id}`) },
      { title: 'Interactions', ...list(ctx, 'interaction', `contact=${id}^ORopened_for=${id}`) },
    ];
  }
  return [];
}

export function handleUiApi(
  ctx: StandInContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  if (!authenticate(ctx.sessions, req)) {
    return sendSnError(res, 401, 'User Not Authenticated', 'Required to provide Auth information');
  }
  const [kind, table = '', sysId] = url.pathname.slice(UI_API_PREFIX.length).split('/');
  if (req.method !== 'GET') {
    return sendSnError(res, 405, 'Method not Supported', null);
  }
  if (!isTableName(table)) {
    return sendSnError(res, 400, `Invalid table ${table}`, null);
  }
  if (kind === 'list') {
    return sendJson(res, 200, {
      result: list(ctx, table, url.searchParams.get('sysparm_query') ?? ''),
    });
  }
  const record = kind === 'record' && sysId ? ctx.store.get(table, sysId) : undefined;
  if (!record) {
    return sendSnError(res, 404, 'No Record found', null);
  }
  sendJson(res, 200, {
    result: {
      table: tableView(table),
      record,
      references: referenceMap(ctx.store, [record]),
      related: related(ctx, table, record),
    },
  });
}
