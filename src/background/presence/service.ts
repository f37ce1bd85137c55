/**
 * The worker's presence service: the agent's status (stored in storage.session through `store`),
 * read from Genesys when unknown, changed on request, and folded from streaming events. Work is
 * serialised so a change and an event never interleave. Every change of status is published to
 * the extension pages; entering and leaving "not responding" drive the recovery notification.
 */
import type { Logger } from '../../shared/logger';
import {
  applyPlan,
  mergeEvent,
  planChange,
  type PresenceRequest,
} from '../../shared/presence/change';
import { statusLabel, type AgentStatus } from '../../shared/presence/status';
import type { PresenceEvent } from '../../shared/protocol/messages/presence';
import type { PresenceApi } from './genesys-rest';

export interface StatusStore {
  load(): Promise<AgentStatus | null>;
  save(status: AgentStatus | null): Promise<void>;
}

export interface PresenceServiceDeps {
  api: PresenceApi;
  store: StatusStore;
  signedIn(): Promise<boolean>;
  publish(status: AgentStatus | null): void;
  /** Entered (true) or left (false) "not responding". */
  notResponding(entered: boolean): Promise<void>;
  now(): number;
  log: Logger;
}

export interface PresenceService {
  get(refresh: boolean): Promise<AgentStatus | null>;
  change(request: PresenceRequest): Promise<AgentStatus | null>;
  event(event: PresenceEvent): Promise<void>;
}

export function createPresenceService(deps: PresenceServiceDeps): PresenceService {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const commit = async (next: AgentStatus | null): Promise<AgentStatus | null> => {
    const previous = await deps.store.load();
    await deps.store.save(next);
    const was = previous !== null && statusLabel(previous) === 'not-responding';
    const is = next !== null && statusLabel(next) === 'not-responding';
    if (previous?.presence !== next?.presence || previous?.routing !== next?.routing) {
      deps.publish(next);
    }
    if (was !== is) {
      await deps.notResponding(is).catch((error: unknown) => {
        deps.log.warn('presence notification failed', { error: String(error) });
      });
    }
    return next;
  };

  const fetchNow = async (): Promise<AgentStatus | null> => {
    if (!(await deps.signedIn())) {
      return commit(null);
    }
    const read = await deps.api.read();
    return commit({ ...read, updatedAt: deps.now() });
  };

  return {
    get: (refresh) =>
      serial(async () => {
        const known = await deps.store.load();
        return known !== null && !refresh ? known : fetchNow();
      }),
    change: (request) =>
      serial(async () => {
        const current = (await deps.store.load()) ?? (await fetchNow());
        const plan = planChange(request, current);
        if (plan.kind === 'presence') {
          await deps.api.setPresence(plan.presence);
        }
        if (plan.kind === 'routing') {
          await deps.api.setRouting(plan.status);
        }
        deps.log.info('presence changed', { request: request.kind, plan: plan.kind });
        return commit(applyPlan(current, plan, deps.now()));
      }),
    event: (event) =>
      serial(async () => {
        const current = await deps.store.load();
        if (current === null) {
          await fetchNow();
          return;
        }
        await commit(mergeEvent(current, event, deps.now()));
      }),
  };
}
