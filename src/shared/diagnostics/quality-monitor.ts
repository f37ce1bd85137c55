/**
 * Live call-quality monitor: feed it getStats() results; it keeps the previous reading, computes
 * each interval, keeps a bounded timeline for the support bundle, and raises a warning when the
 * level degrades (or recovers) for `confirmIntervals` intervals in a row, so one bad sample does
 * not flash a warning at the agent.
 */
import { computeInterval } from './quality';
import type { QualityCause, QualityInterval, QualityLevel, TimedReading } from './quality';
import { createRing } from './ring';
import { readStats, type RawStats } from './stats-extract';

export interface QualityWarning {
  kind: 'degraded' | 'recovered';
  from: QualityLevel;
  to: QualityLevel;
  cause: QualityCause | null;
  t: number;
  /** English text for the agent, with the numbers; `messageKey` is its future i18n name. */
  message: string;
  messageKey: string;
}

export interface QualityUpdate {
  interval: QualityInterval | null;
  warning: QualityWarning | null;
}

export interface QualityMonitor {
  /** `t` is epoch ms of the sample (the report's timestamp or the time it was taken). */
  push(t: number, stats: RawStats): QualityUpdate;
  timeline(): QualityInterval[];
  latest(): QualityInterval | undefined;
  /** Current reported level (starts 'good'). */
  level(): QualityLevel;
  reset(): void;
}

export interface QualityMonitorOptions {
  /** Intervals kept; default 360 (30 minutes at one sample per 5 s). */
  timelineSize?: number;
  confirmIntervals?: number;
}

const RANK: Readonly<Record<QualityLevel, number>> = { good: 0, fair: 1, poor: 2 };

function describe(interval: QualityInterval): string {
  switch (interval.cause) {
    case 'loss':
      return `packet loss ${String(Math.max(interval.lossPct ?? 0, interval.remoteLossPct ?? 0))} %`;
    case 'jitter':
      return `jitter ${String(interval.jitterMs ?? 0)} ms`;
    case 'latency':
      return `round-trip time ${String(interval.rttMs ?? 0)} ms`;
    case null:
      return 'no details';
  }
}

function warningFor(
  kind: QualityWarning['kind'],
  from: QualityLevel,
  interval: QualityInterval,
): QualityWarning {
  const to = interval.level ?? from;
  const mos = String(interval.mos ?? 0);
  const message =
    kind === 'degraded'
      ? `Call quality is ${to} (MOS ${mos}): ${describe(interval)}.`
      : `Call quality is back to ${to} (MOS ${mos}).`;
  const messageKey =
    kind === 'degraded' ? `quality_degraded_${interval.cause ?? 'unknown'}` : 'quality_recovered';
  return { kind, from, to, cause: interval.cause, t: interval.t, message, messageKey };
}

export function createQualityMonitor(options: QualityMonitorOptions = {}): QualityMonitor {
  const confirm = Math.max(1, options.confirmIntervals ?? 2);
  const ring = createRing<QualityInterval>(options.timelineSize ?? 360);
  let previous: TimedReading | undefined;
  let reported: QualityLevel = 'good';
  let streak: QualityInterval[] = [];

  /** Signed distance from the reported level: > 0 worse, < 0 better. */
  function shift(level: QualityLevel): number {
    return RANK[level] - RANK[reported];
  }

  function judge(interval: QualityInterval): QualityWarning | null {
    const level = interval.level;
    if (level === null || level === reported) {
      streak = [];
      return null;
    }
    const first = streak[0]?.level;
    const sameDirection = first != null && Math.sign(shift(first)) === Math.sign(shift(level));
    streak = sameDirection ? [...streak, interval] : [interval];
    if (streak.length < confirm) {
      return null;
    }
    // The mildest level of the streak is the one that held for every confirming interval.
    const levels = streak.map((s) => s.level ?? level);
    const held = levels.reduce((m, l) => (Math.abs(shift(l)) < Math.abs(shift(m)) ? l : m));
    const kind = shift(held) > 0 ? 'degraded' : 'recovered';
    const warning = warningFor(kind, reported, { ...interval, level: held });
    reported = held;
    streak = [];
    return warning;
  }

  return {
    push(t, stats) {
      const current: TimedReading = { t, reading: readStats(stats) };
      const interval = previous === undefined ? null : computeInterval(previous, current);
      previous = current;
      if (interval === null) {
        return { interval: null, warning: null };
      }
      ring.push(interval);
      return { interval, warning: judge(interval) };
    },
    timeline: () => ring.toArray(),
    latest: () => ring.last(),
    level: () => reported,
    reset() {
      ring.clear();
      previous = undefined;
      reported = 'good';
      streak = [];
    },
  };
}
