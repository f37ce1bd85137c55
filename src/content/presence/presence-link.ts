/**
 * The tab's side of presence: asks the worker for the agent's status when the page starts (which
 * also tells the worker a ServiceNow tab is there for a waiting presence write), keeps the chip's
 * store current from `presence.changed`, and carries out the worker's `presence.write` and
 * `presence.read` with this page's own session.
 */
import type { PresenceReadOutcome, PresenceWriteOutcome } from '../../shared/presence/servicenow';
import type { ServiceNowPresence } from '../../shared/presence/sync';
import type { TableClient } from '../../shared/servicenow/table-client';
import type { RequestWorker } from '../messaging/worker-link';
import { isPresenceView } from './guards';
import type { StatusStore } from './status-store';

export interface PresenceLinkOptions {
  request: RequestWorker;
  client: () => Promise<TableClient>;
  store: StatusStore;
  onError: (error: unknown) => void;
}

/** The Table API operations, in their own chunk (servicenow-ops.ts). */
const ops = () => import('./servicenow-ops');

export function createPresenceLink({ request, client, store, onError }: PresenceLinkOptions) {
  const apply = (view: unknown) => {
    if (isPresenceView(view)) {
      store.set(view.status);
    }
  };
  return {
    start(): void {
      request('presence.get', {}).then(apply, onError);
    },
    changed(view: unknown): null {
      apply(view);
      return null;
    },
    async write({ state }: { state: ServiceNowPresence }): Promise<PresenceWriteOutcome> {
      const [{ writePresence }, table] = await Promise.all([ops(), client()]);
      return writePresence(table, state);
    },
    async read(): Promise<PresenceReadOutcome> {
      const [{ readPresence }, table] = await Promise.all([ops(), client()]);
      return readPresence(table);
    },
  };
}
