/**
 * The support bundle: everything support needs to diagnose a complaint (versions, browser,
 * region, settings, call timeline, log trace, stats, selected ICE pair, classified errors and the
 * connectivity verdict) in one JSON document. Redaction runs last, over the whole assembly, so no
 * part can smuggle a token, an e-mail or a full phone number out.
 */
import { redact, type Json } from './redact';
import { classifyError, type Diagnosis } from './taxonomy';
import { isErrorCode } from './error-catalogue';

export interface BundleParts {
  versions?: Readonly<Record<string, string | undefined>>;
  browser?: Readonly<Record<string, unknown>>;
  region?: string;
  settings?: unknown;
  /** Session and quality timeline, oldest first; only the newest entries are kept. */
  timeline?: readonly unknown[];
  /** Log entries, oldest first; only the newest entries are kept. */
  trace?: readonly unknown[];
  stats?: unknown;
  iceSelectedPair?: unknown;
  /** Diagnoses, or raw errors (classified here). */
  errors?: readonly unknown[];
  connectivity?: unknown;
}

export interface SupportBundle {
  v: 1;
  generatedAt: string;
  versions: Json;
  browser: Json;
  region: Json;
  settings: Json;
  timeline: Json;
  trace: Json;
  stats: Json;
  iceSelectedPair: Json;
  errors: Json;
  connectivity: Json;
  /** Set when entries were dropped to respect the size limit. */
  truncated?: { traceDropped: number; timelineDropped: number };
}

export interface BundleOptions {
  /** Values that must not appear anywhere in the bundle (access token, refresh token, g_ck…). */
  secrets?: Iterable<string>;
  now?: number;
  /** Newest entries kept from trace and timeline. Default 2000 each. */
  maxEntries?: number;
}

function isDiagnosis(value: unknown): value is Diagnosis {
  return (
    typeof value === 'object' &&
    value !== null &&
    isErrorCode((value as { code?: unknown }).code) &&
    typeof (value as { layer?: unknown }).layer === 'string'
  );
}

function normaliseError(error: unknown): unknown {
  return isDiagnosis(error) ? error : { ...classifyError(error), original: error };
}

export function buildBundle(parts: BundleParts, options: BundleOptions = {}): SupportBundle {
  const max = options.maxEntries ?? 2000;
  const trace = parts.trace ?? [];
  const timeline = parts.timeline ?? [];
  const assembled = {
    v: 1,
    generatedAt: new Date(options.now ?? Date.now()).toISOString(),
    versions: parts.versions ?? {},
    browser: parts.browser ?? {},
    region: parts.region ?? null,
    settings: parts.settings ?? null,
    timeline: timeline.slice(-max),
    trace: trace.slice(-max),
    stats: parts.stats ?? null,
    iceSelectedPair: parts.iceSelectedPair ?? null,
    errors: (parts.errors ?? []).map(normaliseError),
    connectivity: parts.connectivity ?? null,
    ...(trace.length > max || timeline.length > max
      ? {
          truncated: {
            traceDropped: Math.max(0, trace.length - max),
            timelineDropped: Math.max(0, timeline.length - max),
          },
        }
      : {}),
  };
  const secrets = options.secrets === undefined ? [] : [...options.secrets];
  // Redaction is the last step: nothing is added to the bundle after it.
  return redact(assembled, {
    secrets,
    maxArrayLength: max,
    maxDepth: 16,
    maxNodes: 500_000,
  }) as unknown as SupportBundle;
}
