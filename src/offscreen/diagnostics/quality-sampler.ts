/**
 * Live call quality: every 1.5 s, getStats() of each connected call feeds a quality monitor (MOS,
 * loss, jitter, RTT, codec, relay or direct); a compact summary goes into the snapshot (republished
 * at most every few seconds, at once when the level changes) and the timelines stay for the chart
 * and the support bundle (the last few ended calls are kept too).
 */
import {
  createQualityMonitor,
  readStats,
  type QualityInterval,
  type QualityMonitor,
  type QualityWarning,
  type SelectedPair,
} from '../../shared/diagnostics';
import type { CallQualityTrack, QualityReport } from '../../shared/protocol/messages/diagnostics';
import type { CallQualitySummary } from '../../shared/session/snapshot';
import type { DiagnosticsAccess } from './access';

export const QUALITY_INTERVAL_MS = 1_500;
export const REPUBLISH_MS = 4_000;
const ENDED_KEPT = 5;
const CHART_SAMPLES = 240;

export interface SamplerDeps {
  access: Pick<DiagnosticsAccess, 'rawStats'>;
  /** Conversation ids of the calls with media now. */
  liveCalls(): string[];
  now(): number;
  /** Publish the snapshot again (summaries changed). */
  republish(): void;
  onWarning(conversationId: string, warning: QualityWarning): void;
}

interface Track {
  monitor: QualityMonitor;
  live: boolean;
  warning: QualityWarning | null;
  pair: SelectedPair | null;
  summary: CallQualitySummary | null;
}

function summarise(
  interval: QualityInterval,
  warning: QualityWarning | null,
  degraded: boolean,
): CallQualitySummary {
  return {
    at: interval.t,
    mos: interval.mos,
    level: interval.level,
    lossPct:
      interval.lossPct === null ? null : Math.max(interval.lossPct, interval.remoteLossPct ?? 0),
    jitterMs: interval.jitterMs,
    rttMs: interval.rttMs,
    codec: interval.codec?.replace(/^audio\//i, '').toLowerCase() ?? null,
    path: interval.path,
    warning: degraded ? (warning?.cause ?? 'unknown') : null,
  };
}

export class QualitySampler {
  readonly #tracks = new Map<string, Track>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #busy = false;
  #publishedAt = 0;

  constructor(private readonly deps: SamplerDeps) {}

  start(): void {
    this.#timer ??= setInterval(() => void this.sample(), QUALITY_INTERVAL_MS);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async sample(): Promise<void> {
    if (this.#busy) {
      return;
    }
    this.#busy = true;
    try {
      const live = new Set(this.deps.liveCalls());
      let urgent = false;
      let changed = false;
      for (const id of live) {
        const result = await this.#sampleCall(id);
        urgent ||= result === 'urgent';
        changed ||= result !== 'same';
      }
      for (const [id, track] of this.#tracks) {
        if (track.live && !live.has(id)) {
          track.live = false;
        }
      }
      this.#prune();
      const now = this.deps.now();
      if (urgent || (changed && now - this.#publishedAt >= REPUBLISH_MS)) {
        this.#publishedAt = now;
        this.deps.republish();
      }
    } finally {
      this.#busy = false;
    }
  }

  async #sampleCall(id: string): Promise<'same' | 'changed' | 'urgent'> {
    const stats = await this.deps.access.rawStats(id).catch(() => null);
    if (stats === null) {
      return 'same';
    }
    let track = this.#tracks.get(id);
    if (track === undefined) {
      track = {
        monitor: createQualityMonitor(),
        live: true,
        warning: null,
        pair: null,
        summary: null,
      };
      this.#tracks.set(id, track);
    }
    track.live = true;
    track.pair = readStats(stats).selectedPair;
    const { interval, warning } = track.monitor.push(this.deps.now(), stats);
    if (warning !== null) {
      track.warning = warning;
      this.deps.onWarning(id, warning);
    }
    if (interval === null) {
      return 'same';
    }
    const before = track.summary;
    track.summary = summarise(interval, track.warning, track.monitor.level() !== 'good');
    const urgent = warning !== null || before?.level !== track.summary.level;
    return urgent ? 'urgent' : 'changed';
  }

  #prune(): void {
    const ended = [...this.#tracks].filter(([, t]) => !t.live);
    for (const [id] of ended.slice(0, Math.max(0, ended.length - ENDED_KEPT))) {
      this.#tracks.delete(id);
    }
  }

  /** The snapshot summary of a live call, if it has been sampled. */
  summary(conversationId: string): CallQualitySummary | undefined {
    const track = this.#tracks.get(conversationId);
    return track?.live === true && track.summary !== null ? track.summary : undefined;
  }

  report(): QualityReport {
    const calls: CallQualityTrack[] = [...this.#tracks].map(([conversationId, t]) => ({
      conversationId,
      live: t.live,
      samples: t.monitor.timeline().slice(-CHART_SAMPLES),
      level: t.monitor.level(),
      warning: t.warning,
    }));
    return { calls };
  }

  /** Full timelines and the selected ICE pair per call, for the support bundle. */
  forBundle(): {
    timelines: Record<string, QualityInterval[]>;
    pairs: Record<string, SelectedPair | null>;
  } {
    const timelines: Record<string, QualityInterval[]> = {};
    const pairs: Record<string, SelectedPair | null> = {};
    for (const [id, t] of this.#tracks) {
      timelines[id] = t.monitor.timeline();
      pairs[id] = t.pair;
    }
    return { timelines, pairs };
  }
}
