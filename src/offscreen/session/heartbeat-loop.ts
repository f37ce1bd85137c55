/**
 * The liveness heartbeat while connected: one XMPP ping through the live stream every heartbeat
 * interval (`port.probe`), any inbound stanza counting as life too (`health().lastInboundAt`), and
 * `onLost` once nothing succeeded for the heartbeat timeout (HeartbeatTracker decides). Probes do
 * not wait in the command queue: they change nothing, and a slow one must never delay an answer.
 *
 *   start ─▶ check ─┬─ lost ───────────────▶ onLost (loop stops)
 *                   ├─ probe due ─▶ ping ──▶ probeOk / silence
 *                   └─ sleep until the tracker's next check
 *
 * A check that itself ran more than an interval late (timers throttled or frozen) never declares
 * the link lost on the silence it could not measure: it pings first and decides one probe later.
 */
import { HeartbeatTracker, type HeartbeatTiming } from '../../shared/session/heartbeat';
import type { Clock } from './clock';

export interface HeartbeatDeps {
  clock: Clock;
  /** One ping round trip in ms; rejects on timeout or when signalling is down. */
  probe(timeoutMs: number): Promise<number>;
  /** Epoch ms of the last inbound signalling data, if known. */
  lastInboundAt(): number | undefined;
  onLost(): void;
}

/** Never check more often than this, whatever the tracker says. */
const MIN_CHECK_MS = 50;

export class HeartbeatLoop {
  /** Round trip of the last answered ping, in ms. */
  lastRttMs: number | undefined;
  #tracker: HeartbeatTracker | undefined;
  #timing: HeartbeatTiming | undefined;
  #timer: unknown;
  #dueAt = 0;
  /** When the probe in flight was sent and how long it may take. */
  #sentAt = 0;
  #probeTimeoutMs = 0;
  #run = 0;
  #inflight = false;
  /** A late check already bought one probe of grace. */
  #graced = false;

  constructor(private readonly deps: HeartbeatDeps) {}

  get running(): boolean {
    return this.#tracker !== undefined;
  }

  /** (Re)starts from now: a fresh connection counts as a success. */
  start(timing: HeartbeatTiming): void {
    this.stop();
    this.#timing = timing;
    this.#tracker = new HeartbeatTracker(timing, this.deps.clock.now());
    this.#schedule();
  }

  /** Signalling (re)connected: start the silence count over, keeping the loop running. */
  reset(): void {
    if (this.#timing !== undefined && this.#tracker !== undefined) {
      this.start(this.#timing);
    }
  }

  stop(): void {
    this.#run++;
    this.#tracker = undefined;
    this.#inflight = false;
    this.#graced = false;
    if (this.#timer !== undefined) {
      this.deps.clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }

  #schedule(): void {
    const tracker = this.#tracker;
    if (tracker === undefined) {
      return;
    }
    const now = this.deps.clock.now();
    // A probe in flight settles by itself (and reschedules); meanwhile only the deadline counts,
    // or, after a late check, the end of the probe that buys the grace.
    const graceEnd = this.#sentAt + this.#probeTimeoutMs + MIN_CHECK_MS;
    const at = !this.#inflight ? tracker.nextCheckAt() : this.#graced ? graceEnd : tracker.lostAt();
    const run = this.#run;
    if (this.#timer !== undefined) {
      this.deps.clock.clearTimeout(this.#timer);
    }
    const delay = Math.max(MIN_CHECK_MS, at - now);
    this.#dueAt = now + delay;
    this.#timer = this.deps.clock.setTimeout(() => {
      if (run === this.#run) {
        this.#check();
      }
    }, delay);
  }

  #check(): void {
    const tracker = this.#tracker;
    const timing = this.#timing;
    if (tracker === undefined || timing === undefined) {
      return;
    }
    const now = this.deps.clock.now();
    const inbound = this.deps.lastInboundAt();
    if (inbound !== undefined) {
      tracker.activity(Math.min(inbound, now));
    }
    const late = now - this.#dueAt > timing.heartbeatIntervalMs;
    if (tracker.evaluate(now) === 'lost') {
      if (!late || this.#graced) {
        this.stop();
        this.deps.onLost();
        return;
      }
      this.#graced = true;
      if (!this.#inflight) {
        this.#ping(tracker, timing, now);
      }
      this.#schedule();
      return;
    }
    this.#graced = false;
    if (!this.#inflight && now >= tracker.nextProbeDueAt()) {
      this.#ping(tracker, timing, now);
    }
    this.#schedule();
  }

  #ping(tracker: HeartbeatTracker, timing: HeartbeatTiming, now: number): void {
    const run = this.#run;
    this.#inflight = true;
    tracker.probeSent(now);
    const timeout = Math.min(timing.heartbeatIntervalMs, timing.heartbeatTimeoutMs);
    this.#sentAt = now;
    this.#probeTimeoutMs = timeout;
    this.deps.probe(timeout).then(
      (rttMs) => {
        if (run !== this.#run) {
          return;
        }
        tracker.probeOk(this.deps.clock.now());
        this.lastRttMs = rttMs;
        this.#settled();
      },
      () => {
        if (run === this.#run) {
          this.#settled();
        }
      },
    );
  }

  #settled(): void {
    this.#inflight = false;
    this.#schedule();
  }
}
