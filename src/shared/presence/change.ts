/**
 * What the agent asks for, and the one Genesys request that does it. Pure: the worker's REST client
 * carries the plan out.
 *
 *   set {presence}  → PATCH presences/purecloud {presenceDefinition}
 *   toggle-queue    → On Queue when not on queue, else Available (the shortcut and popup toggle)
 *   recover         → PUT routingstatus IDLE (back from NOT_RESPONDING, still On Queue)
 */
import { z } from 'zod';
import { SYSTEM_PRESENCES, isOnQueue, type AgentStatus, type SystemPresence } from './status';

/** The presences an agent may choose in Switchboard (Offline is Genesys's to decide). */
export const SELECTABLE_PRESENCES = [
  'On Queue',
  'Available',
  'Busy',
  'Away',
  'Break',
  'Meal',
  'Meeting',
] as const satisfies readonly SystemPresence[];

export const presenceRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set'), presence: z.enum(SELECTABLE_PRESENCES) }),
  z.object({ kind: z.literal('toggle-queue') }),
  z.object({ kind: z.literal('recover') }),
]);
export type PresenceRequest = z.infer<typeof presenceRequestSchema>;

export type PresencePlan =
  | { kind: 'presence'; presence: SystemPresence }
  | { kind: 'routing'; status: 'IDLE' }
  | { kind: 'none' };

export function planChange(request: PresenceRequest, current: AgentStatus | null): PresencePlan {
  switch (request.kind) {
    case 'set':
      return current?.presence === request.presence && current.routing !== 'NOT_RESPONDING'
        ? { kind: 'none' }
        : { kind: 'presence', presence: request.presence };
    case 'toggle-queue':
      return {
        kind: 'presence',
        presence: current !== null && isOnQueue(current) ? 'Available' : 'On Queue',
      };
    case 'recover':
      if (current?.routing !== 'NOT_RESPONDING') {
        return { kind: 'none' };
      }
      return isOnQueue(current)
        ? { kind: 'routing', status: 'IDLE' }
        : { kind: 'presence', presence: 'On Queue' };
  }
}

/** Applies a plan to the known status once Genesys accepted it (events confirm it later). */
export function applyPlan(
  current: AgentStatus | null,
  plan: PresencePlan,
  now: number,
): AgentStatus | null {
  if (plan.kind === 'none') {
    return current;
  }
  if (plan.kind === 'routing') {
    return current && { ...current, routing: plan.status, updatedAt: now };
  }
  const routing = plan.presence === 'On Queue' ? 'IDLE' : 'OFF_QUEUE';
  return { presence: plan.presence, routing, updatedAt: now };
}

export function isSystemPresence(value: unknown): value is SystemPresence {
  return (SYSTEM_PRESENCES as readonly unknown[]).includes(value);
}

/**
 * Folds a streaming notification into the known status. A presence other than On Queue takes the
 * agent off queue even before the routing-status event (sent separately) arrives.
 */
export function mergeEvent(
  current: AgentStatus | null,
  event: { presence?: SystemPresence | undefined; routing?: AgentStatus['routing'] | undefined },
  now: number,
): AgentStatus | null {
  const presence = event.presence ?? current?.presence;
  if (presence === undefined) {
    return null;
  }
  const offQueue = event.presence !== undefined && event.presence !== 'On Queue';
  const routing = event.routing ?? (offQueue ? 'OFF_QUEUE' : (current?.routing ?? 'OFF_QUEUE'));
  return { presence, routing, updatedAt: now };
}
