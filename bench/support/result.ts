/**
 * The shape of bench/results.json: one Figure per measured quantity, with its order statistics, the
 * ratio to the comparison measured in the same run (floor, bare SDK or a reference case), the
 * target and whether it is met. A figure whose product path is not available says so and why.
 */
import { summarize, type Summary } from './stats';

export type Unit = 'ms' | 's' | 'KB' | 'MB' | 'count' | 'per-min' | 'ratio';

/** Which number a target is checked against. */
export type TargetStat = 'median' | 'p95' | 'p99' | 'max' | 'ratioMedian' | 'ratioP95';

export interface Target {
  stat: TargetStat;
  /** Met when the statistic is ≤ this. */
  max: number;
  text: string;
}

export interface Comparison {
  /** What the ratio is taken against, e.g. "floor (plain WebSocket page)" or "bare SDK 9.2.4". */
  against: string;
  summary: Summary;
  /** product / comparison, for the median and the p95. */
  ratioMedian: number;
  ratioP95: number;
}

export interface Figure {
  id: string;
  bench: string;
  title: string;
  unit: Unit;
  status: 'ok' | 'unavailable';
  reason?: string;
  summary?: Summary;
  comparison?: Comparison;
  target?: Target;
  pass?: boolean;
  /** Extra context (e.g. trial failures, settings, per-case breakdown). */
  notes?: string[];
  samples?: number[];
}

export interface FigureInput {
  id: string;
  bench: string;
  title: string;
  unit: Unit;
  samples: number[];
  against?: { label: string; samples: number[] };
  target?: Target;
  notes?: string[];
  /** Samples from failed trials are absent; failures are listed in the notes. */
  failures?: string[];
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : v);

const roundSummary = (s: Summary): Summary => ({
  n: s.n,
  median: round(s.median),
  p95: round(s.p95),
  p99: round(s.p99),
  min: round(s.min),
  max: round(s.max),
});

function statOf(figure: Figure, stat: TargetStat): number | undefined {
  if (stat === 'ratioMedian' || stat === 'ratioP95') {
    return figure.comparison?.[stat];
  }
  return figure.summary?.[stat];
}

/** Samples kept in results.json per figure (a burst has thousands). */
const MAX_SAMPLES_KEPT = 200;

/** Builds a figure from samples; with none it is `unavailable`, with the first failure as reason. */
export function figure(input: FigureInput): Figure {
  const notes = [
    ...(input.notes ?? []),
    ...(input.failures ?? []).map((f) => `failed trial: ${f}`),
  ];
  const base = { id: input.id, bench: input.bench, title: input.title, unit: input.unit };
  if (input.samples.length === 0) {
    return {
      ...base,
      status: 'unavailable',
      reason: input.failures?.[0] ?? 'no samples',
      ...(input.target ? { target: input.target } : {}),
      ...(notes.length ? { notes } : {}),
    };
  }
  const summary = roundSummary(summarize(input.samples));
  const out: Figure = { ...base, status: 'ok', summary };
  if (input.samples.length <= MAX_SAMPLES_KEPT) {
    out.samples = input.samples.map(round);
  }
  if (input.against && input.against.samples.length > 0) {
    const against = roundSummary(summarize(input.against.samples));
    out.comparison = {
      against: input.against.label,
      summary: against,
      ratioMedian: round(summary.median / against.median),
      ratioP95: round(summary.p95 / against.p95),
    };
  }
  if (input.target) {
    out.target = input.target;
    const value = statOf(out, input.target.stat);
    if (value !== undefined && Number.isFinite(value)) {
      out.pass = value <= input.target.max;
    }
  }
  if (notes.length) {
    out.notes = notes;
  }
  return out;
}

export function unavailable(
  base: Pick<Figure, 'id' | 'bench' | 'title' | 'unit'> & { target?: Target },
  reason: string,
): Figure {
  return { ...base, status: 'unavailable', reason };
}

export interface BenchContext {
  extensionDir: string;
  quick: boolean;
  /** Idle duration for P7 (ms). */
  idleMs: number;
  log: (line: string) => void;
}

export interface Bench {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}
