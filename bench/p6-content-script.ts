/**
 * P6 — the content script's cost. (1) gzip size of its code in the built extension: the chunks
 * loaded before it runs and those it may load later (the call UI, pop controller, rules and
 * lookup, record writes, the logger: when a call, record or message needs them);
 * target: all of it ≤ 25 KB (KB = 1,024 bytes). (2) Main-thread time it adds to a ServiceNow page load: the same
 * stand-in workspace page loaded in fresh tabs of the same browser, as https://acme.service-now.com
 * (the content script runs) and as https://acme.example.test (it does not), interleaved; each load
 * waits until the page is quiet, then reads the renderer's TaskDuration (CDP Performance
 * metrics). Added time = median with − median without; target ≤ 5 ms.
 */
import type { Page } from 'playwright-core';
import { contentChunks } from './support/chunks';
import { figure, type Bench, type Figure } from './support/result';
import { startBenchStack, type Stack } from './support/stack';
import { median } from './support/stats';
import { runTrials, sleep } from './support/trials';

const WITH = 'https://acme.service-now.com/now/workspace/agent/home';
const WITHOUT = 'https://acme.example.test/now/workspace/agent/home';
/** After `load`: the content script starts at document_idle; the wait covers its idle work. */
const SETTLE_MS = 2_000;

async function loadCost(stack: Stack, url: string): Promise<number> {
  const tab: Page = await stack.ext.context.newPage();
  try {
    const cdp = await stack.ext.context.newCDPSession(tab);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.waitForSelector('#sn-main[data-sn-state=ready]', { timeout: 15_000 });
    await sleep(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    const task = metrics.find((m) => m.name === 'TaskDuration')?.value;
    if (task === undefined) {
      throw new Error('no TaskDuration metric');
    }
    return task * 1000;
  } finally {
    await tab.close();
  }
}

function sizeFigure(distDir: string): Figure[] {
  const { initial, lazy } = contentChunks(distDir);
  const kb = (list: { gzip: number }[]) => list.reduce((a, c) => a + c.gzip, 0) / 1024;
  const list = (l: { file: string; gzip: number }[]) =>
    l.map((c) => `${c.file.replace('assets/', '')} ${(c.gzip / 1024).toFixed(1)}`).join(', ');
  return [
    figure({
      id: 'P6.size',
      bench: 'P6',
      title: 'content script gzip size (all chunks)',
      unit: 'KB',
      samples: [kb(initial) + kb(lazy)],
      target: { stat: 'max', max: 25, text: '≤ 25 KB' },
      notes: [
        `before it runs: ${kb(initial).toFixed(1)} KB (${list(initial)})`,
        `loaded later, when needed: ${kb(lazy).toFixed(1)} KB (${list(lazy)})`,
      ],
    }),
  ];
}

export const p6: Bench = {
  id: 'P6',
  title: 'content script: size and page-load cost',
  async run(ctx): Promise<Figure[]> {
    const sizes = sizeFigure(ctx.extensionDir);
    const n = ctx.quick ? 5 : 12;
    const stack = await startBenchStack({
      extensionDir: ctx.extensionDir,
      lookupLatencyMs: 0,
      extraHosts: ['*.example.test'],
    });
    try {
      await loadCost(stack, WITH); // warm-up: caches, code compilation
      await loadCost(stack, WITHOUT);
      const without: number[] = [];
      const outcome = await runTrials(
        { name: 'P6', n, timeoutMs: 30_000, log: ctx.log },
        async () => {
          without.push(await loadCost(stack, WITHOUT));
          return loadCost(stack, WITH);
        },
      );
      const added =
        outcome.samples.length && without.length ? [median(outcome.samples) - median(without)] : [];
      return [
        ...sizes,
        figure({
          id: 'P6.main-thread',
          bench: 'P6',
          title: 'main-thread time added to a ServiceNow page load',
          unit: 'ms',
          samples: added,
          failures: outcome.failures,
          target: { stat: 'median', max: 5, text: '≤ 5 ms' },
          notes: [
            `page load main-thread time, median of ${outcome.samples.length}: with ` +
              `${median(outcome.samples).toFixed(1)} ms, without ${median(without).toFixed(1)} ms`,
          ],
        }),
      ];
    } finally {
      await stack.close();
    }
  },
};
