/** The worker's `presence.changed` broadcasts, handed from the popup's bridge to the picker. */
import type { AgentStatus } from '../shared/presence/status';

type Listener = (status: AgentStatus | null) => void;
const listeners = new Set<Listener>();

export function presenceChanged(status: AgentStatus | null): void {
  for (const listener of [...listeners]) {
    listener(status);
  }
}

export function onPresenceChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
