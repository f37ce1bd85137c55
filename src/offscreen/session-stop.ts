/**
 * Leaving a session for good (sign-out, organisation switch): stop the softphone and wait for the
 * bounded SDK destroy, then forget the streaming client's reconnect backoff, so the next sign-in
 * starts at once and nothing of the old session keeps reconnecting.
 */
import type { Handlers } from '../shared/protocol/messenger';
import type { authToOffscreen } from '../shared/protocol/messages/auth';
import { settleWithin } from './softphone/bounded';
import { clearBackoffMemory } from './softphone/signalling-control';

export interface StoppableSession {
  configure(config: null): void | Promise<void>;
  settled(): Promise<void>;
}

export function sessionStopHandlers(
  supervisor: StoppableSession,
  storage: () => Storage | undefined,
): Handlers<typeof authToOffscreen> {
  return {
    'auth.stopSoftphone': async ({ timeoutMs }) => {
      await supervisor.configure(null);
      return { stopped: await settleWithin(supervisor.settled(), timeoutMs) };
    },
    'auth.clearBackoff': () => ({ cleared: clearBackoffMemory(storage()) }),
  };
}
