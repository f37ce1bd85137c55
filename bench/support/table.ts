/** The readable table printed after a run: one line per figure, aligned, with the verdict. */
import type { Figure, Unit } from './result';

export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || !Number.isFinite(value)) {
    return '–';
  }
  switch (unit) {
    case 'ms':
      return Math.abs(value) >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
    case 's':
      return `${value.toFixed(2)} s`;
    case 'KB':
      return `${value.toFixed(1)} KB`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'per-min':
      return `${value.toFixed(2)}/min`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'count':
      return String(Math.round(value));
  }
}

const verdict = (f: Figure): string => {
  if (f.status !== 'ok') {
    return 'unavailable';
  }
  if (f.pass === undefined) {
    return '';
  }
  return f.pass ? 'PASS' : 'FAIL';
};

/** The number the target was checked against, e.g. "p99 181 ms" or "ratio p95 2.10". */
function checked(f: Figure): string {
  const stat = f.target?.stat;
  if (!stat || f.status !== 'ok') {
    return '';
  }
  if (stat === 'ratioMedian' || stat === 'ratioP95') {
    const v = f.comparison?.[stat];
    return v === undefined ? '' : `${v.toFixed(2)}×`;
  }
  return f.summary ? formatValue(f.summary[stat], f.unit) : '';
}

export function rows(figures: readonly Figure[]): string[][] {
  const header = [
    'id',
    'figure',
    'n',
    'median',
    'p95',
    'min–max',
    'compared with (median / p95)',
    'ratio med / p95',
    'target',
    'checked',
    '',
  ];
  const body = figures.map((f) => {
    const s = f.summary;
    const c = f.comparison;
    return [
      f.id,
      f.title,
      s ? String(s.n) : '',
      formatValue(s?.median, f.unit),
      formatValue(s?.p95, f.unit),
      s
        ? `${formatValue(s.min, f.unit)}–${formatValue(s.max, f.unit)}`
        : (f.reason ?? '').slice(0, 60),
      c
        ? `${c.against}: ${formatValue(c.summary.median, f.unit)} / ${formatValue(c.summary.p95, f.unit)}`
        : '',
      c ? `${c.ratioMedian.toFixed(2)} / ${c.ratioP95.toFixed(2)}` : '',
      f.target?.text ?? '',
      checked(f),
      verdict(f),
    ];
  });
  return [header, ...body];
}

/** Plain-text table (also valid Markdown when `markdown` is set). */
export function renderTable(figures: readonly Figure[], markdown = false): string {
  const all = rows(figures);
  if (markdown) {
    const line = (r: string[]) => `| ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
    const [head, ...rest] = all;
    return [
      line(head ?? []),
      `|${(head ?? []).map(() => '---').join('|')}|`,
      ...rest.map(line),
    ].join('\n');
  }
  const widths = (all[0] ?? []).map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
