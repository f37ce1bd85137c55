/**
 * Calls that rang before this softphone listened. A propose the platform sent while the softphone
 * was starting (or reconnecting) never reaches it, so the call would ring for the caller and never
 * for the agent. Each time the softphone is connected, the agent's calls on the platform are read
 * (the same Platform API list inherited-calls.ts uses) and every inbound call still alerting that
 * this document has not seen is offered (`SoftphonePort.offerMissed`), answerable like any other.
 */
import type { Logger } from '../../shared/logger';
import type { PlatformCall, SoftphonePort } from '../softphone/softphone-port';
import type { CallBook } from './call-book';
import type { SerialQueue } from './serial-queue';

/** Inbound calls alerting for the agent on the platform that the call book does not hold. */
export function unannounced(platform: readonly PlatformCall[], calls: CallBook): PlatformCall[] {
  return platform.filter(
    (call) =>
      call.state === 'alerting' &&
      call.fields?.direction !== 'outbound' &&
      calls.get(call.conversationId) === undefined,
  );
}

export interface MissedOffersDeps {
  port: SoftphonePort;
  queue: SerialQueue;
  calls: CallBook;
  /** The softphone instance number; a result for an older instance is dropped. */
  generation(): number;
  /** Whether signalling is still connected (a list read before a loss is not acted on). */
  connected(): boolean;
  log: Logger;
}

export class MissedOffers {
  #running = false;

  constructor(private readonly deps: MissedOffersDeps) {}

  /** Reads the platform's list once (single-flight) and offers what was missed. */
  reconcile(): void {
    const { port, queue, log } = this.deps;
    if (this.#running) {
      return;
    }
    this.#running = true;
    const generation = this.deps.generation();
    queue
      .run(() => port.platformCalls())
      .then(
        (platform) => {
          if (generation === this.deps.generation() && this.deps.connected()) {
            this.#offer(platform);
          }
        },
        (error: unknown) => log.warn('platform calls unavailable', { error: String(error) }),
      )
      .finally(() => {
        this.#running = false;
      });
  }

  #offer(platform: PlatformCall[]): void {
    for (const call of unannounced(platform, this.deps.calls)) {
      try {
        if (this.deps.port.offerMissed(call)) {
          this.deps.log.warn('offering a call that rang before the softphone listened', {
            conversationId: call.conversationId,
          });
        }
      } catch (error) {
        this.deps.log.warn('could not offer a missed call', {
          conversationId: call.conversationId,
          error: String(error),
        });
      }
    }
  }
}
