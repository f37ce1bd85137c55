/**
 * ServiceNow agent presence (Advanced Work Assignment) as a ServiceNow tab writes it with the
 * agent's own session: the agent's `awa_agent_presence` record, whose `current_presence_state`
 * references an `awa_presence_state` record by sys_id. Zod-free: the content script imports it.
 *
 *   GET   awa_agent_presence?sysparm_query=agent=javascript:gs.getUserID()   (the agent's record)
 *   GET   awa_presence_state?sysparm_query=name=Away                         (the state's sys_id)
 *   PATCH awa_agent_presence/<sys_id> {current_presence_state: <state sys_id>} (only if different)
 */
import type { ServiceNowPresence } from './sync';

export const AGENT_PRESENCE_TABLE = 'awa_agent_presence';
export const PRESENCE_STATE_TABLE = 'awa_presence_state';
export const PRESENCE_FIELD = 'current_presence_state';
/** The signed-in user's own record; ServiceNow resolves gs.getUserID() for the session. */
export const OWN_PRESENCE_QUERY = 'agent=javascript:gs.getUserID()';

/** The `name` of the `awa_presence_state` record for each mapped state. */
export const PRESENCE_STATE_NAMES: Readonly<Record<ServiceNowPresence, string>> = {
  available: 'Available',
  away: 'Away',
  offline: 'Offline',
};

/** The mapped state for an `awa_presence_state` name; any other state counts as away. */
export function presenceForStateName(name: string): ServiceNowPresence {
  const found = (Object.keys(PRESENCE_STATE_NAMES) as ServiceNowPresence[]).find(
    (state) => PRESENCE_STATE_NAMES[state].toLowerCase() === name.trim().toLowerCase(),
  );
  return found ?? 'away';
}

/** What a ServiceNow tab answers for one presence read: null when the agent has no record. */
export type PresenceReadOutcome =
  { ok: true; state: ServiceNowPresence | null } | { ok: false; code: string; message: string };

/** What a ServiceNow tab answers for one presence write. */
export type PresenceWriteOutcome =
  { ok: true; changed: boolean } | { ok: false; code: string; message: string };

/** The worker's check of a tab's answer (structure only; the tab built it). */
export function isPresenceWriteOutcome(value: unknown): value is PresenceWriteOutcome {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return v['ok'] === true
    ? typeof v['changed'] === 'boolean'
    : v['ok'] === false && typeof v['code'] === 'string' && typeof v['message'] === 'string';
}

export function isPresenceReadOutcome(value: unknown): value is PresenceReadOutcome {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Record<string, unknown>;
  if (v['ok'] === true) {
    const state = v['state'];
    return (
      state === null || (typeof state === 'string' && Object.hasOwn(PRESENCE_STATE_NAMES, state))
    );
  }
  return v['ok'] === false && typeof v['code'] === 'string' && typeof v['message'] === 'string';
}
