/**
 * The agent's microphone, speaker and ringer (settings `audio.*`, carried in the session
 * configuration) applied to the softphone and the ringer:
 * - each softphone instance gets the whole choice once it is connected (the SDK was built with it
 *   as its defaults already; this checks it against the device list and sets the output sink);
 * - a new choice while an instance runs applies what changed, once, live calls included (the SDK
 *   swaps the microphone track in place, so the call keeps two-way audio); a configuration that
 *   changes something else (a token, the network profile) changes no device;
 * - the ringer follows its own choice at once, with or without a softphone.
 * A chosen device that is not connected is replaced by the system default, with a warning in the
 * log; while that is so for the microphone, every live call says so in the published view.
 * Softphone work runs in the supervisor's queue and is dropped when its instance is gone.
 */
import { isTerminal } from '../../shared/calls/call-fields';
import type { Logger } from '../../shared/logger';
import type { CallSnapshot, SnapshotError } from '../../shared/session/snapshot';
import type { AudioDevice, DeviceSelection, SoftphonePort } from '../softphone/softphone-port';
import type { Ringer } from './ringtone';
import type { SerialQueue } from './serial-queue';
import type { ChosenDevices } from './session-config';

export const MICROPHONE_FALLBACK: SnapshotError = {
  code: 'microphone.not-found',
  message: 'The chosen microphone is not connected: the call uses the default microphone.',
};

export interface DeviceChoiceDeps {
  port: Pick<SoftphonePort, 'setDevices' | 'listDevices'>;
  queue: SerialQueue;
  ringer: Ringer;
  /** The softphone instance number (bumped by every start and destroy). */
  generation(): number;
  /** The published view changed (the microphone warning came or went). */
  changed(): void;
  log: Logger;
}

interface Applied {
  generation: number;
  microphoneId: string;
  speakerId: string;
}

const SYSTEM = 'default';

/** The chosen device when `devices` lists it, else the system default; `missing` says which. */
export function resolveDevice(
  devices: readonly AudioDevice[],
  kind: AudioDevice['kind'],
  deviceId: string,
): { deviceId: string; missing: boolean } {
  if (deviceId === SYSTEM || devices.some((d) => d.kind === kind && d.deviceId === deviceId)) {
    return { deviceId, missing: false };
  }
  return { deviceId: SYSTEM, missing: true };
}

export class DeviceChoice {
  readonly #deps: DeviceChoiceDeps;
  #wanted: ChosenDevices | undefined;
  #applied: Applied | undefined;
  #ringer = SYSTEM;
  #microphoneMissing = false;

  constructor(deps: DeviceChoiceDeps) {
    this.#deps = deps;
  }

  /** Whether live calls use the default microphone because the chosen one is not connected. */
  get microphoneMissing(): boolean {
    return this.#microphoneMissing;
  }

  /** The choice from a configuration: what changed applies now (ringer) or to the running instance. */
  choose(wanted: ChosenDevices): void {
    this.#wanted = wanted;
    if (wanted.ringerId !== this.#ringer) {
      this.#ringer = wanted.ringerId;
      void this.#applyRinger(wanted.ringerId);
    }
    const applied = this.#applied;
    if (applied?.generation !== this.#deps.generation()) {
      return; // no instance has been set up yet: connected() applies the whole choice
    }
    const change: DeviceSelection = {
      ...(wanted.microphoneId !== applied.microphoneId && { microphoneId: wanted.microphoneId }),
      ...(wanted.speakerId !== applied.speakerId && { speakerId: wanted.speakerId }),
    };
    if (Object.keys(change).length > 0) {
      this.#apply(change);
    }
  }

  /** The softphone is connected: a new instance gets the whole choice (a reconnect nothing). */
  connected(): void {
    const wanted = this.#wanted;
    if (wanted === undefined || this.#applied?.generation === this.#deps.generation()) {
      return;
    }
    this.#apply({ microphoneId: wanted.microphoneId, speakerId: wanted.speakerId });
  }

  /** The view with each live call marked while the chosen microphone is not connected. */
  decorate<V extends { calls: CallSnapshot[] }>(view: V): V {
    if (!this.#microphoneMissing) {
      return view;
    }
    const calls = view.calls.map((call) =>
      !isTerminal(call.state) && call.error === undefined
        ? { ...call, error: MICROPHONE_FALLBACK }
        : call,
    );
    return { ...view, calls };
  }

  #apply(change: DeviceSelection): void {
    const { port, queue, log } = this.#deps;
    const generation = this.#deps.generation();
    const previous = this.#applied?.generation === generation ? this.#applied : undefined;
    this.#applied = {
      generation,
      microphoneId: change.microphoneId ?? previous?.microphoneId ?? SYSTEM,
      speakerId: change.speakerId ?? previous?.speakerId ?? SYSTEM,
    };
    queue
      .run(async () => {
        if (generation !== this.#deps.generation()) {
          return;
        }
        const devices = await port.listDevices();
        const selection = this.#resolve(devices, change);
        await port.setDevices(selection);
        log.debug('audio devices applied', { ...selection });
      })
      .catch((error: unknown) => {
        log.warn('audio devices could not be applied', { ...change, error: String(error) });
      });
  }

  #resolve(devices: readonly AudioDevice[], change: DeviceSelection): DeviceSelection {
    const selection: DeviceSelection = {};
    if (change.microphoneId !== undefined) {
      const mic = resolveDevice(devices, 'audioinput', change.microphoneId);
      if (mic.missing) {
        this.#deps.log.warn('chosen microphone not connected, the default is used', {
          deviceId: change.microphoneId,
        });
      }
      if (mic.missing !== this.#microphoneMissing) {
        this.#microphoneMissing = mic.missing;
        this.#deps.changed();
      }
      selection.microphoneId = mic.deviceId;
    }
    if (change.speakerId !== undefined) {
      const speaker = resolveDevice(devices, 'audiooutput', change.speakerId);
      if (speaker.missing) {
        this.#deps.log.warn('chosen speaker not connected, the default is used', {
          deviceId: change.speakerId,
        });
      }
      selection.speakerId = speaker.deviceId;
    }
    return selection;
  }

  async #applyRinger(deviceId: string): Promise<void> {
    const { port, ringer, log } = this.#deps;
    try {
      const devices = await port.listDevices();
      if (deviceId !== this.#ringer) {
        return; // chosen again meanwhile: the later choice applies
      }
      const chosen = resolveDevice(devices, 'audiooutput', deviceId);
      if (chosen.missing) {
        log.warn('chosen ringer not connected, the default is used', { deviceId });
      }
      await ringer.setDevice(chosen.deviceId);
    } catch (error) {
      log.warn('ringer device could not be chosen, the default is used', {
        deviceId,
        error: String(error),
      });
      await ringer.setDevice(SYSTEM).catch(() => undefined);
    }
  }
}
