/**
 * Which page answers a URL: the Workspace shell, classic UI16 pages, static assets, `/` → home.
 * Every HTML page opens a session for the seeded agent when the request has none.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StandInContext } from '../server/context';
import { sendText } from '../server/http-util';
import { referenceMap } from '../server/references';
import { setCookieHeader, type AgentSession } from '../server/sessions';
import { isTableName } from '../store/tables';
import { ctiTarget } from './cti';
import { formBody, listBody, messageBody, navToBody } from './classic-pages';
import type { SafeHtml } from './html';
import { renderPage } from './layout';
import { renderWorkspace, workspaceBase } from './workspace-page';

const asset = (name: string): string => readFileSync(new URL(name, import.meta.url), 'utf8');
const ASSETS: Record<string, { type: string; body: string }> = {
  '/uxasset/sn.css': { type: 'text/css; charset=utf-8', body: asset('./sn.css') },
  '/uxasset/workspace-app.js': {
    type: 'text/javascript; charset=utf-8',
    body: asset('./workspace-app.js'),
  },
};

export const isAssetPath = (path: string): boolean => path in ASSETS;

const HOME = '/now/workspace/agent/home';

/** A same-origin path for the nav_to.do frame; anything else falls back to the contact list. */
export function innerUri(raw: string | null, origin: string): string {
  const fallback = '/customer_contact_list.do';
  if (!raw) {
    return fallback;
  }
  try {
    const absolute = /^[a-z][a-z0-9+.-]*:/i.test(raw);
    const url = absolute ? new URL(raw) : new URL(raw.startsWith('/') ? raw : `/${raw}`, origin);
    return url.origin === origin ? url.pathname + url.search : fallback;
  } catch {
    return fallback;
  }
}

function classic(
  ctx: StandInContext,
  url: URL,
  session: AgentSession,
): { status: number; title: string; body: SafeHtml; header: boolean } {
  const path = url.pathname;
  if (path === '/nav_to.do') {
    const uri = innerUri(url.searchParams.get('uri'), url.origin);
    return { status: 200, title: 'ServiceNow', body: navToBody(uri), header: true };
  }
  const list = /^\/([a-z0-9_]+)_list\.do$/.exec(path)?.[1];
  if (list !== undefined && isTableName(list)) {
    const query = url.searchParams.get('sysparm_query') ?? '';
    const { records } = ctx.store.query(list, { query, limit: 100 });
    const body = listBody(list, records, referenceMap(ctx.store, records), query);
    return { status: 200, title: `${list} list`, body, header: false };
  }
  const form = /^\/([a-z0-9_]+)\.do$/.exec(path)?.[1];
  if (form !== undefined && isTableName(form)) {
    const record = ctx.store.get(form, url.searchParams.get('sys_id') ?? '');
    if (!record) {
      return {
        status: 404,
        title: 'Record not found',
        body: messageBody('Record not found', 'The record does not exist.'),
        header: false,
      };
    }
    const body = formBody(form, record, referenceMap(ctx.store, [record]), session.token);
    return { status: 200, title: `${form} record`, body, header: false };
  }
  const body = messageBody('Page not found', `No page at ${path}`);
  return { status: 404, title: 'Not found', body, header: true };
}

/** Answers GET/HEAD for pages and assets. */
export function handlePage(
  ctx: StandInContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const assetFile = ASSETS[url.pathname];
  if (assetFile) {
    return sendText(res, 200, assetFile.type, assetFile.body);
  }
  if (url.pathname === '/cti.do') {
    const target = ctiTarget(ctx.store, url.searchParams.get('sysparm_caller_phone') ?? '');
    res.writeHead(302, { Location: target }).end();
    return;
  }
  if (url.pathname === '/' || url.pathname === '/navpage.do') {
    res.writeHead(302, { Location: HOME }).end();
    return;
  }
  const existing = ctx.sessions.fromRequest(req);
  const session = existing ?? ctx.sessions.create();
  const cookie = existing ? {} : { 'Set-Cookie': setCookieHeader(session) };
  const base = workspaceBase(url.pathname);
  const type = 'text/html; charset=utf-8';
  if (base !== undefined) {
    return sendText(res, 200, type, renderWorkspace(base, session.token, ctx.agent.name), cookie);
  }
  const page = classic(ctx, url, session);
  const htmlText = renderPage({
    title: page.title,
    token: session.token,
    agentName: ctx.agent.name,
    appName: 'Service Management',
    bodyClass: 'sn-body sn-body-classic',
    body: page.body,
    header: page.header,
  });
  sendText(res, page.status, type, htmlText, cookie);
}
