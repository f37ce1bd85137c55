/**
 * Liveness of the signalling link, as pure bookkeeping: the supervisor reports probes sent, probes
 * answered and any inbound activity, each with its time, and asks `evaluate(now)`. Nothing here
 * reads a clock or sets a timer. Also `detectWake`, the "timer fired late, so the machine slept"
 * check (an offscreen document never sees visibilitychange).
 */
import type { NetworkProfile } from './network-profile';

export type Liveness = 'healthy' | 'suspect' | 'lost';

export type HeartbeatTiming = Pick<NetworkProfile, 'heartbeatIntervalMs' | 'heartbeatTimeoutMs'>;

export class HeartbeatTracker {
  private startedAt: number;
  private lastOkAt: number;
  private lastSentAt: number | undefined;

  constructor(
    private readonly timing: HeartbeatTiming,
    startedAt: number,
  ) {
    this.startedAt = startedAt;
    this.lastOkAt = startedAt;
  }

  /** Start over, e.g. when signalling (re)connects: a fresh connection counts as a success. */
  reset(now: number): void {
    this.startedAt = now;
    this.lastOkAt = now;
    this.lastSentAt = undefined;
  }

  probeSent(at: number): void {
    this.lastSentAt = Math.max(this.lastSentAt ?? at, at);
  }

  probeOk(at: number): void {
    this.lastOkAt = Math.max(this.lastOkAt, at);
  }

  /** Any inbound stanza or event proves the link is alive, like an answered probe. */
  activity(at: number): void {
    this.lastOkAt = Math.max(this.lastOkAt, at);
  }

  /**
   * 'lost' when nothing succeeded for heartbeatTimeoutMs; 'suspect' when the last success is older
   * than 1.5 intervals (an answer is overdue); otherwise 'healthy'.
   */
  evaluate(now: number): Liveness {
    const silentMs = now - this.lastOkAt;
    if (silentMs >= this.timing.heartbeatTimeoutMs) {
      return 'lost';
    }
    return silentMs > 1.5 * this.timing.heartbeatIntervalMs ? 'suspect' : 'healthy';
  }

  /** When the next probe should be sent: one interval after the last one (or the start). */
  nextProbeDueAt(): number {
    return (this.lastSentAt ?? this.startedAt) + this.timing.heartbeatIntervalMs;
  }

  /** When the link will count as lost if nothing succeeds before then. */
  lostAt(): number {
    return this.lastOkAt + this.timing.heartbeatTimeoutMs;
  }

  /** The earliest moment the supervisor has to act: send a probe or declare the link lost. */
  nextCheckAt(): number {
    return Math.min(this.nextProbeDueAt(), this.lostAt());
  }
}

/** True when a timer planned for `expectedAt` fired at `firedAt` more than `thresholdMs` late. */
export function detectWake(expectedAt: number, firedAt: number, thresholdMs: number): boolean {
  return firedAt - expectedAt > thresholdMs;
}
