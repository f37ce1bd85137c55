/**
 * SessionSupervisor: the imperative shell around the pure session machine
 * (shared/session/session-machine.ts). It turns softphone events, timers, probes, network,
 * microphone and sign-in news into machine events, runs the effects the machine returns, and
 * publishes the SessionView (connection + calls) whenever either changes.
 *
 *   worker ──configure──▶ ┌──────────────────── SessionSupervisor ─────────────────────┐
 *   online/offline ─────▶ │ inbox ─▶ transition(state, event, ctx) ─▶ effects:          │
 *   microphone ─────────▶ │            ▲                    create-sdk ─┐               │
 *                         │            │                    soft-reconnect ─▶ command  │──▶ SoftphonePort
 *   port events ────────▶ │  ready / connected /            destroy-sdk ─▶ queue      │    (one SDK)
 *   (calls ▶ CallBook)    │  disconnected / error{auth}     schedule/cancel ─▶ timers │
 *                         │            │                    publish ─▶ view (batched) │──▶ worker
 *   timers ─────────────▶ │  retry-due / grace-expired / probe-ok|failed (API or WS)  │
 *   HeartbeatLoop ──────▶ │  heartbeat-lost   (XMPP ping while connected)              │
 *   Watchdog ───────────▶ │  wake{gapMs} / healing events (belief vs health())        │
 *                         └────────────────────────────────────────────────────────────┘
 *
 *   signed-out ─start─▶ starting ─ready+connected─▶ connected ─loss─▶ reconnecting ─▶ …
 *   (states and transitions: see the machine's header)
 *
 * Rules it keeps: one SDK instance and one start in flight at most (destroy pre-empts, a stale
 * start's outcome is dropped by generation); every start, reconnect and call command runs in one
 * queue; nothing is processed after close(); a listener or effect that throws is logged and never
 * corrupts the state; the only info log is the machine's one per transition; destroy is bounded.
 */
import type { CallEvent } from '../../shared/calls/call-events';
import type { Logger } from '../../shared/logger';
import type { CallCommand, SessionConfig } from '../../shared/protocol/schemas';
import { STANDARD_PROFILE } from '../../shared/session/network-presets';
import type { NetworkProfile } from '../../shared/session/network-profile';
import type { SessionEvent } from '../../shared/session/session-events';
import {
  initialSessionState,
  type MachineContext,
  type SessionState,
} from '../../shared/session/session-states';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import type { SoftphoneEvent, SoftphonePort } from '../softphone/softphone-port';
import { CallBook } from './call-book';
import { runCallCommand } from './call-runner';
import { systemClock, type Clock } from './clock';
import { batchPerTask, singleFlight, type Batch } from './coalesce';
import { planConfig } from './config-plan';
import type { DeviceChoice } from './device-choice';
import { EffectRunner } from './effect-runner';
import { HeartbeatLoop } from './heartbeat-loop';
import type { InheritedCalls } from './inherited-calls';
import { MachineLoop } from './machine-loop';
import type { MissedOffers } from './missed-offers';
import type { MicAccess } from './microphone';
import { routePortEvent } from './port-events';
import { ringWhile, SilentRinger, type Ringer } from './ringtone';
import { SdkDriver, type DriverMetrics, type Failure } from './sdk-driver';
import { SerialQueue } from './serial-queue';
import { readConfig, secretSlot, type ActiveConfig, type SecretSlot } from './session-config';
import { sessionView, type SessionView } from './session-view';
import { createCallParts } from './supervisor-parts';
import { policyFor, WATCHED, watchdogTiming, type SupervisorDeps } from './supervisor-deps';
import { Watchdog } from './watchdog';

export type { SessionView } from './session-view';
export type { SupervisorDeps } from './supervisor-deps';

export class SessionSupervisor {
  readonly #deps: SupervisorDeps;
  readonly #port: SoftphonePort;
  readonly #log: Logger;
  readonly #clock: Clock;
  readonly #ringer: Ringer;
  readonly #calls = new CallBook();
  readonly #queue = new SerialQueue();
  readonly #driver: SdkDriver;
  readonly #effects: EffectRunner;
  readonly #heartbeat: HeartbeatLoop;
  readonly #watchdog: Watchdog;
  readonly #inherited: InheritedCalls;
  readonly #missed: MissedOffers;
  readonly #devices: DeviceChoice;
  readonly #unsubscribe: () => void;
  readonly #machine: MachineLoop;
  readonly #publish: Batch;
  readonly #renew: () => Promise<void>;
  readonly #secret: SecretSlot;
  #config: ActiveConfig | undefined;
  #closed = false;
  #mic: MicAccess | undefined;
  #failure: Failure | undefined;

  constructor(deps: SupervisorDeps) {
    this.#deps = deps;
    this.#port = deps.port;
    this.#log = deps.log;
    this.#clock = deps.clock ?? systemClock;
    this.#ringer = deps.ringer ?? new SilentRinger();
    this.#driver = new SdkDriver(this.#port, this.#queue, this.#clock, this.#log);
    const send = (event: SessionEvent) => this.send(event);
    this.#heartbeat = new HeartbeatLoop({
      clock: this.#clock,
      probe: (ms) => this.#port.probe(ms),
      lastInboundAt: () => this.#port.health().lastInboundAt,
      onLost: () => send({ type: 'heartbeat-lost' }),
    });
    this.#effects = new EffectRunner({
      clock: this.#clock,
      driver: this.#driver,
      log: this.#log,
      config: () => this.#config,
      profile: () => this.#profile(),
      send,
      failed: (failure) => this.#failed(failure),
      publish: () => this.#publish.request(),
      beforeDestroy: () => this.#heartbeat.stop(),
      reachable: (url, ms) => deps.reachable(url, ms),
    });
    this.#watchdog = new Watchdog({
      clock: this.#clock,
      state: () => this.state.kind,
      health: () => this.#port.health(),
      send,
      onTick: () => this.#onTick(),
    });
    const parts = createCallParts({
      port: this.#port,
      queue: this.#queue,
      calls: this.#calls,
      clock: this.#clock,
      ringer: this.#ringer,
      log: this.#log,
      generation: () => this.#driver.generation,
      connected: () => this.state.kind === 'connected',
      changed: () => this.#publish.request(),
    });
    this.#inherited = parts.inherited;
    this.#missed = parts.missed;
    this.#devices = parts.devices;
    this.#machine = new MachineLoop({
      initial: initialSessionState(this.#clock.now()),
      context: () => this.#ctx(),
      run: (effect) => this.#effects.run(effect),
      entered: (state) => this.#entered(state),
      log: this.#log,
    });
    this.#publish = batchPerTask(
      () => deps.publish(this.view()),
      (error) => this.#log.warn('publish failed', { error: String(error) }),
    );
    this.#renew = singleFlight(
      () => deps.renewToken(),
      (error) => this.#log.warn('token renewal request failed', { error: String(error) }),
    );
    this.#secret = secretSlot(deps.registerSecret);
    this.#unsubscribe = this.#port.subscribe((event) => this.#onPortEvent(event));
  }

  get state(): SessionState {
    return this.#machine.state;
  }

  /** Start and soft-reconnect durations and the last heartbeat round trip, in ms. */
  get metrics(): DriverMetrics & { lastProbeRttMs?: number | undefined } {
    return { ...this.#driver.metrics, lastProbeRttMs: this.#heartbeat.lastRttMs };
  }

  // ── inputs ────────────────────────────────────────────────────────────────────────────────

  /** A new configuration from the worker (sign-in, renewal, settings) or null (signed out). */
  configure(next: SessionConfig | null): void {
    if (next === null) {
      this.#signOut();
      return;
    }
    const config = readConfig(next);
    if (config.problem !== undefined) {
      this.#log.warn('network profile unusable, Standard used', { problem: config.problem });
    }
    const plan = planConfig(this.#config, config, this.state);
    this.#log.debug('configuration', { plan, profile: config.profile.kind });
    this.#secret.hold(next.accessToken);
    this.#config = config;
    this.#ringer.setVolume(config.ringVolume);
    this.#devices.choose(config.devices);
    if (plan.kind !== 'update') {
      this.#begin(plan.kind === 'switch');
      return;
    }
    if (plan.profileChanged) {
      this.#profileChanged();
    }
    if (plan.tokenChanged) {
      this.#port.setAccessToken(next.accessToken);
      this.send({ type: 'token-refreshed' });
    }
    if (plan.restart) {
      this.send({ type: 'start', credentials: true });
    }
    this.#publish.request();
  }

  setMicrophone(access: MicAccess): void {
    this.#mic = access;
    this.send({ type: access === 'granted' ? 'mic-granted' : 'mic-denied' });
  }

  setOnline(online: boolean): void {
    this.send({ type: online ? 'network-online' : 'network-offline' });
  }

  /** Calls a previous offscreen document had; settled once connected (inherited-calls.ts). */
  inherit(previous: SessionSnapshot | null): void {
    this.#calls.inherit(previous?.calls ?? []);
    this.#publish.request();
  }

  async command(command: CallCommand): Promise<void> {
    if (this.#closed) {
      throw new Error('The softphone session is closed.');
    }
    await runCallCommand(command, {
      port: this.#port,
      queue: this.#queue,
      calls: this.#calls,
      silence: () => this.#ringer.silence(),
    });
  }

  /** Resolves once the softphone work queued so far (a destroy, a backoff forget) has settled. */
  settled(): Promise<void> {
    return this.#queue.run(() => Promise.resolve());
  }

  view(): SessionView {
    const view = sessionView(this.state, this.#failure, this.#calls.list(), this.#profile().kind);
    return this.#devices.decorate(view);
  }

  /** Feeds one machine event (the shells' and tests' entry point); re-entrant calls queue. */
  send(event: SessionEvent): void {
    this.#machine.send(event);
  }

  async close(): Promise<void> {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    this.#machine.close();
    this.#publish.close();
    this.#unsubscribe();
    this.#effects.cancelAll();
    this.#heartbeat.stop();
    this.#watchdog.stop();
    this.#ringer.silence();
    this.#secret.release();
    await this.#driver.close();
  }

  // ── the machine ───────────────────────────────────────────────────────────────────────────

  #ctx(): MachineContext {
    const profile = this.#profile();
    const peers = () => this.#port.health().peerConnections;
    return {
      now: this.#clock.now(),
      callActive: this.#calls.active(),
      mediaHealthy: this.#calls.live().length > 0 && this.#calls.mediaHealthy(peers()),
      policy: policyFor(this.#deps, profile),
      profile,
      random: this.#deps.random ?? Math.random,
    };
  }

  /** The state kind changed: start or stop what runs per state. */
  #entered(state: SessionState): void {
    const kind = state.kind;
    const profile = this.#profile();
    if (kind === 'connected') {
      this.#failure = undefined;
      this.#heartbeat.start(profile);
      this.#inherited.settle();
      this.#missed.reconcile();
      this.#devices.connected();
    } else {
      this.#heartbeat.stop();
    }
    if (!WATCHED.has(kind)) {
      this.#watchdog.stop();
    } else if (!this.#watchdog.running) {
      this.#watchdog.start(watchdogTiming(profile));
    }
  }

  /** A start or reconnect failed: remember its code, ask for a token on auth, tell the machine. */
  #failed(failure: Failure): void {
    this.#failure = failure;
    if (failure.reason === 'auth') {
      void this.#renew();
    }
    this.send({ type: 'start-failed', reason: failure.reason, message: failure.error.message });
  }

  #onPortEvent(event: SoftphoneEvent): void {
    if (this.#closed) {
      return;
    }
    try {
      routePortEvent(event, {
        log: this.#log,
        send: (e) => this.send(e),
        failed: (failure) => this.#failed(failure),
        call: (e) => this.#onCallEvent(e),
        linked: () => this.#heartbeat.reset(),
      });
    } catch (error) {
      this.#log.warn('softphone event handling failed', { type: event.type, error: String(error) });
    }
  }

  #onCallEvent(event: CallEvent): void {
    if (this.#calls.apply(event, this.#clock.now(), this.#config?.autoAnswer ?? false)) {
      this.#publish.request();
    }
    // The ringer (an AudioContext, ~5 ms) starts after the queued publish: the screen pop and the
    // notification are not kept waiting for the ringtone.
    queueMicrotask(() => {
      if (!this.#closed) {
        ringWhile(this.#ringer, this.#calls.ringing());
      }
    });
    if (event.type === 'call-alerting' && this.#calls.autoAnswers(event.call.conversationId)) {
      const conversationId = event.call.conversationId;
      this.command({ type: 'answer', conversationId }).catch((error: unknown) => {
        this.#log.warn('auto-answer failed', { conversationId, error: String(error) });
      });
    }
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  #begin(switching: boolean): void {
    if (switching) {
      this.send({ type: 'stop' });
      this.#driver.forgetBackoff();
    }
    this.send({ type: 'start', credentials: true });
    if (this.#mic === 'blocked') {
      this.send({ type: 'mic-denied' });
    }
  }

  #signOut(): void {
    this.#config = undefined;
    this.#secret.release();
    if (this.state.kind !== 'signed-out' && this.state.kind !== 'stopped') {
      this.send({ type: 'stop' });
      this.#driver.forgetBackoff();
    }
    this.send({ type: 'start', credentials: false });
    this.#publish.request();
  }

  #profileChanged(): void {
    const profile = this.#profile();
    if (this.state.kind === 'connected') {
      this.#heartbeat.start(profile);
    }
    if (this.#watchdog.running) {
      this.#watchdog.start(watchdogTiming(profile));
    }
  }

  #onTick(): void {
    if (this.state.kind === 'mic-blocked') {
      this.#deps.recheckMicrophone?.();
    }
    if (this.state.kind === 'connected') {
      this.#inherited.settle();
    }
  }

  #profile(): NetworkProfile {
    return this.#config?.profile ?? STANDARD_PROFILE;
  }
}
