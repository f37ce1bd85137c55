/**
 * The softphone's connection state machine: a pure reducer `transition(state, event, ctx)` that
 * returns the next state and the effects the offscreen supervisor must run. No clock, no timers,
 * no SDK: time comes in `ctx.now`, timers go out as `schedule`/`cancel` effects.
 *
 *                start(credentials)         sdk-ready + sdk-connected (any order)
 *   signed-out ─────────┐                 ┌────────────────────────────────────┐
 *   stopped ────────────┴──▶ starting{n} ─┘                                    ▼
 *                            │        ▲                               connected{since}
 *     start-failed,          │        │ retry-due,                         │
 *     grace-expired          │        │ probe-ok (if shortcut)             │ sdk-disconnected: sdk
 *     (policy: delay)        ▼        │                                    │ heartbeat-lost,
 *                    backing-off{n, retryAt, reason}                       │ offline, wake: soft
 *                            ▲                                             ▼
 *                            │  soft reconnect failed, no      reconnecting{since, mode, watch?}
 *                            └─ live call, not a refusal ───── probe-ok: soft-reconnect, grace
 *                                                              sdk-connected: connected
 *                                                              refused (or any failure under a
 *                                                              live call): watch the streaming
 *                                                              host, see below
 *
 *   Streaming watch (reconnecting.watch). Probes first ask the Platform API. A soft reconnect only
 *   reopens the streaming socket, so when it fails with 'network' (upgrade refused, socket closed)
 *   the SDK is kept and probes ask the streaming host itself (a WebSocket upgrade without
 *   credentials, every 250–500 ms, slower after two minutes): its first successful probe starts a
 *   soft reconnect at once; the policy's delay stays as a fallback schedule ('retry'). If a
 *   probe-started reconnect fails as well, the next one needs the probe to see a refusal first
 *   ('down'), and without a live call the SDK is restarted instead: one early attempt per time the
 *   service is seen coming back, never a storm.
 *
 *   policy null, or fatal reason (auth, config) ──▶ failed{reason}
 *   failed{auth} + token-refreshed, failed + start ──▶ starting (soft reconnect if live call)
 *   mic-denied, start-failed{mic} ──▶ mic-blocked ── mic-granted ──▶ starting (idem)
 *   stop, from any state but signed-out/stopped ──▶ stopped: timers cancelled, destroy-sdk
 *
 * Rules:
 * - A call whose media flows (ctx.callActive && ctx.mediaHealthy) never loses its SDK instance:
 *   no `destroy-sdk` for it, except on an explicit `stop` (its caller ends or refuses calls first).
 * - Exactly one info `log` and one `publish` per state change; effects-only steps log nothing.
 * - Events that do not apply are ignored: same state, no effects. In stopped, only `start` applies.
 * - Leaving a state cancels the timers it may have running (TIMERS_OF), before any new schedule.
 */
import type { SessionEvent } from './session-events';
import { fromFailed, fromIdle, fromMicBlocked, fromStarting } from './session-handlers';
import { fromBackingOff, fromConnected, fromReconnecting } from './session-recovery';
import {
  TIMERS_OF,
  type Effect,
  type MachineContext,
  type SessionState,
  type Transition,
} from './session-states';
import type { Draft, Step } from './session-steps';

function dispatch(state: SessionState, event: SessionEvent, ctx: MachineContext): Step {
  switch (state.kind) {
    case 'signed-out':
    case 'stopped':
      return fromIdle(state, event, ctx);
    case 'starting':
      return fromStarting(state, event, ctx);
    case 'connected':
      return fromConnected(state, event, ctx);
    case 'reconnecting':
      return fromReconnecting(state, event, ctx);
    case 'backing-off':
      return fromBackingOff(state, event, ctx);
    case 'failed':
      return fromFailed(state, event, ctx);
    case 'mic-blocked':
      return fromMicBlocked(state, event, ctx);
  }
}

export function transition(
  state: SessionState,
  event: SessionEvent,
  ctx: MachineContext,
): Transition {
  const step = dispatch(state, event, ctx);
  if (step === null) {
    return { state, effects: [] };
  }
  const next = step.next === undefined ? state : settle(state, step.next, ctx.now);
  if (sameState(state, next)) {
    return { state, effects: step.effects };
  }
  const cancels: Effect[] =
    next.kind === state.kind
      ? []
      : TIMERS_OF[state.kind].map((timer) => ({ type: 'cancel', timer }));
  const log: Effect = { type: 'log', level: 'info', message: describe(state, next, event) };
  return { state: next, effects: [log, ...cancels, ...step.effects, { type: 'publish' }] };
}

/** Fill in `since` (kept within a kind) and carry the last recovery time (reset by stop). */
function settle(prev: SessionState, draft: Draft, now: number): SessionState {
  const since = draft.kind === prev.kind ? prev.since : now;
  const carried =
    draft.kind === 'stopped' || draft.kind === 'signed-out' ? undefined : prev.lastRecoveryMs;
  const lastRecoveryMs = draft.lastRecoveryMs ?? carried;
  const { lastRecoveryMs: _drop, ...rest } = draft;
  const next = { ...rest, since } as SessionState;
  return lastRecoveryMs === undefined ? next : { ...next, lastRecoveryMs };
}

function sameState(a: SessionState, b: SessionState): boolean {
  const ka = Object.keys(a) as (keyof SessionState)[];
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((key) => a[key] === b[key]);
}

/** A short human label, e.g. "reconnecting(soft #2)", "backing-off #3 (network)". */
export function label(state: SessionState): string {
  switch (state.kind) {
    case 'starting':
      return state.attempt > 0 ? `starting #${state.attempt}` : 'starting';
    case 'reconnecting':
      return `reconnecting(${state.mode}${state.attempt > 0 ? ` #${state.attempt}` : ''})`;
    case 'backing-off':
      return `backing-off #${state.attempt} (${state.reason})`;
    case 'failed':
      return `failed (${state.reason})`;
    default:
      return state.kind;
  }
}

function describe(prev: SessionState, next: SessionState, event: SessionEvent): string {
  const recovered = next.kind === 'connected' && 'lossAt' in prev;
  const extra = recovered ? `, recovered in ${next.lastRecoveryMs ?? 0} ms` : '';
  return `session ${label(prev)} → ${label(next)} on ${event.type}${extra}`;
}
