/**
 * The message contract: one API map per receiving context, composed from feature groups in
 * messages/. Each entry names who may send it, the runtime schema of its data, and (as a type
 * only) what it answers. A new feature adds its group file and one spread per receiver here.
 *
 *   offscreen ──session.changed──▶ worker ──session.changed──▶ content / ui
 *   content, ui ──call.command──▶ worker ──call.command──▶ offscreen
 *   worker ──settings.changed / auth.changed──▶ ui (pages ask again)
 */
import type { ApiSpec } from './spec';
import { authToOffscreen, authToWorker } from './messages/auth';
import { contentToWorker, workerToContent } from './messages/content';
import { diagnosticsToOffscreen, diagnosticsToWorker } from './messages/diagnostics';
import { lifecycleToOffscreen, lifecycleToWorker } from './messages/lifecycle';
import { presenceToUi, presenceToWorker } from './messages/presence';
import { recordsToContent, recordsToOffscreen, recordsToWorker } from './messages/records';
import {
  sessionToContent,
  sessionToOffscreen,
  sessionToUi,
  sessionToWorker,
} from './messages/session';
import { uiFromWorker, uiToWorker } from './messages/ui';

export const workerApi = {
  ...sessionToWorker,
  ...authToWorker,
  ...contentToWorker,
  ...lifecycleToWorker,
  ...diagnosticsToWorker,
  ...recordsToWorker,
  ...presenceToWorker,
  ...uiToWorker,
} satisfies ApiSpec;

export const offscreenApi = {
  ...sessionToOffscreen,
  ...authToOffscreen,
  ...lifecycleToOffscreen,
  ...diagnosticsToOffscreen,
  ...recordsToOffscreen,
} satisfies ApiSpec;

export const contentApi = {
  ...sessionToContent,
  ...workerToContent,
  ...recordsToContent,
} satisfies ApiSpec;

export const uiApi = {
  ...sessionToUi,
  ...uiFromWorker,
  ...presenceToUi,
} satisfies ApiSpec;

export type WorkerApi = typeof workerApi;
export type OffscreenApi = typeof offscreenApi;
export type ContentApi = typeof contentApi;
export type UiApi = typeof uiApi;

export type { ApiSpec, DataOf, MessageSpec, ResultOf } from './spec';
