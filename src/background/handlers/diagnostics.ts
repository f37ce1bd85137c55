/**
 * Worker handlers for the diagnostics page: the connectivity check and call quality are forwarded
 * to the offscreen document (which has the SDK, the token and WebRTC); the support bundle is
 * assembled here from the offscreen part, the settings, the region and this worker's log, with the
 * current access token registered as a secret, so the page receives it already redacted.
 */
import { activeProfile } from '../../shared/auth/profile-list';
import { buildBundle, type BundleParts, type SupportBundle } from '../../shared/diagnostics';
import { logEntries, type LogEntry } from '../../shared/logger';
import type { Handlers } from '../../shared/protocol/messenger';
import type { diagnosticsToWorker } from '../../shared/protocol/messages/diagnostics';
import type { WorkerDeps } from './deps';

export interface BundleSources {
  /** The extension's version (manifest). */
  version: string;
  /** This worker's log ring (defaults to the logger's). */
  logs?: () => LogEntry[];
  now?: () => number;
}

const time = (entry: unknown): number => {
  const t = (entry as { t?: unknown } | null)?.t;
  return typeof t === 'number' ? t : 0;
};

async function offscreenParts(deps: WorkerDeps): Promise<BundleParts> {
  try {
    return await deps.toOffscreen('diagnostics.collect', null);
  } catch (error) {
    deps.log.warn('offscreen part of the bundle unavailable', { error: String(error) });
    return { errors: [error] };
  }
}

export async function assembleBundle(
  deps: WorkerDeps,
  sources: BundleSources,
): Promise<SupportBundle> {
  const [parts, config] = await Promise.all([offscreenParts(deps), deps.sessionConfig()]);
  const settings = deps.settings();
  const profile = activeProfile(settings.genesys);
  const trace = [...(sources.logs ?? logEntries)(), ...(parts.trace ?? [])].sort(
    (a, b) => time(a) - time(b),
  );
  return buildBundle(
    {
      ...parts,
      versions: { extension: sources.version, ...parts.versions },
      region: profile?.region ?? profile?.customEnvironment ?? 'none',
      settings,
      trace,
    },
    {
      secrets: config === null ? [] : [config.accessToken],
      ...(sources.now && { now: sources.now() }),
    },
  );
}

export function diagnosticsHandlers(
  deps: WorkerDeps,
  sources: BundleSources,
): Handlers<typeof diagnosticsToWorker> {
  return {
    'diagnostics.checkStart': (input) => deps.toOffscreen('diagnostics.checkStart', input),
    'diagnostics.checkStatus': () => deps.toOffscreen('diagnostics.checkStatus', null),
    'diagnostics.quality': () => deps.toOffscreen('diagnostics.quality', null),
    'diagnostics.bundle': () => assembleBundle(deps, sources),
  };
}
