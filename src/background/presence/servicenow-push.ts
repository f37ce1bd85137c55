/**
 * Genesys → ServiceNow presence (setting `presence.servicenowSync` = genesys-to-servicenow): after
 * each change of the Genesys status the worker wants one ServiceNow state (sync.ts: On Queue and
 * Interacting are Away, never Available) and hands the write to a ServiceNow tab, which carries it
 * out with the agent's own session. Only the latest wanted state is kept (storage.session); with
 * no tab open it waits, and the next tab that starts (its `presence.get`) gets it. Work is
 * serialised, so a newer state is never overtaken by an older write.
 *
 *   status changed ──planPush──▶ {state, done: false} ──tab──▶ {state, done: true}
 *                                    │ no tab / failed
 *                                    └──── a tab starts ──▶ tried again (latest state only)
 */
import type { Logger } from '../../shared/logger';
import type { AgentStatus } from '../../shared/presence/labels';
import type { PresenceWriteOutcome } from '../../shared/presence/servicenow';
import {
  planPush,
  type PushState,
  type ServiceNowPresence,
  type SyncDirection,
} from '../../shared/presence/sync';

export interface PushStore {
  load(): Promise<PushState | null>;
  save(state: PushState): Promise<void>;
}

export interface PushDeps {
  direction(): SyncDirection;
  store: PushStore;
  /** Hands the write to a ServiceNow tab; null when no tab took it. */
  execute(state: ServiceNowPresence): Promise<PresenceWriteOutcome | null>;
  log: Logger;
}

export interface ServiceNowPush {
  statusChanged(status: AgentStatus | null): Promise<void>;
  /** A ServiceNow tab started: a write still waiting is tried again. */
  tabAppeared(): Promise<void>;
}

export function createServiceNowPush(deps: PushDeps): ServiceNowPush {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const attempt = async (state: ServiceNowPresence): Promise<void> => {
    const outcome = await deps.execute(state);
    if (outcome === null) {
      deps.log.info('ServiceNow presence waits for a ServiceNow tab', { state });
    } else if (outcome.ok) {
      await deps.store.save({ state, done: true });
      deps.log.info('ServiceNow presence set', { state, changed: outcome.changed });
    } else {
      deps.log.warn('ServiceNow presence not set', { state, code: outcome.code });
    }
  };

  return {
    statusChanged: (status) =>
      serial(async () => {
        const state = planPush(deps.direction(), status);
        if (state !== null) {
          await deps.store.save({ state, done: false });
          await attempt(state);
        }
      }),
    tabAppeared: () =>
      serial(async () => {
        const last = await deps.store.load();
        if (deps.direction() === 'genesys-to-servicenow' && last !== null && !last.done) {
          await attempt(last.state);
        }
      }),
  };
}
