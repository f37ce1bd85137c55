/** Words for call quality: the level, the warning while degraded (by cause) and the media path. */
import type { QualityCause } from '../shared/diagnostics';
import type { Translate } from '../shared/i18n';
import type { CallQualityTrack } from '../shared/protocol/messages/diagnostics';

const LEVELS = {
  good: { label: 'qualityGood' },
  fair: { label: 'qualityFair' },
  poor: { label: 'qualityPoor' },
} as const;

const CAUSES: Readonly<Record<QualityCause | 'unknown', { label: string }>> = {
  loss: { label: 'qualityDegradedLoss' },
  jitter: { label: 'qualityDegradedJitter' },
  latency: { label: 'qualityDegradedLatency' },
  unknown: { label: 'qualityDegradedUnknown' },
};

export function qualityWords(
  track: CallQualityTrack,
  t: Translate,
): { level: string; warning: string | null; path: string } {
  const level = LEVELS[track.level];
  const degraded = track.level !== 'good' && track.warning?.kind === 'degraded';
  const cause = CAUSES[track.warning?.cause ?? 'unknown'];
  const path = track.samples.at(-1)?.path;
  return {
    level: t(level.label),
    warning: degraded ? t(cause.label) : null,
    path: path === 'relay' ? t('metricPathRelay') : path === 'direct' ? t('metricPathDirect') : '–',
  };
}
