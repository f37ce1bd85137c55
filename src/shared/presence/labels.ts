/**
 * The agent's Genesys status as Switchboard shows it: the presence (what colleagues see) and the
 * routing status (whether ACD may offer a call), folded into one label. Pure; no chrome.*, no fetch,
 * no zod (the ServiceNow content script imports it; the schema is in status.ts).
 *
 *   presence "On Queue" + routing IDLE            → on-queue
 *   presence "On Queue" + INTERACTING/COMMUNICATING → interacting
 *   presence "On Queue" + NOT_RESPONDING          → not-responding (a missed ACD call)
 *   any other presence                            → that presence (available, busy, away, …)
 */

export const SYSTEM_PRESENCES = [
  'Available',
  'On Queue',
  'Busy',
  'Away',
  'Break',
  'Meal',
  'Meeting',
  'Training',
  'Offline',
] as const;
export type SystemPresence = (typeof SYSTEM_PRESENCES)[number];

export const ROUTING_STATUSES = [
  'OFF_QUEUE',
  'IDLE',
  'INTERACTING',
  'COMMUNICATING',
  'NOT_RESPONDING',
] as const;
export type RoutingStatus = (typeof ROUTING_STATUSES)[number];

export interface AgentStatus {
  presence: SystemPresence;
  routing: RoutingStatus;
  /** Epoch ms when Switchboard last learned either part. */
  updatedAt: number;
}

export const STATUS_LABELS = [
  'on-queue',
  'interacting',
  'not-responding',
  'available',
  'busy',
  'away',
  'break',
  'meal',
  'meeting',
  'training',
  'offline',
] as const;
export type StatusLabel = (typeof STATUS_LABELS)[number];

const PRESENCE_LABEL: Record<Exclude<SystemPresence, 'On Queue'>, StatusLabel> = {
  Available: 'available',
  Busy: 'busy',
  Away: 'away',
  Break: 'break',
  Meal: 'meal',
  Meeting: 'meeting',
  Training: 'training',
  Offline: 'offline',
};

export function statusLabel(status: Pick<AgentStatus, 'presence' | 'routing'>): StatusLabel {
  if (status.routing === 'NOT_RESPONDING') {
    return 'not-responding';
  }
  if (status.presence !== 'On Queue') {
    return PRESENCE_LABEL[status.presence];
  }
  return status.routing === 'INTERACTING' || status.routing === 'COMMUNICATING'
    ? 'interacting'
    : 'on-queue';
}

/** True while ACD may route (or is routing) calls to the agent. */
export function isOnQueue(status: Pick<AgentStatus, 'presence'>): boolean {
  return status.presence === 'On Queue';
}
