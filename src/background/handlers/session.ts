/** Worker handlers for the softphone session: snapshots in, relay out, call commands through. */
import type { Handlers } from '../../shared/protocol/messenger';
import type { sessionToWorker } from '../../shared/protocol/messages/session';
import { ensureOffscreen } from '../offscreen-lifecycle';
import { relaySnapshot } from '../relay';
import { acceptSnapshot, readSnapshot } from '../session-store';
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
      // The one staleness check (memory; storage only after a worker start). The storage write
      // runs while the tabs are being sent the snapshot.
      const accepted = await acceptSnapshot(snapshot);
      if (!accepted) {
        return null;
      }
      await Promise.all([accepted.stored, relaySnapshot(snapshot, deps.settings().servicenow)]);
      for (const observe of deps.snapshotObservers) {
        try {
          await observe(snapshot, accepted.previous);
        } catch (error) {
          deps.log.warn('snapshot observer failed', { error: String(error) });
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
