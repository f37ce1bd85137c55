/**
 * The offscreen document's part of the support bundle: SDK version, browser, the state-transition
 * timeline, this document's log ring, call-quality timelines, the selected ICE pair per call,
 * signalling health, the last errors and the last connectivity check. Redacted here with the
 * current token registered, and redacted again by the worker when it assembles the bundle.
 */
import { redact, type BundleParts } from '../../shared/diagnostics';
import type { LogEntry } from '../../shared/logger';
import type { CheckRun } from '../../shared/protocol/messages/diagnostics';
import type { SignallingHealth } from '../softphone/softphone-port';
import type { QualitySampler } from './quality-sampler';
import type { SessionTimeline } from './timeline';

export interface CollectDeps {
  sdkVersion: string;
  timeline: SessionTimeline;
  sampler: QualitySampler;
  lastCheck(): CheckRun | null;
  health(): SignallingHealth;
  logs(): LogEntry[];
  browser(): Record<string, unknown>;
  /** Values that must not appear (the access token). */
  secrets(): string[];
}

export function collectParts(deps: CollectDeps): BundleParts {
  const quality = deps.sampler.forBundle();
  const parts = {
    versions: { sdk: deps.sdkVersion },
    browser: deps.browser(),
    timeline: deps.timeline.entries(),
    trace: deps.logs(),
    stats: { calls: quality.timelines, signalling: deps.health() },
    iceSelectedPair: quality.pairs,
    errors: deps.timeline.errors(),
    connectivity: deps.lastCheck(),
  };
  return redact(parts, {
    secrets: deps.secrets(),
    maxArrayLength: 2000,
    maxNodes: 400_000,
  }) as BundleParts;
}
