/**
 * `/api/now/table/<table>[/<sys_id>]`: GET (list or one), POST, PUT/PATCH, DELETE, answered
 * like a ServiceNow instance. Order of checks: authentication (401) → cross-origin write (403) →
 * injected faults (429/5xx/403) → injected latency on GETs → table name (400) → the operation.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { RequestEntry } from '../control/control-schema';
import { recordValuesSchema } from '../control/control-schema';
import type { QueryOptions } from '../store/table-store';
import { isTableName, type TableName } from '../store/tables';
import { authenticate, isCrossOriginWrite } from './auth';
import { resolveMe } from './me-query';
import type { StandInContext } from './context';
import { BodyError, readJson, sendJson, sendSnError } from './http-util';

export const TABLE_API_PREFIX = '/api/now/table/';
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function intParam(value: string | null, min: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) {
    return undefined;
  }
  const n = Number(value);
  return n >= min ? n : undefined;
}

export function queryOptions(params: URLSearchParams): QueryOptions {
  const fields = (params.get('sysparm_fields') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return {
    query: params.get('sysparm_query') ?? '',
    limit: intParam(params.get('sysparm_limit'), 1) ?? 10000,
    offset: intParam(params.get('sysparm_offset'), 0) ?? 0,
    ...(fields.length > 0 ? { fields } : {}),
  };
}

async function readValues(req: IncomingMessage, res: ServerResponse) {
  try {
    const parsed = recordValuesSchema.safeParse(await readJson(req));
    if (parsed.success) {
      return parsed.data;
    }
    sendSnError(
      res,
      400,
      'Exception while reading request',
      'The payload is not a JSON object of field values',
    );
  } catch (err) {
    const detail = err instanceof BodyError ? err.message : 'Could not read the request';
    sendSnError(res, 400, 'Exception while reading request', detail);
  }
  return undefined;
}

async function operate(
  ctx: StandInContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  table: TableName,
  sysId: string | undefined,
  actor: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const notFound = (): void =>
    sendSnError(
      res,
      404,
      'No Record found',
      "Record doesn't exist or ACL restricts the record retrieval",
    );
  if (method === 'GET' && sysId === undefined) {
    const { records, total } = ctx.store.query(table, queryOptions(url.searchParams));
    sendJson(res, 200, { result: records }, { 'X-Total-Count': total });
  } else if (method === 'GET' && sysId !== undefined) {
    const record = ctx.store.get(table, sysId);
    const fields = queryOptions(url.searchParams).fields;
    if (!record) {
      notFound();
    } else {
      const shown = fields
        ? Object.fromEntries(fields.flatMap((f) => (f in record ? [[f, record[f]]] : [])))
        : record;
      sendJson(res, 200, { result: shown });
    }
  } else if (method === 'POST' && sysId === undefined) {
    const values = await readValues(req, res);
    if (values) {
      const record = ctx.store.insert(table, values, actor);
      sendJson(
        res,
        201,
        { result: record },
        { Location: `${url.origin}${TABLE_API_PREFIX}${table}/${record['sys_id']}` },
      );
    }
  } else if ((method === 'PUT' || method === 'PATCH') && sysId !== undefined) {
    const values = await readValues(req, res);
    if (values) {
      const record = ctx.store.update(table, sysId, values, actor);
      return record ? sendJson(res, 200, { result: record }) : notFound();
    }
  } else if (method === 'DELETE' && sysId !== undefined) {
    if (ctx.store.remove(table, sysId)) {
      res.writeHead(204).end();
    } else {
      notFound();
    }
  } else {
    sendSnError(res, 405, 'Method not Supported', `${method} is not supported for this resource`);
  }
}

export async function handleTableApi(
  ctx: StandInContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  entry: RequestEntry,
): Promise<void> {
  const [table = '', sysId, ...extra] = url.pathname.slice(TABLE_API_PREFIX.length).split('/');
  const method = req.method ?? 'GET';
  entry.table = table || null;
  const session = authenticate(ctx.sessions, req);
  if (!session) {
    return sendSnError(res, 401, 'User Not Authenticated', 'Required to provide Auth information');
  }
  if (isCrossOriginWrite(req)) {
    return sendSnError(
      res,
      403,
      'Cross-origin request rejected',
      'The request did not come from this instance',
    );
  }
  if (!METHODS.has(method) || extra.length > 0) {
    return sendSnError(
      res,
      405,
      'Method not Supported',
      `${method} ${url.pathname} is not supported`,
    );
  }
  const fault = ctx.faults.check(table, method);
  if (fault) {
    const headers =
      fault.retryAfterSec === undefined ? {} : { 'Retry-After': String(fault.retryAfterSec) };
    return sendSnError(res, fault.status, fault.message, fault.detail, headers);
  }
  if (method === 'GET' && ctx.faults.latencyMs > 0) {
    entry.latencyMs = ctx.faults.latencyMs;
    try {
      await delay(ctx.faults.latencyMs, undefined, { signal: ctx.signal });
    } catch {
      return; // the server is closing
    }
  }
  if (!isTableName(table)) {
    return sendSnError(res, 400, `Invalid table ${table}`, null);
  }
  const id = sysId === '' ? undefined : sysId;
  const query = url.searchParams.get('sysparm_query');
  if (query !== null) {
    url.searchParams.set('sysparm_query', resolveMe(query, session.userSysId));
  }
  await operate(ctx, req, res, url, table, id, session.userName);
}
