/**
 * What the session supervisor is given (the softphone, the clock, the publisher, the probes…) and
 * the per-state timing of its watchdog.
 */
import type { Logger } from '../../shared/logger';
import type { NetworkProfile } from '../../shared/session/network-profile';
import {
  DefaultReconnectPolicy,
  type ReconnectPolicy,
} from '../../shared/session/reconnect-policy';
import { wakeThresholdMs } from '../../shared/session/recovery-timings';
import type { SessionState } from '../../shared/session/session-states';
import type { SoftphonePort } from '../softphone/softphone-port';
import type { Clock } from './clock';
import type { Ringer } from './ringtone';
import type { SessionView } from './session-view';
import type { WatchdogTiming } from './watchdog';

export interface SupervisorDeps {
  port: SoftphonePort;
  log: Logger;
  /** Receives the view after every change (batched per task). */
  publish(view: SessionView): void;
  /** Reachability probe while signalling is down. */
  reachable(url: string, timeoutMs: number): Promise<boolean>;
  /** The softphone was refused (401/403): ask the sign-in layer for a fresh token. */
  renewToken(): Promise<unknown>;
  /** Re-reads the microphone permission (called on the watchdog tick while mic-blocked). */
  recheckMicrophone?(): void;
  ringer?: Ringer;
  clock?: Clock;
  random?: () => number;
  policyFor?(profile: NetworkProfile): ReconnectPolicy;
  /** Keeps a secret (the access token) out of every log line. */
  registerSecret?: (secret: string) => () => void;
}

/** States in which the watchdog ticks (a session is wanted and not given up). */
export const WATCHED: ReadonlySet<SessionState['kind']> = new Set([
  'starting',
  'connected',
  'reconnecting',
  'backing-off',
  'mic-blocked',
]);

export function watchdogTiming(profile: NetworkProfile): WatchdogTiming {
  return { tickMs: profile.heartbeatIntervalMs, wakeThresholdMs: wakeThresholdMs(profile) };
}

/** The reconnect policy for a profile: the injected one, or the default (exponential, jittered). */
export function policyFor(deps: SupervisorDeps, profile: NetworkProfile): ReconnectPolicy {
  return (
    deps.policyFor?.(profile) ??
    new DefaultReconnectPolicy(profile.reconnect, deps.random ?? Math.random)
  );
}
