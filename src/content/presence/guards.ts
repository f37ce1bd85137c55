/**
 * Hand-written checks for the presence messages a ServiceNow tab accepts from the worker (no zod
 * in the page), held to the zod schemas' verdicts by a test: the agent's status for the chip and
 * the ServiceNow presence write.
 */
import { ROUTING_STATUSES, SYSTEM_PRESENCES, type AgentStatus } from '../../shared/presence/labels';
import { SERVICENOW_PRESENCES, type ServiceNowPresence } from '../../shared/presence/sync';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = (list: readonly string[], v: unknown): boolean =>
  typeof v === 'string' && list.includes(v);

export function isAgentStatus(value: unknown): value is AgentStatus {
  return (
    isObj(value) &&
    oneOf(SYSTEM_PRESENCES, value['presence']) &&
    oneOf(ROUTING_STATUSES, value['routing']) &&
    Number.isSafeInteger(value['updatedAt']) &&
    (value['updatedAt'] as number) >= 0
  );
}

/** `{status}`: the worker's `presence.changed`, and its answer to `presence.get`. */
export function isPresenceView(data: unknown): data is { status: AgentStatus | null } {
  return isObj(data) && (data['status'] === null || isAgentStatus(data['status']));
}

export function isPresenceWrite(data: unknown): data is { state: ServiceNowPresence } {
  return isObj(data) && oneOf(SERVICENOW_PRESENCES, data['state']);
}
