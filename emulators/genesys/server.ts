/**
 * Wires one emulator instance: HTTP (Platform API, OAuth, control API, pages) and the streaming
 * WebSocket on a single loopback port. `startGenesysEmulator({ port: 0 })` picks a free port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { CallManager } from './calls/manager';
import { consolePage } from './console/page';
import { ControlClient } from './control-client';
import { createControlRouter, runControl } from './control/routes';
import { Faults } from './faults';
import { serveHarness } from './harness/serve';
import type { Hub, HubOptions } from './hub';
import { ChromiumMediaPeers } from './media/chromium-peer';
import { NullMediaPeers } from './media/null-peer';
import type { MediaPeerFactory } from './media/peer';
import { PEER_PAGE_HTML, PEER_PAGE_PATH } from './media/peer-page';
import { handleOAuth } from './oauth/routes';
import { OAuthStore } from './oauth/store';
import { RequestLog } from './request-log';
import { API_PREFIX, createApiRouter, handleApi } from './rest/api';
import { corsHeaders, parseBody, readBody, send } from './rest/http';
import { seedDirectory } from './state';
import { TokenStore } from './tokens';
import { Streaming } from './xmpp/streaming';

export interface GenesysEmulatorOptions extends Partial<HubOptions> {
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * The far-end media: `chromium` launches a headless Chromium on first call (default), a
   * `browserContext` borrows one (a page is opened in it), `none` has no media at all.
   */
  media?: 'chromium' | 'none' | { browserContext: BrowserContext };
}

export interface GenesysEmulator {
  /** http://127.0.0.1:PORT, the SDK's `environment`. */
  url: string;
  /** ws://127.0.0.1:PORT, the SDK's `wsHost`. */
  wsUrl: string;
  port: number;
  control: ControlClient;
  hub: Hub;
  close(): Promise<void>;
}

const DEFAULTS: HubOptions = {
  serverPingIntervalMs: 30_000,
  defaultAlertTimeoutMs: 8_000,
  outboundAnswerDelayMs: 500,
  stunServers: [{ type: 'stun', host: '127.0.0.1', port: 3478, transport: 'udp' }],
  turnServers: [],
  tokenExpiresInSec: 86_400,
};

type MutableHub = { -readonly [K in keyof Hub]: Hub[K] };

function buildHub(opts: GenesysEmulatorOptions): Hub {
  const { media } = opts;
  const hub = { baseUrl: '' } as MutableHub;
  const overrides = Object.fromEntries(
    Object.keys(DEFAULTS).flatMap((k) => {
      const v = (opts as Record<string, unknown>)[k];
      return v === undefined ? [] : [[k, v]];
    }),
  ) as Partial<HubOptions>;
  hub.options = { ...DEFAULTS, ...overrides };
  hub.dir = seedDirectory();
  hub.tokens = new TokenStore();
  for (const u of hub.dir.users.values()) {
    hub.tokens.add({
      token: u.demoToken,
      userId: u.id,
      orgId: u.orgId,
      expiresAt: null,
      source: 'demo',
    });
  }
  hub.faults = new Faults();
  hub.log = new RequestLog();
  hub.oauth = new OAuthStore();
  hub.streaming = new Streaming(hub);
  hub.calls = new CallManager(hub);
  let peers: MediaPeerFactory;
  if (media === 'none') {
    peers = new NullMediaPeers();
  } else if (media && typeof media === 'object') {
    peers = new ChromiumMediaPeers(() => hub.baseUrl, media.browserContext);
  } else {
    peers = new ChromiumMediaPeers(() => hub.baseUrl);
  }
  hub.media = peers;
  return hub;
}

async function dispatch(
  hub: Hub,
  routers: Routers,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, corsHeaders(req));
    res.end();
    return;
  }
  if (url.pathname.startsWith(`${API_PREFIX}/`)) {
    return handleApi(hub, routers.api, req, res);
  }
  if (url.pathname.startsWith('/oauth/') && (await handleOAuth(hub, req, res))) {
    return;
  }
  if (method === 'GET' && url.pathname === PEER_PAGE_PATH) {
    return send(res, req, {
      status: 200,
      text: PEER_PAGE_HTML,
      contentType: 'text/html; charset=utf-8',
    });
  }
  if (url.pathname.startsWith('/_emulator/harness/')) {
    return serveHarness(req, res, url.pathname);
  }
  if (url.pathname.startsWith('/_emulator/')) {
    const raw = await readBody(req);
    const reply = await runControl(routers.control, {
      method,
      path: url.pathname.slice('/_emulator'.length),
      query: url.searchParams,
      headers: req.headers,
      params: {},
      body: parseBody(raw, req.headers['content-type']),
      rawBody: raw,
    });
    if (method !== 'GET') {
      hub.log.add({
        t: Date.now(),
        kind: 'control',
        method,
        path: url.pathname,
        status: reply.status,
      });
    }
    return send(res, req, reply);
  }
  if (method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
    return send(res, req, {
      status: 200,
      text: consolePage(),
      contentType: 'text/html; charset=utf-8',
    });
  }
  send(res, req, { status: 404, body: { message: 'not found', status: 404 } });
}

interface Routers {
  api: ReturnType<typeof createApiRouter>;
  control: ReturnType<typeof createControlRouter>;
}

export async function startGenesysEmulator(
  opts: GenesysEmulatorOptions = {},
): Promise<GenesysEmulator> {
  const hub = buildHub(opts);
  const routers: Routers = { api: createApiRouter(hub), control: createControlRouter(hub) };
  const server = createServer((req, res) => {
    dispatch(hub, routers, req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        send(res, req, { status: 500, body: { message: String(err), status: 500 } });
      }
    });
  });
  server.on('upgrade', (req, socket, head) => hub.streaming.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  (hub as MutableHub).baseUrl = url;
  let closed: Promise<void> | undefined;
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    hub,
    control: new ControlClient(url),
    close() {
      closed ??= (async () => {
        hub.calls.close();
        hub.streaming.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await hub.media.close();
      })();
      return closed;
    },
  };
}
