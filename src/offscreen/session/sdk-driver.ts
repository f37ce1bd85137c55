/**
 * Runs the machine's SDK effects against the softphone: create (start), destroy, soft reconnect.
 * Every instance gets a generation number; an outcome that arrives after its instance was
 * destroyed is dropped, so a stale start can never move the machine. Start and reconnect wait in
 * the command queue; destroy pre-empts it (it aborts a start in flight) and is bounded. Failures
 * are classified into session reasons with the taxonomy code kept for the snapshot.
 */
import type { Logger } from '../../shared/logger';
import { SESSION_ERROR_REASONS, type SessionErrorReason } from '../../shared/session/errors';
import type { SnapshotError } from '../../shared/session/snapshot';
import { toSoftphoneError } from '../softphone/softphone-error';
import type { SoftphoneConfig, SoftphonePort } from '../softphone/softphone-port';
import type { Clock } from './clock';
import type { SerialQueue } from './serial-queue';

export const DESTROY_TIMEOUT_MS = 5_000;

export interface Failure {
  reason: SessionErrorReason;
  /** Taxonomy code and message for the snapshot. */
  error: SnapshotError;
}

/** Classifies anything a softphone call rejected with. */
export function classifyFailure(error: unknown): Failure {
  const e = toSoftphoneError(error);
  const reason = (SESSION_ERROR_REASONS as readonly string[]).includes(e.reason)
    ? (e.reason as SessionErrorReason)
    : 'unknown';
  return { reason, error: { code: e.code, message: e.message } };
}

export interface DriverMetrics {
  lastStartMs?: number;
  lastSoftReconnectMs?: number;
}

export class SdkDriver {
  readonly metrics: DriverMetrics = {};
  #generation = 0;

  constructor(
    private readonly port: SoftphonePort,
    private readonly queue: SerialQueue,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** The current instance's number; bumped by start and destroy. */
  get generation(): number {
    return this.#generation;
  }

  start(config: SoftphoneConfig, onFailed: (failure: Failure) => void): void {
    const generation = ++this.#generation;
    const startedAt = this.clock.now();
    this.queue
      .run(async () => {
        if (generation !== this.#generation) {
          return false;
        }
        await this.port.start(config);
        return true;
      })
      .then(
        (ran) => {
          if (ran && generation === this.#generation) {
            this.metrics.lastStartMs = this.clock.now() - startedAt;
            this.log.debug('softphone started', { ms: this.metrics.lastStartMs });
          }
        },
        (error: unknown) => {
          if (generation === this.#generation) {
            onFailed(classifyFailure(error));
          }
        },
      );
  }

  destroy(): void {
    this.#generation++;
    this.queue
      .preempt(() => this.port.destroy(DESTROY_TIMEOUT_MS))
      .catch((error: unknown) => {
        this.log.warn('softphone destroy failed', { error: String(error) });
      });
  }

  /** Re-establishes signalling in place, keeping the instance and its calls. */
  softReconnect(timeoutMs: number, onFailed: (failure: Failure) => void): void {
    const generation = this.#generation;
    this.queue
      .run(async () => {
        if (generation !== this.#generation) {
          return;
        }
        const startedAt = this.clock.now();
        this.port.clearBackoffMemory();
        await this.port.reconnectSignalling(timeoutMs);
        this.metrics.lastSoftReconnectMs = this.clock.now() - startedAt;
        this.log.debug('signalling reconnected', { ms: this.metrics.lastSoftReconnectMs });
      })
      .catch((error: unknown) => {
        if (generation === this.#generation) {
          onFailed(classifyFailure(error));
        }
      });
  }

  /** Forgets the streaming client's remembered backoff once queued work is done. */
  forgetBackoff(): void {
    void this.queue.run(() => {
      this.port.clearBackoffMemory();
      return Promise.resolve();
    });
  }

  /** Bounded teardown for close(): no later outcome counts. */
  async close(): Promise<void> {
    this.#generation++;
    await this.port.destroy(DESTROY_TIMEOUT_MS).catch(() => undefined);
  }
}
