/**
 * The agent's Genesys presence and routing status. The worker holds it (storage.session) and talks
 * to the Genesys Platform API with the token it keeps; pages only ever see the status.
 *
 *   ui ──presence.get──▶ worker: {status} (fetched from Genesys when unknown or `refresh`)
 *   ui ──presence.set {request}──▶ worker: {status}; set a presence, toggle the queue, recover
 *   ui ──presence.trigger {…}──▶ worker: runs the path the keyboard command or a presence
 *        notification button runs (the popup's queue toggle uses the command path)
 *   offscreen ──presence.event {presence?, routing?}──▶ worker: a streaming notification, parsed
 *   worker ──presence.changed {status}──▶ ui, and every ServiceNow tab (the screen pop's chip)
 *   content ──presence.get──▶ worker: the known status when the tab starts (never refreshed from
 *        Genesys for a tab); also tells the worker a ServiceNow tab is there for a waiting write
 *   worker ──presence.write {state}──▶ one ServiceNow tab: sets the agent's ServiceNow presence
 *        with the page's own session (genesys-to-servicenow only)
 *   worker ──presence.read──▶ one ServiceNow tab: the agent's ServiceNow presence, read with the
 *        page's own session (servicenow-to-genesys only)
 */
import { z } from 'zod';
import { presenceRequestSchema } from '../../presence/change';
import {
  ROUTING_STATUSES,
  SYSTEM_PRESENCES,
  agentStatusSchema,
  type AgentStatus,
} from '../../presence/status';
import type { PresenceReadOutcome, PresenceWriteOutcome } from '../../presence/servicenow';
import { SERVICENOW_PRESENCES } from '../../presence/sync';
import { returns, type ApiSpec } from '../spec';

export interface PresenceView {
  /** Null while signed out or before Genesys answered. */
  status: AgentStatus | null;
}

export const presenceEventSchema = z
  .object({
    presence: z.enum(SYSTEM_PRESENCES).optional(),
    routing: z.enum(ROUTING_STATUSES).optional(),
  })
  .refine((e) => e.presence !== undefined || e.routing !== undefined, 'empty presence event');
export type PresenceEvent = z.infer<typeof presenceEventSchema>;

export const presenceTriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), name: z.string().min(1).max(64) }),
  z.object({
    kind: z.literal('notification-button'),
    notificationId: z.string().min(1).max(128),
    buttonIndex: z.number().int().min(0).max(1),
  }),
]);

export const presenceToWorker = {
  'presence.get': {
    from: ['ui', 'content'],
    data: z.object({ refresh: z.boolean().optional() }),
    result: returns<PresenceView>(),
  },
  'presence.set': {
    from: ['ui'],
    data: z.object({ request: presenceRequestSchema }),
    result: returns<PresenceView>(),
  },
  'presence.trigger': {
    from: ['ui'],
    data: presenceTriggerSchema,
    result: returns<{ handled: boolean }>(),
  },
  'presence.event': { from: ['offscreen'], data: presenceEventSchema, result: returns<null>() },
} satisfies ApiSpec;

const presenceChanged = {
  from: ['worker'],
  data: z.object({ status: agentStatusSchema.nullable() }),
  result: returns<null>(),
} satisfies ApiSpec[string];

export const presenceToUi = { 'presence.changed': presenceChanged } satisfies ApiSpec;

export const presenceToContent = {
  'presence.changed': presenceChanged,
  'presence.write': {
    from: ['worker'],
    data: z.object({ state: z.enum(SERVICENOW_PRESENCES) }),
    result: returns<PresenceWriteOutcome>(),
  },
  'presence.read': { from: ['worker'], data: z.null(), result: returns<PresenceReadOutcome>() },
} satisfies ApiSpec;
