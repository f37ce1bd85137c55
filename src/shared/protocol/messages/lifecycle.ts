/**
 * Messages about the extension's own lifecycle: updates that wait for the call to end, the
 * first-run checklist, and the worker telling the softphone to re-validate after a sleep.
 *
 *   ui ──lifecycle.state──▶ worker: version and pending update ("applies after this call")
 *   ui ──lifecycle.applyUpdate──▶ worker: apply a downloaded update (or restart the extension)
 *        as soon as no call is live — the same path Chrome's onUpdateAvailable takes
 *   ui ──lifecycle.servicenow──▶ worker: is a ServiceNow tab open, and does it run Switchboard
 *   worker ──session.revalidate {reason, gapMs}──▶ offscreen: the machine woke up; check now
 */
import { z } from 'zod';
import type { UpdateView } from '../../lifecycle/update-gate';
import { returns, type ApiSpec } from '../spec';

export interface LifecycleState {
  /** The running version (manifest). */
  version: string;
  /** The update waiting to be applied, or null. */
  update: UpdateView | null;
}

export interface ApplyUpdateResult extends LifecycleState {
  /** True when the extension reloads now; false while a live call holds the update back. */
  applying: boolean;
}

export interface ServiceNowCheck {
  /** An instance address the agent can open (null when only wildcard patterns are configured). */
  openUrl: string | null;
  /** Open tabs on a configured ServiceNow instance. */
  tabs: number;
  /** Of those, tabs where Switchboard's connection chip is present. */
  withSwitchboard: number;
}

export const revalidateSchema = z.object({
  reason: z.enum(['wake']),
  /** How long the machine was away (ms), as far as the worker can tell. */
  gapMs: z
    .number()
    .int()
    .nonnegative()
    .max(365 * 24 * 3_600_000),
});

export type Revalidate = z.infer<typeof revalidateSchema>;

export const lifecycleToWorker = {
  'lifecycle.state': { from: ['ui'], data: z.null(), result: returns<LifecycleState>() },
  'lifecycle.applyUpdate': {
    from: ['ui'],
    data: z.object({
      version: z
        .string()
        .regex(/^\d+(\.\d+){0,3}$/)
        .optional(),
    }),
    result: returns<ApplyUpdateResult>(),
  },
  'lifecycle.servicenow': { from: ['ui'], data: z.null(), result: returns<ServiceNowCheck>() },
} satisfies ApiSpec;

export const lifecycleToOffscreen = {
  'session.revalidate': { from: ['worker'], data: revalidateSchema, result: returns<null>() },
} satisfies ApiSpec;
