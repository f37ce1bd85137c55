/**
 * Messages for the extension pages (options, popup) beyond the session: the worker tells open pages
 * that settings (local or an administrator's policy) or sign-in changed; each page then asks again
 * with `settings.get` / `auth.state`, so no settings or tokens travel in a broadcast.
 */
import { z } from 'zod';
import { returns, type ApiSpec } from '../spec';

export const uiFromWorker = {
  'settings.changed': { from: ['worker'], data: z.null(), result: returns<null>() },
  'auth.changed': { from: ['worker'], data: z.null(), result: returns<null>() },
} satisfies ApiSpec;
