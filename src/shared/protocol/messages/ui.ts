/**
 * Messages for the extension pages (options, popup) beyond the session: the worker tells open pages
 * that settings (local or an administrator's policy) or sign-in changed; each page then asks again
 * with `settings.get` / `auth.state`, so no settings or tokens travel in a broadcast.
 *
 *   ui ──ui.trigger {kind: 'command', name} | {kind: 'notification-button', notificationId,
 *        buttonIndex}──▶ worker: runs exactly what Chrome's commands.onCommand or
 *        notifications.onButtonClicked listener runs (calls and presence); {handled}
 */
import { z } from 'zod';
import { returns, type ApiSpec } from '../spec';

export const uiFromWorker = {
  'settings.changed': { from: ['worker'], data: z.null(), result: returns<null>() },
  'auth.changed': { from: ['worker'], data: z.null(), result: returns<null>() },
} satisfies ApiSpec;

export const uiTriggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), name: z.string().min(1).max(64) }),
  z.object({
    kind: z.literal('notification-button'),
    notificationId: z.string().min(1).max(160),
    buttonIndex: z.number().int().min(0).max(1),
  }),
]);
export type UiTrigger = z.infer<typeof uiTriggerSchema>;

export const uiToWorker = {
  'ui.trigger': { from: ['ui'], data: uiTriggerSchema, result: returns<{ handled: boolean }>() },
} satisfies ApiSpec;
