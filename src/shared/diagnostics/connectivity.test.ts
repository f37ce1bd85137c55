import { describe, expect, it } from 'vitest';
import {
  blockedBy,
  CONNECTIVITY_STEPS,
  nextStep,
  resolveSteps,
  type StepResults,
} from './connectivity-steps';
import { connectivityVerdict } from './connectivity';

const HOSTS = [
  { host: 'api.mypurecloud.com', role: 'api', ok: true, ms: 80 },
  { host: 'login.mypurecloud.com', role: 'login', ok: true, ms: 75 },
  { host: 'streaming.mypurecloud.com', role: 'streaming', ok: true, ms: 90 },
] as const;

/** Every step passing with ordinary numbers; cases override one step at a time. */
function healthy(): StepResults {
  return {
    'dns-tls': { id: 'dns-tls', status: 'ok', metrics: { hosts: [...HOSTS] } },
    websocket: {
      id: 'websocket',
      status: 'ok',
      metrics: { opened: true, connectMs: 120, pingRttMs: 60 },
    },
    'ice-servers': { id: 'ice-servers', status: 'ok', metrics: { stun: 1, turn: 2 } },
    stun: { id: 'stun', status: 'ok', metrics: { srflx: 1 } },
    turn: { id: 'turn', status: 'ok', metrics: { relayProtocols: ['udp', 'tls'] } },
    media: {
      id: 'media',
      status: 'ok',
      metrics: { packetsReceived: 250, packetsSent: 250, rttMs: 70, path: 'direct' },
    },
  };
}

describe('step model', () => {
  it('orders six steps with their dependencies and i18n keys', () => {
    expect(CONNECTIVITY_STEPS.map((s) => s.id)).toEqual([
      'dns-tls',
      'websocket',
      'ice-servers',
      'stun',
      'turn',
      'media',
    ]);
    expect(CONNECTIVITY_STEPS.map((s) => s.labelKey)).toContain('check_step_ice_servers');
  });

  it.each([
    [{}, 'dns-tls'],
    [{ 'dns-tls': { id: 'dns-tls', status: 'ok' } }, 'websocket'],
    [{ 'dns-tls': { id: 'dns-tls', status: 'failed' } }, 'websocket'],
    [healthy(), null],
  ] as [StepResults, string | null][])('nextStep %#', (results, expected) => {
    expect(nextStep(results)).toBe(expected);
  });

  it('media waits until both stun and turn are settled', () => {
    const r = healthy();
    delete r.turn;
    delete r.media;
    expect(nextStep(r)).toBe('turn');
  });

  it('a failed step skips its dependents, naming the cause', () => {
    const r = healthy();
    r.websocket = { id: 'websocket', status: 'failed' };
    const steps = resolveSteps(r);
    expect(steps.map((s) => [s.id, s.status, s.skippedBecause])).toEqual([
      ['dns-tls', 'ok', undefined],
      ['websocket', 'failed', undefined],
      ['ice-servers', 'skipped', 'websocket'],
      ['stun', 'skipped', 'ice-servers'],
      ['turn', 'skipped', 'ice-servers'],
      ['media', 'skipped', 'ice-servers'],
    ]);
  });

  it('media needs stun OR turn', () => {
    const r = healthy();
    r.stun = { id: 'stun', status: 'failed' };
    expect(blockedBy('media', r)).toBeUndefined();
    r.turn = { id: 'turn', status: 'failed' };
    expect(blockedBy('media', r)).toBe('stun');
    expect(resolveSteps(r)[5]).toMatchObject({ status: 'skipped', skippedBecause: 'stun' });
  });
});

describe('connectivityVerdict', () => {
  const cases: {
    name: string;
    change: (r: StepResults) => void;
    kind: string;
    severity: string;
    layer: string | null;
    detail?: RegExp;
  }[] = [
    {
      name: 'healthy',
      change: () => undefined,
      kind: 'all-good',
      severity: 'ok',
      layer: null,
      detail: /XMPP ping 60 ms, media round trip 70 ms, path direct/,
    },
    {
      name: 'DNS/TLS failure',
      change: (r) => {
        r['dns-tls'] = {
          id: 'dns-tls',
          status: 'failed',
          metrics: { hosts: [{ ...HOSTS[0], ok: false, error: 'ERR_NAME_NOT_RESOLVED' }] },
        };
      },
      kind: 'network-unreachable',
      severity: 'error',
      layer: 'network',
      detail: /api\.mypurecloud\.com \(api: ERR_NAME_NOT_RESOLVED\)/,
    },
    {
      name: 'WebSocket refused',
      change: (r) => {
        r.websocket = {
          id: 'websocket',
          status: 'failed',
          metrics: { opened: false, closeCode: 1006 },
        };
      },
      kind: 'websocket-blocked',
      severity: 'error',
      layer: 'network',
      detail: /close code 1006/,
    },
    {
      name: 'WebSocket opens, ping unanswered',
      change: (r) => {
        r.websocket = {
          id: 'websocket',
          status: 'failed',
          metrics: { opened: true, connectMs: 140, timedOut: true },
        };
      },
      kind: 'signalling-timeout',
      severity: 'error',
      layer: 'signalling',
      detail: /opened in 140 ms/,
    },
    {
      name: 'channel 401',
      change: (r) => {
        r.websocket = { id: 'websocket', status: 'failed', metrics: { httpStatus: 401 } };
      },
      kind: 'auth-failed',
      severity: 'error',
      layer: 'auth',
    },
    {
      name: 'discovery timeout',
      change: (r) => {
        r['ice-servers'] = { id: 'ice-servers', status: 'failed', metrics: { timedOut: true } };
      },
      kind: 'signalling-timeout',
      severity: 'error',
      layer: 'signalling',
    },
    {
      name: 'no ICE servers',
      change: (r) => {
        r['ice-servers'] = { id: 'ice-servers', status: 'failed', metrics: { stun: 0, turn: 0 } };
      },
      kind: 'ice-servers-missing',
      severity: 'error',
      layer: 'ice',
    },
    {
      name: 'TURN 403 with a direct path',
      change: (r) => {
        r.turn = { id: 'turn', status: 'failed', metrics: { errorCodes: [403] } };
      },
      kind: 'turn-permission-refused',
      severity: 'warning',
      layer: 'turn',
      detail: /TURN error codes: 403/,
    },
    {
      name: 'TURN 403 without a direct path',
      change: (r) => {
        r.stun = { id: 'stun', status: 'failed', metrics: { srflx: 0, errorCodes: [701] } };
        r.turn = { id: 'turn', status: 'failed', metrics: { errorCodes: [403] } };
      },
      kind: 'turn-permission-refused',
      severity: 'error',
      layer: 'turn',
    },
    {
      name: 'TURN 401',
      change: (r) => {
        r.turn = { id: 'turn', status: 'failed', metrics: { errorCodes: [401] } };
      },
      kind: 'turn-credentials-rejected',
      severity: 'warning',
      layer: 'turn',
    },
    {
      name: 'TURN 701, direct works',
      change: (r) => {
        r.turn = { id: 'turn', status: 'failed', metrics: { errorCodes: [701] } };
      },
      kind: 'turn-unreachable',
      severity: 'warning',
      layer: 'turn',
    },
    {
      name: 'UDP black hole, TURN 701',
      change: (r) => {
        r.stun = { id: 'stun', status: 'failed', metrics: { errorCodes: [701] } };
        r.turn = { id: 'turn', status: 'failed', metrics: { errorCodes: [701] } };
      },
      kind: 'no-media-path',
      severity: 'error',
      layer: 'ice',
    },
    {
      name: 'UDP blocked, relay over TLS',
      change: (r) => {
        r.stun = { id: 'stun', status: 'failed', metrics: { srflx: 0, errorCodes: [701] } };
        r.turn = { id: 'turn', status: 'ok', metrics: { relayProtocols: ['tls'] } };
      },
      kind: 'udp-blocked',
      severity: 'warning',
      layer: 'ice',
      detail: /relay allocated over TLS/,
    },
    {
      name: 'no srflx but UDP relay',
      change: (r) => {
        r.stun = { id: 'stun', status: 'failed' };
      },
      kind: 'relay-only',
      severity: 'warning',
      layer: 'ice',
    },
    {
      name: 'RTP not moving',
      change: (r) => {
        r.media = {
          id: 'media',
          status: 'failed',
          metrics: { packetsReceived: 0, packetsSent: 120, path: 'relay' },
        };
      },
      kind: 'media-not-flowing',
      severity: 'error',
      layer: 'media',
      detail: /received 0, sent 120 over a relay path/,
    },
    {
      name: 'slow XMPP ping',
      change: (r) => {
        r.websocket = { id: 'websocket', status: 'ok', metrics: { opened: true, pingRttMs: 420 } };
      },
      kind: 'high-latency',
      severity: 'warning',
      layer: 'network',
      detail: /XMPP ping 420 ms, media round trip 70 ms \(limit 250 ms\)/,
    },
    {
      name: 'one host unreachable but the step passed',
      change: (r) => {
        r['dns-tls'] = {
          id: 'dns-tls',
          status: 'ok',
          metrics: { hosts: [HOSTS[0], { ...HOSTS[1], ok: false }] },
        };
      },
      kind: 'network-unreachable',
      severity: 'warning',
      layer: 'network',
      detail: /login\.mypurecloud\.com \(login\)/,
    },
  ];

  it.each(cases)('$name → $kind', ({ change, kind, severity, layer, detail }) => {
    const r = healthy();
    change(r);
    const v = connectivityVerdict(r);
    expect(v).toMatchObject({ kind, severity, layer, ok: severity !== 'error' });
    expect(v.title).toMatch(/\S/);
    expect(v.remedy).toMatch(/\S/);
    expect(v.steps).toHaveLength(6);
    if (detail !== undefined) {
      expect(v.detail).toMatch(detail);
    }
  });

  it('uses the plain words agents and IT expect', () => {
    const title = (change: (r: StepResults) => void) => {
      const r = healthy();
      change(r);
      return connectivityVerdict(r).title;
    };
    expect(title(() => undefined)).toBe('All good');
    expect(
      title(
        (r) => (r.websocket = { id: 'websocket', status: 'failed', metrics: { opened: false } }),
      ),
    ).toBe('Firewall or proxy blocks WebSocket');
    expect(
      title((r) => (r.turn = { id: 'turn', status: 'failed', metrics: { errorCodes: [403] } })),
    ).toBe('TURN permission refused');
  });

  it('reports the first broken layer and keeps the rest as secondary findings', () => {
    const r = healthy();
    r.stun = { id: 'stun', status: 'failed', metrics: { errorCodes: [701] } };
    r.turn = { id: 'turn', status: 'ok', metrics: { relayProtocols: ['tls'] } };
    r.media = {
      id: 'media',
      status: 'ok',
      metrics: { packetsReceived: 200, packetsSent: 200, rttMs: 380, path: 'relay' },
    };
    const v = connectivityVerdict(r);
    expect([v.kind, ...v.also.map((f) => f.kind)]).toEqual(['udp-blocked', 'high-latency']);
    expect(v.also[0]?.step).toBe('media');
  });

  it('an error outranks an earlier warning', () => {
    const r = healthy();
    r.turn = { id: 'turn', status: 'failed', metrics: { errorCodes: [403] } };
    r.media = { id: 'media', status: 'failed', metrics: { packetsReceived: 0 } };
    const v = connectivityVerdict(r);
    expect(v.kind).toBe('media-not-flowing');
    expect(v.also.map((f) => f.kind)).toEqual(['turn-permission-refused']);
  });

  it('mentions when the High-latency profile is already on, and honours the limit', () => {
    const r = healthy();
    r.websocket = { id: 'websocket', status: 'ok', metrics: { pingRttMs: 300 } };
    expect(connectivityVerdict(r, { profile: 'high-latency' }).detail).toMatch(/already on/);
    expect(connectivityVerdict(r, { highLatencyMs: 400 }).kind).toBe('all-good');
  });

  it('lists steps that did not run, and reports a check that never started', () => {
    const r = healthy();
    delete r.media;
    expect(connectivityVerdict(r).detail).toMatch(/Not run: media\./);
    expect(connectivityVerdict({})).toMatchObject({ kind: 'incomplete', ok: false });
  });
});
