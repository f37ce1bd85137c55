import { afterEach, describe, expect, it, vi } from 'vitest';
import { SoftphoneError } from '../softphone/softphone-error';
import {
  CONFIG,
  connected,
  harness,
  HIGH_LATENCY,
  inCall,
  T0,
  withToken,
} from './supervisor.testkit';

afterEach(() => {
  vi.useRealTimers();
});

describe('Happy path', () => {
  it('starts the softphone once with the configuration and publishes connected', async () => {
    const h = harness();
    h.supervisor.configure(CONFIG);
    expect(h.kind()).toBe('starting');
    await h.flush();
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('start')).toHaveLength(1);
    expect(h.port.config).toMatchObject({
      environment: 'mypurecloud.ie',
      accessToken: 'token-one',
      appName: 'switchboard',
      appVersion: '1.2.3',
      autoAnswerAllowed: false,
      startTimeoutMs: 24_000,
    });
    expect(h.last()?.connection).toMatchObject({ state: 'connected', attempt: 0 });
    expect(h.last()?.networkProfile).toBe('standard');
  });

  it('logs exactly one info line per state change and never the token', async () => {
    const h = await connected();
    h.port.emitDisconnected();
    await h.advance(1_000);
    expect(h.kind()).toBe('connected');
    expect(h.infoLogs()).toEqual([
      'session signed-out → starting on start',
      'session starting → starting on sdk-connected',
      'session starting → connected on sdk-ready',
      'session connected → reconnecting(sdk) on sdk-disconnected',
      'session reconnecting(sdk) → reconnecting(soft #1) on probe-ok',
      expect.stringMatching(
        /^session reconnecting\(soft #1\) → connected on sdk-connected, recovered in \d+ ms$/,
      ),
    ]);
    h.supervisor.configure(withToken('token-two'));
    expect(JSON.stringify(h.logs())).not.toMatch(/token-one|token-two/);
  });

  it('batches a burst of changes into one published view', async () => {
    const h = await connected();
    const before = h.views.length;
    h.port.emitAlerting({ conversationId: 'c1' });
    h.port.emitCallEvent({
      type: 'call-updated',
      call: { conversationId: 'c1', queue: 'Support' },
    });
    await h.flush();
    expect(h.views.length).toBe(before + 1);
    expect(h.last()?.calls[0]).toMatchObject({
      conversationId: 'c1',
      state: 'alerting',
      queue: 'Support',
    });
  });
});

describe('Configuration changes', () => {
  it('a renewed token for the same environment is handed over, never a restart', async () => {
    const h = await connected();
    h.supervisor.configure(withToken('token-two'));
    await h.flush();
    expect(h.port.calls('setAccessToken')).toEqual([['token-two']]);
    expect(h.port.calls('start')).toHaveLength(1);
    expect(h.port.calls('destroy')).toHaveLength(0);
    expect(h.kind()).toBe('connected');
  });

  it.each([
    ['another environment', { sdkEnvironment: 'mypurecloud.de' }],
    ['another sign-in profile', { profileId: 'globex' }],
    ['another streaming host', { wsHost: 'wss://streaming.example.test' }],
  ])('%s is a new session: destroy, forget backoff, start fresh', async (_name, patch) => {
    const h = await connected();
    h.supervisor.configure({ ...CONFIG, ...patch, accessToken: 'token-two' });
    await h.flush();
    const methods = h.port.invocations
      .map((i) => i.method)
      .filter((m) => !['health', 'platformCalls', 'listDevices', 'setDevices'].includes(m));
    expect(methods.slice(-3)).toEqual(['destroy', 'clearBackoffMemory', 'start']);
    expect(h.port.accessToken).toBe('token-two');
    expect(h.kind()).toBe('connected');
  });

  it('signing out stops the softphone and shows signed-out', async () => {
    const h = await connected();
    h.supervisor.configure(null);
    await h.flush();
    expect(h.port.started).toBe(false);
    expect(h.kind()).toBe('signed-out');
    expect(h.last()?.connection.state).toBe('signed-out');
  });

  it('a new network profile applies in place (no restart) and is published', async () => {
    const h = await connected();
    h.supervisor.configure(HIGH_LATENCY);
    await h.flush();
    expect(h.port.calls('start')).toHaveLength(1);
    expect(h.last()?.networkProfile).toBe('high-latency');
  });

  it('an unusable network profile falls back to Standard with a warning', async () => {
    const h = await connected({ ...CONFIG, network: { kind: 'custom', heartbeatIntervalMs: 5 } });
    expect(h.last()?.networkProfile).toBe('standard');
    expect(h.logs().some((e) => e.level === 'warn' && e.msg.includes('Standard'))).toBe(true);
  });
});

describe('Failure case – authentication', () => {
  it('an auth error asks the worker for a token once; the new token restarts the softphone', async () => {
    const h = await connected();
    h.port.emit({ type: 'error', reason: 'auth', code: 'auth.invalid-token', message: '401' });
    h.port.emit({ type: 'error', reason: 'auth', code: 'auth.invalid-token', message: '401' });
    await h.flush();
    expect(h.renewals).toHaveBeenCalledTimes(1);
    expect(h.kind()).toBe('failed');
    expect(h.last()?.connection.error).toEqual({ code: 'auth.invalid-token', message: '401' });
    h.supervisor.configure(withToken('token-two'));
    await h.flush();
    expect(h.port.calls('setAccessToken')).toEqual([['token-two']]);
    expect(h.port.calls('start')).toHaveLength(2);
    expect(h.port.accessToken).toBe('token-two');
    expect(h.kind()).toBe('connected');
  });

  it('a start refused with 401 ends in failed(auth) and a renewal request', async () => {
    const h = harness();
    h.port.failNextStart(
      new SoftphoneError('auth', 'Unauthorized', { code: 'auth.invalid-token' }),
    );
    h.supervisor.configure(CONFIG);
    await h.flush();
    expect(h.kind()).toBe('failed');
    expect(h.renewals).toHaveBeenCalledTimes(1);
  });
});

describe('Failure case – start', () => {
  it('a network failure backs off, then the next attempt connects', async () => {
    const h = harness();
    h.port.failNextStart(
      new SoftphoneError('network', 'Failed to fetch', { code: 'network.unreachable' }),
    );
    h.supervisor.configure(CONFIG);
    await h.flush();
    expect(h.kind()).toBe('backing-off');
    expect(h.last()?.connection.error?.code).toBe('network.unreachable');
    await h.advance(1_000);
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('start')).toHaveLength(2);
  });

  it('a hung start is abandoned at the deadline and its late failure changes nothing', async () => {
    const h = harness();
    h.port.hangStart();
    h.supervisor.configure(CONFIG);
    await h.advance(24_000);
    expect(h.kind()).toBe('backing-off');
    expect(h.port.calls('destroy').length).toBeGreaterThan(0);
    await h.advance(1_000);
    expect(h.kind()).toBe('connected');
    await h.advance(10_000);
    expect(h.kind()).toBe('connected');
  });
});

describe('Edge cases – stale outcomes', () => {
  it('a start that fails after its instance was replaced changes nothing', async () => {
    const h = harness();
    let failFirst: (error: Error) => void = () => undefined;
    const start = h.port.start.bind(h.port);
    vi.spyOn(h.port, 'start')
      .mockImplementationOnce(
        () =>
          new Promise<void>((_resolve, reject) => {
            failFirst = reject;
          }),
      )
      .mockImplementation(start);
    h.supervisor.configure(CONFIG);
    await h.flush();
    h.supervisor.configure({ ...CONFIG, sdkEnvironment: 'mypurecloud.de' });
    await h.flush();
    expect(h.kind()).toBe('connected');
    failFirst(new SoftphoneError('auth', 'Unauthorized', { code: 'auth.invalid-token' }));
    await h.flush();
    expect(h.kind()).toBe('connected');
    expect(h.renewals).not.toHaveBeenCalled();
  });
});

describe('Heartbeat', () => {
  it('keeps probing every interval while the link answers', async () => {
    const h = await connected();
    await h.advance(30_000);
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('probe').length).toBeGreaterThanOrEqual(9);
    expect(h.port.calls('probe')[0]).toEqual([3_000]);
  });

  it.each([
    ['Standard', CONFIG, 9_000],
    ['High latency', HIGH_LATENCY, 29_000],
  ])(
    '%s: a black hole is declared after the heartbeat timeout',
    async (_name, config, timeoutMs) => {
      const h = await connected(config);
      const lost = () => h.infoLogs().filter((m) => m.includes('on heartbeat-lost')).length;
      h.port.setProbeResult('timeout');
      await h.advance(timeoutMs - 1_000);
      expect(lost()).toBe(0);
      await h.advance(1_500);
      expect(lost()).toBe(1);
      h.port.setProbeResult(5);
      await h.advance(3_000);
      expect(h.kind()).toBe('connected');
      expect(h.last()?.connection.lastRecoveryMs).toBeDefined();
    },
  );

  it('inbound signalling counts as life even when pings are slow', async () => {
    const h = await connected();
    h.port.setProbeResult('timeout');
    for (let t = 0; t < 20_000; t += 1_000) {
      h.port.setHealth({ lastInboundAt: Date.now() });
      await h.advance(1_000);
    }
    expect(h.kind()).toBe('connected');
  });
});

describe('Failure case – signalling lost', () => {
  it('soft-reconnects after a probe, clearing the remembered backoff first', async () => {
    const h = await connected();
    h.port.emitDisconnected();
    expect(h.kind()).toBe('reconnecting');
    await h.advance(300);
    const methods = h.port.invocations.map((i) => i.method);
    expect(methods.indexOf('clearBackoffMemory')).toBeLessThan(
      methods.indexOf('reconnectSignalling'),
    );
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('destroy')).toHaveLength(0);
  });

  it('waits while the service is unreachable and recovers when it answers again', async () => {
    const h = await connected();
    h.service.up = false;
    h.port.emitDisconnected();
    await h.advance(10_000);
    expect(h.kind()).toBe('reconnecting');
    expect(h.port.calls('reconnectSignalling')).toHaveLength(0);
    h.service.up = true;
    await h.advance(600);
    expect(h.kind()).toBe('connected');
  });

  it('without a call, a failed soft reconnect restarts the softphone after a delay', async () => {
    const h = await connected();
    h.port.failNextReconnect(new SoftphoneError('timeout', 'Signalling reconnect timed out'));
    h.port.emitDisconnected();
    await h.advance(300);
    expect(h.kind()).toBe('backing-off');
    expect(h.port.calls('destroy')).toHaveLength(1);
    await h.advance(1_000);
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('start')).toHaveLength(2);
  });

  it('during a call with flowing media, a failed soft reconnect never destroys the softphone', async () => {
    const h = await inCall();
    h.port.failNextReconnect(new SoftphoneError('timeout', 'Signalling reconnect timed out'));
    h.port.emitDisconnected();
    await h.advance(2_000);
    expect(h.port.calls('destroy')).toHaveLength(0);
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('reconnectSignalling').length).toBe(2);
    expect(h.last()?.calls[0]?.state).toBe('connected');
  });

  it('going offline loses the link at once; coming online probes at once', async () => {
    const h = await connected();
    h.service.up = false;
    h.supervisor.setOnline(false);
    expect(h.kind()).toBe('reconnecting');
    await h.advance(5_000);
    h.service.up = true;
    h.supervisor.setOnline(true);
    await h.advance(50);
    expect(h.kind()).toBe('connected');
  });
});

describe('Edge cases – what the SDK misses', () => {
  it('a timer firing a minute late (sleep) is a wake: the link is re-established', async () => {
    const h = await connected();
    vi.setSystemTime(Date.now() + 60_000);
    await h.advance(3_100);
    expect(h.infoLogs().some((m) => m.includes('on wake'))).toBe(true);
    await h.advance(500);
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('reconnectSignalling').length).toBeGreaterThanOrEqual(1);
  });

  it('believed connected but the SDK has no stream: healed after two ticks', async () => {
    const h = await connected();
    h.port.setHealth({ connected: false, socketOpen: false, lastInboundAt: T0 + 10 ** 9 });
    await h.advance(3_100);
    expect(h.kind()).toBe('connected');
    await h.advance(3_000);
    expect(h.infoLogs().at(-1)).toContain('on sdk-disconnected');
  });

  it('believed reconnecting but the stream is back: healed without waiting for the event', async () => {
    const h = await connected();
    h.service.up = false;
    h.supervisor.send({ type: 'sdk-disconnected' });
    h.port.setHealth({ connected: true, socketOpen: true });
    await h.advance(6_100);
    expect(h.kind()).toBe('connected');
  });
});

describe('Edge cases – robustness', () => {
  it('ignores every event after close and destroys the softphone within its bound', async () => {
    const h = await connected();
    h.port.hangDestroy();
    const closing = h.supervisor.close();
    await h.advance(5_000);
    await closing;
    const views = h.views.length;
    h.port.emitDisconnected();
    h.supervisor.configure(CONFIG);
    await h.advance(10_000);
    expect(h.views.length).toBe(views);
    expect(h.port.calls('start')).toHaveLength(1);
  });

  it('a publisher that throws never corrupts the state', async () => {
    const h = harness({
      publish: () => {
        throw new Error('worker gone');
      },
    });
    h.supervisor.configure(CONFIG);
    await h.flush();
    expect(h.kind()).toBe('connected');
    expect(h.logs().some((e) => e.msg === 'publish failed')).toBe(true);
  });

  it('a reachability probe that throws counts as a failed probe', async () => {
    const h = await connected();
    let calls = 0;
    const h2 = harness({
      reachable: () => {
        calls++;
        return Promise.reject(new Error('boom'));
      },
    });
    h2.supervisor.configure(CONFIG);
    await h2.flush();
    h2.port.emitDisconnected();
    await h2.advance(2_000);
    expect(calls).toBeGreaterThan(1);
    expect(h2.kind()).toBe('reconnecting');
    expect(h.kind()).toBe('connected');
  });
});

describe('Microphone', () => {
  it('blocked before sign-in: the softphone reports mic-blocked, and starts once granted', async () => {
    const h = harness();
    h.supervisor.setMicrophone('blocked');
    h.supervisor.configure(CONFIG);
    await h.flush();
    expect(h.kind()).toBe('mic-blocked');
    expect(h.last()?.connection.error?.code).toBe('mic.blocked');
    await h.advance(3_100);
    expect(h.micChecks).toHaveBeenCalled();
    h.supervisor.setMicrophone('granted');
    await h.flush();
    expect(h.kind()).toBe('connected');
  });
});
