import { describe, expect, it, vi } from 'vitest';
import type { StepResult } from '../../shared/diagnostics';
import { createLogHub } from '../../shared/logger';
import type { SessionConfig } from '../../shared/protocol/schemas';
import type { CheckEnv } from './check-env';
import { CheckRunner, type Probes } from './check-runner';

const config: SessionConfig = {
  sdkEnvironment: 'http://127.0.0.1:8787',
  accessToken: 'secret-token',
  appVersion: '0.1.0',
  network: { kind: 'high-latency' },
};

const ok = <K extends StepResult['id']>(id: K, metrics: object = {}) =>
  ({ id, status: 'ok', metrics }) as StepResult<K>;

function probes(overrides: Partial<Probes> = {}): Probes {
  return {
    hosts: vi.fn(() => Promise.resolve(ok('dns-tls', { hosts: [] }))),
    websocket: vi.fn(() => Promise.resolve(ok('websocket', { opened: true, pingRttMs: 40 }))),
    iceServers: vi.fn(() =>
      Promise.resolve({
        result: ok('ice-servers', { stun: 1, turn: 1 }),
        servers: { stun: [{ urls: 'stun:x' }], turn: [{ urls: 'turn:x', credential: 'c' }] },
      }),
    ),
    stun: vi.fn(() => Promise.resolve(ok('stun', { srflx: 1 }))),
    turn: vi.fn(() => Promise.resolve(ok('turn', { relayProtocols: ['udp'] }))),
    media: vi.fn(() =>
      Promise.resolve({
        source: 'live-call' as const,
        result: ok('media', { packetsReceived: 90, packetsSent: 90, rttMs: 30 }),
      }),
    ),
    ...overrides,
  };
}

function runner(p: Probes, signedIn = true) {
  const env = { now: () => Date.now() } as unknown as CheckEnv;
  return new CheckRunner({
    env,
    access: {
      sdkVersion: '9.2.4',
      iceServers: () => Promise.resolve([]),
      rawStats: () => Promise.resolve(null),
    },
    live: { ping: () => Promise.resolve(40) },
    calls: {
      liveCall: () => null,
      dial: () => Promise.resolve('c'),
      hangUp: () => Promise.resolve(),
    },
    config: () => (signedIn ? config : null),
    log: createLogHub({ console: null }).createLogger('check'),
    probes: p,
  });
}

describe('CheckRunner', () => {
  it('runs the six steps in order and ends with the verdict and the media source', async () => {
    const p = probes();
    const r = runner(p);
    expect(r.start({}).running).toBe(true);
    await r.settled();
    const { run, running } = r.status();
    expect(running).toBe(false);
    expect(Object.keys(run?.results ?? {})).toEqual([
      'dns-tls',
      'websocket',
      'ice-servers',
      'stun',
      'turn',
      'media',
    ]);
    expect(run?.verdict?.kind).toBe('all-good');
    expect(run?.media).toBe('live-call');
    expect(p.stun).toHaveBeenCalledWith(expect.anything(), [{ urls: 'stun:x' }]);
    expect(p.websocket).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ api: 'http://127.0.0.1:8787', streaming: 'ws://127.0.0.1:8787' }),
      'secret-token',
      expect.anything(),
    );
  });

  it('skips what depends on a failed step and names the failing layer', async () => {
    const p = probes({
      websocket: vi.fn(() =>
        Promise.resolve({
          id: 'websocket',
          status: 'failed',
          metrics: { opened: false, closeCode: 1006 },
        } as StepResult<'websocket'>),
      ),
    });
    const r = runner(p);
    r.start({});
    await r.settled();
    const run = r.status().run;
    expect(run?.results['ice-servers']).toEqual({
      id: 'ice-servers',
      status: 'skipped',
      skippedBecause: 'websocket',
    });
    expect(p.iceServers).not.toHaveBeenCalled();
    expect(p.media).not.toHaveBeenCalled();
    expect(run?.verdict).toMatchObject({ kind: 'websocket-blocked', layer: 'network', ok: false });
  });

  it('turns a probe that throws into a failed step', async () => {
    const r = runner(probes({ hosts: vi.fn(() => Promise.reject(new Error('boom'))) }));
    r.start({});
    await r.settled();
    expect(r.status().run?.results['dns-tls']).toEqual({
      id: 'dns-tls',
      status: 'failed',
      error: 'boom',
    });
  });

  it('runs one check at a time and refuses to run signed out', async () => {
    const p = probes();
    const r = runner(p);
    const first = r.start({ testNumber: '*43' }).run?.id;
    expect(r.start({}).run?.id).toBe(first);
    await r.settled();
    expect(p.hosts).toHaveBeenCalledTimes(1);
    expect(p.media).toHaveBeenCalledWith(
      expect.anything(),
      expect.anything(),
      expect.anything(),
      '*43',
    );
    expect(() => runner(probes(), false).start({})).toThrow(/Sign in/);
  });

  it('advises the High-latency profile only as already on when it is', async () => {
    const r = runner(
      probes({
        websocket: vi.fn(() => Promise.resolve(ok('websocket', { opened: true, pingRttMs: 600 }))),
      }),
    );
    r.start({});
    await r.settled();
    expect(r.status().run?.verdict).toMatchObject({ kind: 'high-latency' });
    expect(r.status().run?.verdict?.detail).toMatch(/600 ms.*already on/);
  });
});
