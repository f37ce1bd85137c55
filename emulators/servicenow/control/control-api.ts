/**
 * The control API under `/_sn/…` that tests, benchmarks and the demo use to inject behaviour and
 * inspect state. Plain JSON; never logged in the request log; no session needed.
 *
 *   GET    /_sn/state                  latency, active faults, session count
 *   PUT    /_sn/latency     {ms}       Table API GET latency
 *   POST   /_sn/faults      FaultSpec  add a fault        DELETE /_sn/faults   clear faults
 *   GET    /_sn/requests?kind&table&method&sinceSeq       DELETE /_sn/requests clear the log
 *   GET    /_sn/records/<table>?sysparm_query=…           POST   /_sn/records/<table> insert
 *   POST   /_sn/reset       {scope}    all (records, faults, latency, log) | records | faults | log | sessions
 *   POST   /_sn/sessions               open a session: {cookie, token}   DELETE: expire all sessions
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { StandInContext } from '../server/context';
import { readJson, sendJson } from '../server/http-util';
import { SESSION_COOKIE } from '../server/sessions';
import { isTableName } from '../store/tables';
import {
  faultSpecSchema,
  latencyBodySchema,
  recordValuesSchema,
  requestFilterSchema,
  resetBodySchema,
  type ResetScope,
} from './control-schema';

export const CONTROL_PREFIX = '/_sn/';

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function body<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.output<T>> {
  const parsed = schema.safeParse(await readJson(req).catch(() => undefined));
  if (!parsed.success) {
    throw new ControlError(400, `Invalid body: ${parsed.error.message}`);
  }
  return parsed.data;
}

function reset(ctx: StandInContext, scope: ResetScope): void {
  const all = scope === 'all';
  if (all || scope === 'records') {
    ctx.store.reset();
  }
  if (all || scope === 'faults') {
    ctx.faults.clear();
  }
  if (all) {
    ctx.faults.latencyMs = ctx.defaultLatencyMs;
  }
  if (all || scope === 'log') {
    ctx.log.clear();
  }
  if (scope === 'sessions') {
    ctx.sessions.clear();
  }
}

async function route(ctx: StandInContext, req: IncomingMessage, url: URL): Promise<unknown> {
  const [resource = '', arg] = url.pathname.slice(CONTROL_PREFIX.length).split('/');
  const key = `${req.method ?? 'GET'} ${resource}`;
  switch (key) {
    case 'GET state':
      return {
        latencyMs: ctx.faults.latencyMs,
        faults: ctx.faults.list(),
        sessions: ctx.sessions.size,
      };
    case 'PUT latency':
      ctx.faults.latencyMs = (await body(req, latencyBodySchema)).ms;
      return { latencyMs: ctx.faults.latencyMs };
    case 'POST faults':
      return { fault: ctx.faults.add(await body(req, faultSpecSchema)) };
    case 'DELETE faults':
      ctx.faults.clear();
      return {};
    case 'GET requests': {
      const filter = requestFilterSchema.parse(Object.fromEntries(url.searchParams));
      const requests = ctx.log.list(filter);
      return { requests, counts: ctx.log.counts(requests) };
    }
    case 'DELETE requests':
      ctx.log.clear();
      return {};
    case 'POST reset':
      reset(ctx, (await body(req, resetBodySchema)).scope);
      return {};
    case 'POST sessions': {
      const session = ctx.sessions.create();
      return {
        cookie: `${SESSION_COOKIE}=${session.id}`,
        token: session.token,
        userSysId: session.userSysId,
      };
    }
    case 'DELETE sessions':
      ctx.sessions.clear();
      return {};
  }
  if (resource === 'records' && arg !== undefined && isTableName(arg)) {
    if (req.method === 'GET') {
      const query = url.searchParams.get('sysparm_query') ?? '';
      return { records: ctx.store.query(arg, { query }).records };
    }
    if (req.method === 'POST') {
      return {
        record: ctx.store.insert(arg, await body(req, recordValuesSchema), ctx.agent.userName),
      };
    }
  }
  throw new ControlError(404, `No control route ${key}${arg === undefined ? '' : `/${arg}`}`);
}

export async function handleControl(
  ctx: StandInContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  try {
    sendJson(res, 200, await route(ctx, req, url));
  } catch (err) {
    const status = err instanceof ControlError ? err.status : 500;
    sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
  }
}
