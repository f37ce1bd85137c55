/**
 * ServiceNow → Genesys presence (setting `presence.servicenowSync` = servicenow-to-genesys): the
 * worker asks a ServiceNow tab for the agent's ServiceNow presence (read with the page's own
 * session) when a tab starts and on an alarm at most once a minute, and when the ServiceNow state
 * changed since the last read sets Genesys Available or Away (sync.ts planPull; never On Queue).
 * The last state seen is kept in storage.session, so an unchanged ServiceNow never overrides what
 * the agent set in Genesys meanwhile. Reads are serialised.
 *
 *   tab starts / alarm (≥ 60 s since the last read) ──presence.read──▶ tab ──▶ {state}
 *     state ≠ last seen ──▶ Genesys Available | Away (if not already) ──▶ last seen = state
 */
import type { Logger } from '../../shared/logger';
import type { AgentStatus } from '../../shared/presence/labels';
import type { PresenceReadOutcome } from '../../shared/presence/servicenow';
import { planPull, type ServiceNowPresence, type SyncDirection } from '../../shared/presence/sync';

export const PULL_MIN_INTERVAL_MS = 60_000;

export interface PullMemory {
  state: ServiceNowPresence | null;
  readAt: number;
}

export interface PullDeps {
  direction(): SyncDirection;
  memory: { load(): Promise<PullMemory | null>; save(memory: PullMemory): Promise<void> };
  /** Asks a ServiceNow tab; null when no tab answered. */
  read(): Promise<PresenceReadOutcome | null>;
  current(): Promise<AgentStatus | null>;
  setGenesys(presence: 'Available' | 'Away'): Promise<void>;
  now(): number;
  log: Logger;
}

export function createServiceNowPull(deps: PullDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (force: boolean): Promise<void> => {
    if (deps.direction() !== 'servicenow-to-genesys') {
      return;
    }
    const memory = await deps.memory.load();
    const now = deps.now();
    if (!force && memory !== null && now - memory.readAt < PULL_MIN_INTERVAL_MS) {
      return;
    }
    const outcome = await deps.read();
    if (outcome === null || !outcome.ok || outcome.state === null) {
      deps.log.debug('ServiceNow presence not read', {
        code: outcome === null ? 'no-tab' : outcome.ok ? 'no-record' : outcome.code,
      });
      return;
    }
    const wanted = planPull(
      deps.direction(),
      outcome.state,
      memory?.state ?? null,
      await deps.current(),
    );
    if (wanted !== null) {
      await deps.setGenesys(wanted);
      deps.log.info('Genesys presence set from ServiceNow', { from: outcome.state, to: wanted });
    }
    await deps.memory.save({ state: outcome.state, readAt: now });
  };
  return {
    /** `force`: a tab just started (its report of the page's state); else at most once a minute. */
    pull(force: boolean): Promise<void> {
      const next = queue.then(() => run(force));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
