/**
 * The optional, one-directional mapping between Genesys and ServiceNow agent presence. The setting
 * is a single choice, so both directions at once cannot be configured: that would let each side
 * echo the other and both route work to the same agent ("double-booking").
 *
 *   genesys-to-servicenow: On Queue / Interacting / Not responding → ServiceNow "Available" is NOT
 *     pushed; ServiceNow follows Genesys only as Away/Offline, so ServiceNow never routes work to an
 *     agent Genesys is routing calls to.
 *   servicenow-to-genesys: ServiceNow Available never sets On Queue; it sets Genesys "Available"
 *     (not routable); ServiceNow Away/Offline set Genesys Away.
 */
import type { AgentStatus } from './labels';

export const SYNC_DIRECTIONS = ['off', 'genesys-to-servicenow', 'servicenow-to-genesys'] as const;
export type SyncDirection = (typeof SYNC_DIRECTIONS)[number];

/** ServiceNow agent presence states (Advanced Work Assignment), the ones mapped. */
export const SERVICENOW_PRESENCES = ['available', 'away', 'offline'] as const;
export type ServiceNowPresence = (typeof SERVICENOW_PRESENCES)[number];

/** What ServiceNow should show for a Genesys status, or undefined to leave it alone. */
export function servicenowFor(status: Pick<AgentStatus, 'presence'>): ServiceNowPresence {
  switch (status.presence) {
    case 'Available':
      return 'available';
    case 'Offline':
      return 'offline';
    default:
      // On Queue (Genesys routes calls), Busy, Away, breaks: ServiceNow must not route work.
      return 'away';
  }
}

/** What Genesys should show for a ServiceNow presence; never On Queue. */
export function genesysFor(presence: ServiceNowPresence): 'Available' | 'Away' {
  return presence === 'available' ? 'Available' : 'Away';
}

/** Whether a change seen on `origin` is pushed to the other side under `direction`. */
export function pushes(direction: SyncDirection, origin: 'genesys' | 'servicenow'): boolean {
  return direction === `${origin}-to-${origin === 'genesys' ? 'servicenow' : 'genesys'}`;
}

/** The last ServiceNow state wanted, and whether a ServiceNow tab has written it. */
export interface PushState {
  state: ServiceNowPresence;
  done: boolean;
}

/**
 * What to write to ServiceNow after the Genesys status changed, or null for nothing: only under
 * genesys-to-servicenow. Every change re-asserts the state, also when it maps to the same one
 * (On Queue → Interacting is Away → Away): the agent may have set ServiceNow by hand meanwhile,
 * and the tab writes only a state that differs.
 */
export function planPush(
  direction: SyncDirection,
  status: Pick<AgentStatus, 'presence'> | null,
): ServiceNowPresence | null {
  return pushes(direction, 'genesys') && status !== null ? servicenowFor(status) : null;
}

/**
 * What to set in Genesys after reading ServiceNow (servicenow-to-genesys), or null for nothing:
 * only when the ServiceNow state changed since the last read (`lastSeen`; the first read counts as
 * a change), and only when Genesys is not already there. Never On Queue (genesysFor).
 */
export function planPull(
  direction: SyncDirection,
  read: ServiceNowPresence,
  lastSeen: ServiceNowPresence | null,
  current: Pick<AgentStatus, 'presence'> | null,
): 'Available' | 'Away' | null {
  if (!pushes(direction, 'servicenow') || read === lastSeen) {
    return null;
  }
  const wanted = genesysFor(read);
  return current?.presence === wanted ? null : wanted;
}
