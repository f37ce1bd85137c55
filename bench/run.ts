/**
 * `npm run bench` — what agents wait for, measured against the floor and the bare SDK in one run.
 *
 *   tsx bench/run.ts              all benchmarks (about 7 minutes; under 15 on a loaded machine)
 *   tsx bench/run.ts P3 P4        a subset
 *   tsx bench/run.ts --quick      fewer trials and shorter cases (a smoke run, about 4 minutes)
 *   BENCH_IDLE_MIN=5              idle period of P7 in minutes (default 2)
 *   SKIP_BUILD=1                  measure the existing dist/ instead of building
 *   BENCH_DIST=path               measure that build (before/after comparisons)
 *
 * The short, millisecond-scale benchmarks (P6, P1, P2, P5) run one after another on a quiet
 * machine; then the long ones (P3, P4, P7: mostly waiting for timers and outages) run side by
 * side. Writes bench/results.json and prints a table. Timing never fails the command: the verdicts
 * are in the results.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { p1 } from './p1-screen-pop';
import { p2 } from './p2-accept-media';
import { p3 } from './p3-reconnect';
import { p4 } from './p4-dead-socket';
import { p5 } from './p5-burst';
import { p6 } from './p6-content-script';
import { p7 } from './p7-idle';
import { extensionForBench } from './support/build';
import type { Bench, BenchContext, Figure } from './support/result';
import { renderTable } from './support/table';
import { errorText, withTimeout } from './support/trials';

const QUIET: Bench[] = [p6, p1, p2, p5];
const LONG: Bench[] = [p3, p4, p7];
const RESULTS = resolve(import.meta.dirname, 'results.json');

const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

function budgetMs(bench: Bench, ctx: BenchContext): number {
  const minutes: Record<string, number> = { P1: 4, P2: 5, P3: 12, P4: 7, P5: 5, P6: 5, P7: 7 };
  return (minutes[bench.id] ?? 5) * 60_000 + (bench.id === 'P7' ? ctx.idleMs : 0);
}

async function runOne(bench: Bench, ctx: BenchContext): Promise<Figure[]> {
  const t0 = Date.now();
  log(`${bench.id} ${bench.title}…`);
  try {
    const figures = await withTimeout(bench.run(ctx), budgetMs(bench, ctx), bench.id);
    log(`${bench.id} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return figures;
  } catch (error) {
    log(`${bench.id} could not run: ${errorText(error)}`);
    return [
      {
        id: bench.id,
        bench: bench.id,
        title: bench.title,
        unit: 'ms',
        status: 'unavailable',
        reason: errorText(error),
      },
    ];
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const wanted = new Set(args.filter((a) => /^P\d$/i.test(a)).map((a) => a.toUpperCase()));
  const pick = (list: Bench[]) => list.filter((b) => wanted.size === 0 || wanted.has(b.id));
  const idleMin = Number(process.env['BENCH_IDLE_MIN'] ?? (quick ? 1 : 2));
  const load = { start: loadavg() };
  const ctx: BenchContext = {
    extensionDir: extensionForBench(log),
    quick,
    idleMs: Math.max(0.5, idleMin) * 60_000,
    log,
  };
  const figures: Figure[] = [];
  for (const bench of pick(QUIET)) {
    figures.push(...(await runOne(bench, ctx)));
  }
  const long = await Promise.all(pick(LONG).map((bench) => runOne(bench, ctx)));
  figures.push(...long.flat());
  const order = (f: Figure) => f.id;
  figures.sort((a, b) => order(a).localeCompare(order(b)));
  const report = {
    command: ['tsx bench/run.ts', ...args].join(' '),
    startedAt: new Date(started).toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    quick,
    idleMinutes: ctx.idleMs / 60_000,
    machine: {
      cpus: cpus().length,
      loadavgAtStart: load.start,
      loadavgAtEnd: loadavg(),
      node: process.version,
    },
    extensionDir: ctx.extensionDir,
    figures,
  };
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${renderTable(figures)}\n`);
  const judged = figures.filter((f) => f.pass !== undefined);
  console.log(
    `${judged.filter((f) => f.pass).length}/${judged.length} figures meet their targets; ` +
      `${figures.filter((f) => f.status !== 'ok').length} unavailable. ` +
      `Results in bench/results.json (${report.durationS} s).`,
  );
  for (const f of figures.filter((x) => x.status !== 'ok')) {
    console.log(`  ${f.id}: ${f.reason ?? ''}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
