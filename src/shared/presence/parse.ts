/**
 * Reads Genesys presence and routing-status bodies (REST answers and `v2.users.{id}.presence` /
 * `.routingStatus` notifications) into plain values. The input is untrusted: anything unknown
 * becomes undefined, never an exception. Custom presences count as their system presence.
 */
import {
  ROUTING_STATUSES,
  SYSTEM_PRESENCES,
  type RoutingStatus,
  type SystemPresence,
} from './status';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `{presenceDefinition: {systemPresence}}` (REST) or the same inside a notification. */
export function parsePresence(body: unknown): SystemPresence | undefined {
  const root = record(body);
  const definition = record(root?.['presenceDefinition']);
  const value = definition?.['systemPresence'];
  if (typeof value !== 'string') {
    return undefined;
  }
  // Genesys spells it "On Queue" in definitions and "ON_QUEUE"/"On_Queue" in some payloads.
  const normal = value.replace(/_/g, ' ').toLowerCase();
  return SYSTEM_PRESENCES.find((p) => p.toLowerCase() === normal);
}

/** `{status}` (REST) or `{routingStatus: {status}}` (notification). */
export function parseRouting(body: unknown): RoutingStatus | undefined {
  const root = record(body);
  const inner = record(root?.['routingStatus']) ?? root;
  const value = inner?.['status'];
  return (ROUTING_STATUSES as readonly unknown[]).includes(value)
    ? (value as RoutingStatus)
    : undefined;
}
