/**
 * The agent's Genesys status as this tab knows it, for the chip on the call cards. One value per
 * page, so the chip subscribes here instead of being handed it through every layer of the pop.
 * An older status (by `updatedAt`) never replaces a newer one: the answer to the start-up
 * `presence.get` and a `presence.changed` broadcast may cross.
 */
import type { AgentStatus } from '../../shared/presence/labels';

type Listener = (status: AgentStatus | null) => void;

export interface StatusStore {
  get(): AgentStatus | null;
  set(status: AgentStatus | null): void;
  subscribe(listener: Listener): () => void;
}

export function createStatusStore(): StatusStore {
  let current: AgentStatus | null = null;
  const listeners = new Set<Listener>();
  return {
    get: () => current,
    set(status) {
      if (status !== null && current !== null && status.updatedAt < current.updatedAt) {
        return;
      }
      current = status;
      listeners.forEach((listener) => listener(current));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's status, shared by the link that feeds it and the chips that show it. */
export const agentStatus = createStatusStore();
