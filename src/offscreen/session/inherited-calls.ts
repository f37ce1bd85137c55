/**
 * The truth about calls a previous offscreen document had (its last snapshot is kept by the
 * worker). Once the new softphone is connected, each inherited call is checked against the
 * platform and against this document's own media:
 *
 *   media here for it ............................ reconnected (kept as it is)
 *   platform no longer has it ..................... ended (it ended while nobody was listening)
 *   platform has it alerting ...................... missed (this client never got the offer)
 *   platform has it live, no media here ........... call lost: failed (signalling.disconnected),
 *                                                   and the agent is taken off it so the
 *                                                   caller is not left in silence
 */
import type { Logger } from '../../shared/logger';
import type { SnapshotError } from '../../shared/session/snapshot';
import type { PlatformCall, SignallingHealth, SoftphonePort } from '../softphone/softphone-port';
import type { CallBook } from './call-book';
import type { SerialQueue } from './serial-queue';

/** A taxonomy code (signalling layer: the session that carried the call is gone). */
export const CALL_LOST: SnapshotError = {
  code: 'signalling.disconnected',
  message: 'The call was lost when the softphone restarted; the caller has been disconnected.',
};

export type InheritedVerdict = 'reconnected' | 'ended' | 'missed' | 'lost';

export interface Settlement {
  conversationId: string;
  verdict: InheritedVerdict;
}

/** Decides every inherited call, updates the book, and returns what was decided. */
export function settleInherited(
  calls: CallBook,
  platform: readonly PlatformCall[],
  health: SignallingHealth,
  now: number,
): Settlement[] {
  const out: Settlement[] = [];
  for (const conversationId of calls.inherited()) {
    const verdict = verdictFor(calls, conversationId, platform, health);
    out.push({ conversationId, verdict });
    switch (verdict) {
      case 'reconnected':
        calls.confirm(conversationId);
        break;
      case 'ended':
      case 'missed':
        calls.settle(conversationId, verdict, now);
        break;
      case 'lost':
        calls.settle(conversationId, 'failed', now, CALL_LOST);
        break;
    }
  }
  return out;
}

function verdictFor(
  calls: CallBook,
  conversationId: string,
  platform: readonly PlatformCall[],
  health: SignallingHealth,
): InheritedVerdict {
  if (health.peerConnections.some((p) => p.conversationId === conversationId)) {
    return 'reconnected';
  }
  const remote = platform.find((c) => c.conversationId === conversationId);
  if (remote === undefined) {
    return 'ended';
  }
  const alerting = remote.state === 'alerting' || calls.get(conversationId)?.state === 'alerting';
  return alerting ? 'missed' : 'lost';
}

export interface InheritedDeps {
  port: SoftphonePort;
  queue: SerialQueue;
  calls: CallBook;
  now(): number;
  /** The softphone instance number; a result for an older instance is dropped. */
  generation(): number;
  changed(): void;
  log: Logger;
}

/** Runs the settlement once the softphone is connected (single-flight; retried until it works). */
export class InheritedCalls {
  #running = false;

  constructor(private readonly deps: InheritedDeps) {}

  settle(): void {
    const { port, queue, calls, log } = this.deps;
    if (this.#running || calls.inherited().length === 0) {
      return;
    }
    this.#running = true;
    const generation = this.deps.generation();
    queue
      .run(() => port.platformCalls())
      .then(
        (platform) => {
          if (generation === this.deps.generation()) {
            this.#apply(platform);
          }
        },
        (error: unknown) => log.warn('platform calls unavailable', { error: String(error) }),
      )
      .finally(() => {
        this.#running = false;
      });
  }

  #apply(platform: PlatformCall[]): void {
    const { port, queue, calls, log } = this.deps;
    for (const { conversationId, verdict } of settleInherited(
      calls,
      platform,
      port.health(),
      this.deps.now(),
    )) {
      log.debug('inherited call settled', { conversationId, verdict });
      if (verdict === 'lost') {
        queue
          .run(() => port.abandon(conversationId))
          .catch((error: unknown) => {
            log.warn('could not leave a lost call', { conversationId, error: String(error) });
          });
      }
    }
    this.deps.changed();
  }
}
