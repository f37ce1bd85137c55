/** Worker handlers for the softphone session: snapshots in, relay out, call commands through. */
import type { Handlers } from '../../shared/protocol/messenger';
import type { sessionToWorker } from '../../shared/protocol/messages/session';
import { ensureOffscreen } from '../offscreen-lifecycle';
import { relaySnapshot } from '../relay';
import { readSnapshot, storeSnapshot } from '../session-store';
import type { WorkerDeps } from './deps';

export function sessionHandlers(deps: WorkerDeps): Handlers<typeof sessionToWorker> {
  return {
    'offscreen.ready': async ({ bootId }) => {
      deps.log.info('offscreen document ready', { bootId });
      // The last snapshot tells a recreated document which calls its predecessor had.
      return { config: await deps.sessionConfig(), snapshot: await readSnapshot() };
    },
    'auth.unauthorized': async () => {
      await deps.reportUnauthorized?.();
      return null;
    },
    'session.changed': async (snapshot) => {
      const previous = await readSnapshot();
      if (await storeSnapshot(snapshot)) {
        await relaySnapshot(snapshot, deps.settings().servicenow);
        for (const observe of deps.snapshotObservers) {
          try {
            await observe(snapshot, previous);
          } catch (error) {
            deps.log.warn('snapshot observer failed', { error: String(error) });
          }
        }
      }
      return null;
    },
    'content.ready': async () => {
      void ensureOffscreen();
      return { snapshot: await readSnapshot() };
    },
    'ui.state': async () => ({ snapshot: await readSnapshot() }),
    'session.refresh': () => deps.toOffscreen('session.publish', null),
    'call.command': async (command) => {
      await deps.toOffscreen('call.command', command);
      return null;
    },
  };
}
