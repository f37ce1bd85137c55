/**
 * Dispatches every request: control API (not logged), Table API, Workspace data API, pages.
 * Logs each non-control request with its final status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_PREFIX, handleControl } from '../control/control-api';
import type { RequestKind } from '../control/control-schema';
import { handlePage, isAssetPath } from '../pages/page-routes';
import type { StandInContext } from './context';
import { queryObject, sendSnError } from './http-util';
import { TABLE_API_PREFIX, handleTableApi } from './table-api';
import { UI_API_PREFIX, handleUiApi } from './ui-api';

function kindOf(path: string): RequestKind {
  if (path.startsWith(TABLE_API_PREFIX)) {
    return 'table';
  }
  if (path.startsWith(UI_API_PREFIX)) {
    return 'ui';
  }
  if (isAssetPath(path)) {
    return 'asset';
  }
  return path === '/' || path.startsWith('/now/') || path.endsWith('.do') ? 'page' : 'other';
}

async function dispatch(
  ctx: StandInContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname;
  if (path.startsWith(CONTROL_PREFIX)) {
    return handleControl(ctx, req, res, url);
  }
  const kind = kindOf(path);
  const entry = ctx.log.start({
    kind,
    method: req.method ?? 'GET',
    path,
    query: queryObject(url),
    table: null,
  });
  res.on('close', () => ctx.log.finish(entry, res.writableFinished ? res.statusCode : 0));
  if (kind === 'table') {
    return handleTableApi(ctx, req, res, url, entry);
  }
  if (kind === 'ui') {
    return handleUiApi(ctx, req, res, url);
  }
  if (path.startsWith('/api/')) {
    return sendSnError(res, 400, 'Requested URI does not represent any resource', path);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendSnError(res, 405, 'Method not Supported', null);
  }
  return handlePage(ctx, req, res, url);
}

export function createRequestHandler(ctx: StandInContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    dispatch(ctx, req, res, url).catch((err: unknown) => {
      if (!res.headersSent) {
        sendSnError(res, 500, 'Internal Server Error', err instanceof Error ? err.message : null);
      } else {
        res.destroy();
      }
    });
  };
}
