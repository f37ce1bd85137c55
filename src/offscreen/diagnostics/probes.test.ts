/** The network probes of the check against a fake browser: hosts, the raw socket, discovery. */
import { describe, expect, it } from 'vitest';
import { connectivityVerdict } from '../../shared/diagnostics';
import type { CheckEnv, SocketLike } from './check-env';
import { endpointsFor } from './endpoints';
import { probeHosts } from './probe-hosts';
import { splitServers } from './probe-ice-servers';
import { probeWebsocket } from './probe-websocket';
import { relayEvidence } from './probe-turn';

type SocketScript = 'open' | 'refuse' | 'hang';

function fakeEnv(options: {
  unreachable?: string[];
  channelStatus?: number;
  socket?: SocketScript;
}): CheckEnv & { sockets: string[]; requests: { url: string; init?: RequestInit }[] } {
  const sockets: string[] = [];
  const requests: { url: string; init?: RequestInit }[] = [];
  return {
    sockets,
    requests,
    fetch: (url, init) => {
      requests.push({ url, ...(init && { init }) });
      if (options.unreachable?.some((host) => url.includes(host))) {
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      const status = url.includes('/notifications/channels') ? (options.channelStatus ?? 200) : 200;
      return Promise.resolve({
        ok: status < 400,
        status,
        json: () => Promise.resolve({ id: 'chan-1' }),
      });
    },
    openSocket: (url) => {
      sockets.push(url);
      const socket: SocketLike = {
        readyState: 0,
        onopen: null,
        onclose: null,
        onerror: null,
        close: () => undefined,
      };
      setTimeout(() => {
        if (options.socket === 'open') {
          socket.onopen?.({});
        }
        if (options.socket === 'refuse') {
          socket.onclose?.({ code: 1006 });
        }
      }, 5);
      return socket;
    },
    peerConnection: () => {
      throw new Error('not used');
    },
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
}

const endpoints = endpointsFor({ sdkEnvironment: 'mypurecloud.ie' });

describe('endpoints', () => {
  it('derives the region hosts and honours a streaming override', () => {
    expect(endpoints).toEqual({
      environment: 'mypurecloud.ie',
      api: 'https://api.mypurecloud.ie',
      login: 'https://login.mypurecloud.ie',
      streaming: 'wss://streaming.mypurecloud.ie',
    });
    expect(
      endpointsFor({ sdkEnvironment: 'http://127.0.0.1:9', wsHost: 'ws://127.0.0.1:9/' }).streaming,
    ).toBe('ws://127.0.0.1:9');
  });
});

describe('hosts probe', () => {
  it('reaches api, login and streaming and reports each', async () => {
    const env = fakeEnv({});
    const result = await probeHosts(env, endpoints);
    expect(result.status).toBe('ok');
    expect(result.metrics?.hosts?.map((h) => `${h.role}:${h.host}`)).toEqual([
      'api:api.mypurecloud.ie',
      'login:login.mypurecloud.ie',
      'streaming:streaming.mypurecloud.ie',
    ]);
    expect(
      env.requests.every((r) => r.init?.mode === 'no-cors' && r.init.credentials === 'omit'),
    ).toBe(true);
  });

  it('fails naming the unreachable host', async () => {
    const result = await probeHosts(fakeEnv({ unreachable: ['login.'] }), endpoints);
    expect(result.status).toBe('failed');
    expect(result.metrics?.hosts?.find((h) => !h.ok)).toMatchObject({
      role: 'login',
      error: 'Failed to fetch',
    });
  });
});

describe('websocket probe', () => {
  const live = (rtt: number | Error) => ({
    ping: () => (rtt instanceof Error ? Promise.reject(rtt) : Promise.resolve(rtt)),
  });

  it('opens a socket on a fresh channel and times an XMPP ping', async () => {
    const env = fakeEnv({ socket: 'open' });
    const result = await probeWebsocket(env, endpoints, 'tok', live(42.4));
    expect(env.sockets).toEqual(['wss://streaming.mypurecloud.ie/stream/channels/chan-1']);
    expect(env.requests[0]?.init?.headers).toMatchObject({ authorization: 'Bearer tok' });
    expect(result).toMatchObject({ status: 'ok', metrics: { opened: true, pingRttMs: 42 } });
  });

  it('tells a refused socket (blocked) from an open one whose ping times out (signalling)', async () => {
    const refused = await probeWebsocket(fakeEnv({ socket: 'refuse' }), endpoints, 't', live(40));
    expect(refused.metrics).toMatchObject({ opened: false, closeCode: 1006 });
    const silent = await probeWebsocket(
      fakeEnv({ socket: 'open' }),
      endpoints,
      't',
      live(Object.assign(new Error('XMPP ping timed out'), { name: 'TimeoutError' })),
    );
    expect(silent).toMatchObject({ status: 'failed', metrics: { opened: true, timedOut: true } });
    const verdict = (ws: typeof refused) =>
      connectivityVerdict({ 'dns-tls': { id: 'dns-tls', status: 'ok' }, websocket: ws }).kind;
    expect(verdict(refused)).toBe('websocket-blocked');
    expect(verdict(silent)).toBe('signalling-timeout');
  });

  it('reports the HTTP status when the channel request is refused', async () => {
    const result = await probeWebsocket(fakeEnv({ channelStatus: 401 }), endpoints, 't', live(40));
    expect(result).toMatchObject({ status: 'failed', metrics: { httpStatus: 401 } });
  });
});

describe('ICE server helpers', () => {
  it('splits discovered servers and keeps TURN credentials with TURN URLs only', () => {
    expect(
      splitServers([
        { urls: ['stun:a:3478'] },
        { urls: ['turn:a:3478', 'turn:a:3478?transport=tcp'], username: 'u', credential: 'c' },
      ]),
    ).toEqual({
      stun: [{ urls: ['stun:a:3478'] }],
      turn: [
        { urls: ['turn:a:3478', 'turn:a:3478?transport=tcp'], username: 'u', credential: 'c' },
      ],
    });
  });

  it('reads relay protocols and pair states from getStats entries', () => {
    expect(
      relayEvidence([
        { type: 'local-candidate', candidateType: 'relay', relayProtocol: 'tcp' },
        { type: 'local-candidate', candidateType: 'relay', relayProtocol: 'udp' },
        { type: 'local-candidate', candidateType: 'host' },
        { type: 'candidate-pair', state: 'succeeded', requestsSent: 2 },
      ]),
    ).toEqual({ relayProtocols: ['tcp', 'udp'], pairs: [{ state: 'succeeded', requestsSent: 2 }] });
  });
});
