/**
 * A microphone unplugged (or changed) mid-call: the capture track ends and the call goes on
 * sending nothing. Each check looks at the live calls' peer connections; one that is connected
 * but sends no live audio track gets a microphone again (SoftphonePort `restoreMicrophone`): the
 * agent's chosen one while it is still connected, else the system default. While none can be
 * had the call carries a 'microphone.device-lost' error in every published view, so the agent is
 * told in the popup and the tabs; it goes away once audio is back. A device change checks at
 * once; a failed attempt is tried again after `retryMs` (or at the next device change). Checks
 * are single-flight.
 */
import type { Logger } from '../../shared/logger';
import type { CallSnapshot, SnapshotError } from '../../shared/session/snapshot';
import { isTerminal } from '../../shared/calls/call-fields';
import type { PeerConnectionHealth } from '../softphone/softphone-port';

export const DEVICE_LOST: SnapshotError = {
  code: 'microphone.device-lost',
  message: 'No microphone: the caller cannot hear you. Plug one in or choose another.',
};

export interface MicrophoneRecoveryDeps {
  peers(): readonly PeerConnectionHealth[];
  restore(conversationId: string): Promise<void>;
  /** The problems changed: publish a new view. */
  changed(): void;
  now(): number;
  log: Logger;
  /** Wait before trying a failed call again without a device change. Default 5 s. */
  retryMs?: number;
}

export class MicrophoneRecovery {
  readonly #deps: MicrophoneRecoveryDeps;
  readonly #lost = new Map<string, number>();
  #running: Promise<void> | undefined;

  constructor(deps: MicrophoneRecoveryDeps) {
    this.#deps = deps;
  }

  /** Calls sending no microphone audio right now, with no microphone to give them. */
  get lost(): readonly string[] {
    return [...this.#lost.keys()];
  }

  /** `deviceChange`: the device list changed, so a call without a microphone is tried at once. */
  check(deviceChange = false): Promise<void> {
    this.#running ??= this.#check(deviceChange).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** The view with each call that has no microphone marked (errors of its own are kept). */
  decorate<V extends { calls: CallSnapshot[] }>(view: V): V {
    if (this.#lost.size === 0) {
      return view;
    }
    const calls = view.calls.map((call) =>
      this.#lost.has(call.conversationId) && !isTerminal(call.state) && call.error === undefined
        ? { ...call, error: DEVICE_LOST }
        : call,
    );
    return { ...view, calls };
  }

  async #check(deviceChange: boolean): Promise<void> {
    const { log } = this.#deps;
    const peers = this.#deps.peers();
    let changed = this.#forgetGone(peers);
    const silent = peers.filter(
      (p) => p.connectionState === 'connected' && p.sendingAudio === false,
    );
    for (const { conversationId: id } of silent) {
      const failedAt = this.#lost.get(id);
      if (!deviceChange && failedAt !== undefined && this.#deps.now() - failedAt < this.#retryMs) {
        continue;
      }
      try {
        await this.#deps.restore(id);
        log.info('microphone taken again for the call', { conversationId: id });
        changed = this.#lost.delete(id) || changed;
      } catch (error) {
        if (failedAt === undefined) {
          log.warn('no microphone for the call', { conversationId: id, error: String(error) });
          changed = true;
        }
        this.#lost.set(id, this.#deps.now());
      }
    }
    if (changed) {
      this.#deps.changed();
    }
  }

  /** Drops calls that are gone or send audio again; true when something was dropped. */
  #forgetGone(peers: readonly PeerConnectionHealth[]): boolean {
    let dropped = false;
    for (const id of this.#lost.keys()) {
      const peer = peers.find((p) => p.conversationId === id);
      if (peer === undefined || peer.sendingAudio === true) {
        this.#lost.delete(id);
        dropped = true;
      }
    }
    return dropped;
  }

  get #retryMs(): number {
    return this.#deps.retryMs ?? 5_000;
  }
}

/** Checks every `everyMs` and on each device change until the returned stop is called. */
export function watchMicrophone(
  recovery: MicrophoneRecovery,
  devices: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined,
  everyMs = 1_000,
): () => void {
  const onChange = () => void recovery.check(true);
  devices?.addEventListener('devicechange', onChange);
  const timer = setInterval(() => void recovery.check(), everyMs);
  return () => {
    clearInterval(timer);
    devices?.removeEventListener('devicechange', onChange);
  };
}
