/**
 * The supervisor's call-side helpers, built over the same port, queue and call book: calls a
 * previous offscreen document had (settled once connected), calls that rang before the softphone
 * listened (offered from the platform's list) and the agent's audio devices.
 */
import type { Logger } from '../../shared/logger';
import type { SoftphonePort } from '../softphone/softphone-port';
import type { CallBook } from './call-book';
import type { Clock } from './clock';
import { DeviceChoice } from './device-choice';
import { InheritedCalls } from './inherited-calls';
import { MissedOffers } from './missed-offers';
import type { Ringer } from './ringtone';
import type { SerialQueue } from './serial-queue';

export interface CallPartsDeps {
  port: SoftphonePort;
  queue: SerialQueue;
  calls: CallBook;
  clock: Clock;
  ringer: Ringer;
  log: Logger;
  /** The SDK instance's generation: work for an older instance is dropped. */
  generation: () => number;
  connected: () => boolean;
  /** Something shown changed: publish. */
  changed: () => void;
}

export interface CallParts {
  inherited: InheritedCalls;
  missed: MissedOffers;
  devices: DeviceChoice;
}

export function createCallParts(deps: CallPartsDeps): CallParts {
  const { port, queue, calls, log, generation, changed } = deps;
  return {
    inherited: new InheritedCalls({
      port,
      queue,
      calls,
      now: () => deps.clock.now(),
      generation,
      changed,
      log,
    }),
    missed: new MissedOffers({ port, queue, calls, generation, connected: deps.connected, log }),
    devices: new DeviceChoice({ port, queue, ringer: deps.ringer, generation, changed, log }),
  };
}
