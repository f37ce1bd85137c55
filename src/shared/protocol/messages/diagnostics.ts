/**
 * Messages of the diagnostics page: the connectivity check (run in the offscreen document, which
 * has the SDK, the token and WebRTC), live call quality and the support bundle. The page asks the
 * worker; the worker asks the offscreen document. Nothing here carries a token: the bundle is
 * assembled and redacted before it reaches the page.
 *
 *   ui ──diagnostics.checkStart {testNumber?}──▶ worker ──▶ offscreen: starts a run (one at a time)
 *   ui ──diagnostics.checkStatus──▶ worker ──▶ offscreen: progress per step, then the verdict
 *   ui ──diagnostics.quality──▶ worker ──▶ offscreen: quality samples of the current calls
 *   ui ──diagnostics.bundle──▶ worker: the redacted support bundle (worker adds settings, its log)
 *   worker ──diagnostics.collect──▶ offscreen: the offscreen part of the bundle, redacted
 */
import { z } from 'zod';
import type {
  BundleParts,
  ConnectivityVerdict,
  QualityInterval,
  QualityLevel,
  QualityWarning,
  StepId,
  StepResults,
  SupportBundle,
} from '../../diagnostics';
import { returns, type ApiSpec } from '../spec';

/** Where the media step measured. */
export type CheckMediaSource = 'live-call' | 'test-call' | 'none';

export interface CheckRun {
  id: string;
  startedAt: number;
  finishedAt?: number;
  /** The step running now (null before the first and after the last). */
  current: StepId | null;
  results: StepResults;
  /** Set once every step has settled. */
  verdict: ConnectivityVerdict | null;
  media: CheckMediaSource;
}

export interface CheckStatus {
  running: boolean;
  /** The current or last run of this offscreen document, if any. */
  run: CheckRun | null;
}

export interface CallQualityTrack {
  conversationId: string;
  /** The call is still live (samples keep coming). */
  live: boolean;
  /** Oldest first, one per sampling interval. */
  samples: QualityInterval[];
  level: QualityLevel;
  /** The last confirmed change of level, if any. */
  warning: QualityWarning | null;
}

export interface QualityReport {
  calls: CallQualityTrack[];
}

export const checkStartSchema = z.object({
  /** A number to call for the media step when no call is live (the echo test number). */
  testNumber: z
    .string()
    .regex(/^\+?[0-9 ()*#.-]{2,32}$/, 'A test number is digits, +, *, # only')
    .exactOptional(),
});
export type CheckStart = z.infer<typeof checkStartSchema>;

export const diagnosticsToWorker = {
  'diagnostics.checkStart': {
    from: ['ui'],
    data: checkStartSchema,
    result: returns<CheckStatus>(),
  },
  'diagnostics.checkStatus': { from: ['ui'], data: z.null(), result: returns<CheckStatus>() },
  'diagnostics.quality': { from: ['ui'], data: z.null(), result: returns<QualityReport>() },
  'diagnostics.bundle': { from: ['ui'], data: z.null(), result: returns<SupportBundle>() },
} satisfies ApiSpec;

export const diagnosticsToOffscreen = {
  'diagnostics.checkStart': {
    from: ['worker'],
    data: checkStartSchema,
    result: returns<CheckStatus>(),
  },
  'diagnostics.checkStatus': { from: ['worker'], data: z.null(), result: returns<CheckStatus>() },
  'diagnostics.quality': { from: ['worker'], data: z.null(), result: returns<QualityReport>() },
  /** The offscreen part of the support bundle, already redacted with the token registered. */
  'diagnostics.collect': { from: ['worker'], data: z.null(), result: returns<BundleParts>() },
} satisfies ApiSpec;
