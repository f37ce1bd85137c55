/**
 * The data of the session machine: its states, the effects it asks for and the context it reads.
 * Everything is plain data; the offscreen supervisor runs the effects.
 */
import type { SessionErrorReason } from './errors';
import type { NetworkProfile } from './network-profile';
import type { ReconnectPolicy } from './reconnect-policy';

interface StateBase {
  /** Epoch ms when this kind of state was entered (unchanged by updates within the same kind). */
  since: number;
  /** Duration of the last completed recovery, first loss → connected. */
  lastRecoveryMs?: number;
}

/** Fields of a recovery in progress. */
interface Recovery {
  /** Epoch ms of the first loss of this recovery; absent for the initial start. */
  lossAt?: number;
}

export type SignedOutState = StateBase & { kind: 'signed-out' };
export type StoppedState = StateBase & { kind: 'stopped' };
export type StartingState = StateBase &
  Recovery & {
    kind: 'starting';
    /** 0 for a fresh start, n for the n-th attempt of a recovery. */
    attempt: number;
    /** The SDK said `ready` / the signalling connection is up; connected needs both. */
    ready: boolean;
    linked: boolean;
    /** Started because a probe found the service reachable (a failure waits the full delay). */
    viaProbe: boolean;
  };
export type ConnectedState = StateBase & { kind: 'connected' };
export type ReconnectingState = StateBase & {
  kind: 'reconnecting';
  /** 'sdk': the SDK noticed and runs its own (slow) reconnect; 'soft': the supervisor drives it. */
  mode: 'sdk' | 'soft';
  /** Soft reconnects requested so far in this recovery. */
  attempt: number;
  lossAt: number;
  /** Set while a soft reconnect is in flight: when it counts as failed (the grace timer). */
  softDeadline?: number;
  /**
   * Absent: probes ask the Platform API. Set once a soft reconnect failed at the streaming
   * endpoint: probes open a WebSocket to the streaming host instead. 'up': the next successful
   * probe starts a soft reconnect at once. 'down': a probe-started soft reconnect failed, so a
   * probe must first see the endpoint refuse before a success counts again.
   */
  watch?: 'up' | 'down';
  /** The soft reconnect in flight was started by a successful streaming probe. */
  gated?: true;
};
export type BackingOffState = StateBase & {
  kind: 'backing-off';
  /** Epoch ms of the first loss (or first failed start) of this recovery. */
  lossAt: number;
  /** The attempt that `retryAt` will start. */
  attempt: number;
  retryAt: number;
  reason: SessionErrorReason;
  /** Whether a successful probe may start the attempt early (and probes run meanwhile). */
  shortcut: boolean;
  message?: string;
};
export type FailedState = StateBase & {
  kind: 'failed';
  reason: SessionErrorReason;
  message?: string;
};
export type MicBlockedState = StateBase & { kind: 'mic-blocked' };

export type SessionState =
  | SignedOutState
  | StoppedState
  | StartingState
  | ConnectedState
  | ReconnectingState
  | BackingOffState
  | FailedState
  | MicBlockedState;

export type SessionStateKind = SessionState['kind'];

export function initialSessionState(now: number): SessionState {
  return { kind: 'signed-out', since: now };
}

/**
 * Timers the supervisor keeps for the machine. 'retry' fires `retry-due`, 'grace' fires
 * `grace-expired`, 'probe' makes the supervisor run a reachability probe and report `probe-ok` or
 * `probe-failed`. Scheduling a timer replaces a pending one of the same name.
 */
export type TimerName = 'retry' | 'grace' | 'probe';
export const TIMERS: readonly TimerName[] = ['retry', 'grace', 'probe'];

/** The timers each state may leave running; they are cancelled when the state kind changes. */
export const TIMERS_OF: Readonly<Record<SessionStateKind, readonly TimerName[]>> = {
  'signed-out': [],
  stopped: [],
  starting: ['grace'],
  connected: [],
  reconnecting: ['probe', 'grace', 'retry'],
  'backing-off': ['retry', 'probe'],
  failed: [],
  'mic-blocked': [],
};

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Effects, run in order.
 * - `destroy-sdk` is idempotent (no instance: nothing to do) and always bounded by a timeout.
 * - `create-sdk` makes the one instance; when one may exist, an explicit `destroy-sdk` precedes it.
 * - `soft-reconnect` re-establishes signalling while keeping the SDK instance and its calls
 *   (clearing the SDK's remembered backoff first).
 */
/** What a reachability probe asks: the Platform API (HTTP) or the streaming host (WebSocket). */
export type ProbeTarget = 'api' | 'streaming';

export type Effect =
  | { type: 'create-sdk' }
  | { type: 'destroy-sdk' }
  | { type: 'soft-reconnect' }
  /** `target` only on a 'probe' timer that asks the streaming host (absent: the Platform API). */
  | { type: 'schedule'; timer: TimerName; delayMs: number; target?: 'streaming' }
  | { type: 'cancel'; timer: TimerName }
  | { type: 'publish' }
  | { type: 'log'; level: LogLevel; message: string };

export interface MachineContext {
  now: number;
  /** A call exists (alerting, connecting or connected). */
  callActive: boolean;
  /** Its media flows (peer connection connected, packets arriving). */
  mediaHealthy: boolean;
  policy: ReconnectPolicy;
  profile: NetworkProfile;
  /** Jitter for probe timers, in [0, 1). */
  random: () => number;
}

export interface Transition {
  state: SessionState;
  effects: Effect[];
}
