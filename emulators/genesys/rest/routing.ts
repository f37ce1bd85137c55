/**
 * Routing-status changes the platform makes by itself: an agent on queue who lets an ACD call
 * alert until it times out goes NOT_RESPONDING, one who answers it is INTERACTING until it ends
 * and then IDLE again (as Genesys Cloud does), published on
 * `v2.users.{id}.routingStatus` and recorded with `by: 'platform'` so tests can tell them from the
 * changes a client made.
 */
import type { Hub } from '../hub';
import type { User } from '../state';

const ON_QUEUE = 'On Queue';

export function setRoutingStatus(
  hub: Hub,
  user: User,
  status: string,
  by: 'client' | 'platform',
): void {
  user.routingStatus = { status, startTime: new Date().toISOString() };
  hub.dir.presenceChanges.push({
    at: Date.now(),
    userId: user.id,
    kind: 'routingStatus',
    value: status,
    ...(by === 'platform' ? { by } : {}),
  });
  hub.streaming.publish(`v2.users.${user.id}.routingStatus`, { routingStatus: user.routingStatus });
}

/** An ACD (queue) call alerted until its timeout: the agent is no longer offered calls. */
export function missedAcdCall(hub: Hub, user: User): void {
  if (user.presence.systemPresence === ON_QUEUE) {
    setRoutingStatus(hub, user, 'NOT_RESPONDING', 'platform');
  }
}

/** An ACD call the agent (on queue) answered: Genesys routes no other call meanwhile. */
export function acdCallConnected(hub: Hub, user: User): void {
  if (user.presence.systemPresence === ON_QUEUE && user.routingStatus.status === 'IDLE') {
    setRoutingStatus(hub, user, 'INTERACTING', 'platform');
  }
}

/** The ACD call ended: the agent is offered calls again. */
export function acdCallEnded(hub: Hub, user: User): void {
  if (user.presence.systemPresence === ON_QUEUE && user.routingStatus.status === 'INTERACTING') {
    setRoutingStatus(hub, user, 'IDLE', 'platform');
  }
}
