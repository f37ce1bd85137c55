/**
 * Test support for the supervisor: a SessionSupervisor over the FakeSoftphone with vitest's fake
 * timers as its clock, a scripted reachability probe, recorded views and log entries, and small
 * helpers to drive time. Used by the supervisor tests only.
 */
import { vi } from 'vitest';
import { createLogHub, type LogEntry } from '../../shared/logger';
import type { SessionConfig } from '../../shared/protocol/schemas';
import type { SessionStateKind } from '../../shared/session/session-states';
import { FakeSoftphone } from '../../test/fakes/fake-softphone';
import { SilentRinger } from './ringtone';
import { SessionSupervisor, type SessionView, type SupervisorDeps } from './session-supervisor';

export const T0 = 1_700_000_000_000;

export const CONFIG: SessionConfig = {
  sdkEnvironment: 'mypurecloud.ie',
  accessToken: 'token-one',
  appVersion: '1.2.3',
  network: { kind: 'standard' },
  profileId: 'acme',
};

export const HIGH_LATENCY: SessionConfig = { ...CONFIG, network: { kind: 'high-latency' } };

export function withToken(token: string, base: SessionConfig = CONFIG): SessionConfig {
  return { ...base, accessToken: token };
}

export interface Harness {
  port: FakeSoftphone;
  supervisor: SessionSupervisor;
  views: SessionView[];
  ringer: SilentRinger;
  /** Whether the reachability probe answers. */
  service: { up: boolean };
  renewals: ReturnType<typeof vi.fn>;
  micChecks: ReturnType<typeof vi.fn>;
  logs(): LogEntry[];
  /** Info log lines (one per state change). */
  infoLogs(): string[];
  kind(): SessionStateKind;
  last(): SessionView | undefined;
  /** Advances fake time, letting promises settle between timers. */
  advance(ms: number): Promise<void>;
  /** Lets queued promises and microtasks run without moving time. */
  flush(): Promise<void>;
}

export function harness(over: Partial<SupervisorDeps> = {}): Harness {
  vi.useFakeTimers({ now: T0 });
  const hub = createLogHub({ console: null, minLevel: 'debug' });
  const port = new FakeSoftphone();
  const views: SessionView[] = [];
  const ringer = new SilentRinger();
  const service = { up: true };
  const renewals = vi.fn(() => Promise.resolve());
  const micChecks = vi.fn();
  const supervisor = new SessionSupervisor({
    port,
    log: hub.createLogger('session'),
    publish: (view) => views.push(view),
    reachable: () => Promise.resolve(service.up),
    renewToken: renewals,
    recheckMicrophone: micChecks,
    ringer,
    random: () => 0,
    registerSecret: (secret) => hub.registerSecret(secret),
    ...over,
  });
  const flush = async () => {
    await vi.advanceTimersByTimeAsync(0);
  };
  return {
    port,
    supervisor,
    views,
    ringer,
    service,
    renewals,
    micChecks,
    logs: () => hub.entries(),
    infoLogs: () =>
      hub
        .entries()
        .filter((e) => e.level === 'info')
        .map((e) => e.msg),
    kind: () => supervisor.state.kind,
    last: () => views.at(-1),
    advance: async (ms) => {
      await vi.advanceTimersByTimeAsync(ms);
    },
    flush,
  };
}

/** A harness already connected with CONFIG (or `config`). */
export async function connected(
  config: SessionConfig = CONFIG,
  over: Partial<SupervisorDeps> = {},
): Promise<Harness> {
  const h = harness(over);
  h.supervisor.configure(config);
  await h.flush();
  if (h.kind() !== 'connected') {
    throw new Error(`expected connected, got ${h.kind()}`);
  }
  return h;
}

/** A connected harness with one answered inbound call whose media flows. */
export async function inCall(config: SessionConfig = CONFIG): Promise<Harness> {
  const h = await connected(config);
  h.port.emitAlerting({ conversationId: 'c1', remote: { number: '+15550100' } });
  await h.supervisor.command({ type: 'answer', conversationId: 'c1' });
  await h.flush();
  return h;
}
