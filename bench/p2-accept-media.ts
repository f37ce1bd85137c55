/**
 * P2 — accept → media connected, while the ServiceNow caller lookup takes 0 s, 1.2 s or 5 s. The
 * agent clicks Answer in the screen pop as soon as it is painted (the lookup is then in flight);
 * the clock stops at the softphone's `mediaConnectedAt` (stamped in the offscreen document). The
 * three cases are interleaved trial by trial. Target: 1.2 s and 5 s ≤ 1.05 × the 0 s case.
 */
import type { Page } from 'playwright-core';
import { observePops } from './support/pop-observer';
import { figure, type Bench, type Figure } from './support/result';
import { callOf, endCall, openWorkspace, startBenchStack, type Stack } from './support/stack';
import { runTrials, sleep } from './support/trials';

const LATENCIES = [0, 1200, 5000] as const;

// Clicks Answer in the card from the page's own world and returns the click time (epoch ms).
const CLICK_ANSWER = String.raw`(id) => {
  const root = document.querySelector('switchboard-root')?.shadowRoot;
  const button = root?.querySelector('.sb-card[data-call="' + id + '"] button[data-action="answer"]');
  if (!button) throw new Error('no Answer button for ' + id);
  const t = performance.timeOrigin + performance.now();
  button.click();
  return t;
}`;

async function acceptOnce(stack: Stack, tab: Page, pops: Awaited<ReturnType<typeof observePops>>) {
  const { conversationId } = await stack.genesys.control.placeCall({
    to: 'agent1',
    from: '+14155550123',
    fromName: 'Ada Lovelace',
    queue: 'Support',
    alertTimeoutMs: 30_000,
  });
  await pops.painted(conversationId, 10_000);
  const clicked = await tab.evaluate<number>(
    `(${CLICK_ANSWER})(${JSON.stringify(conversationId)})`,
  );
  const connectedAt = await stack.genesys.control.waitFor(
    'media connected',
    async () => {
      const call = await callOf(stack, conversationId);
      return typeof call?.['mediaConnectedAt'] === 'number' ? call['mediaConnectedAt'] : null;
    },
    15_000,
    50,
  );
  await endCall(stack, conversationId);
  return { conversationId, ms: connectedAt - clicked };
}

export const p2: Bench = {
  id: 'P2',
  title: 'accept → media connected, by lookup latency',
  async run(ctx): Promise<Figure[]> {
    const rounds = ctx.quick ? 3 : 10;
    const stack = await startBenchStack({ extensionDir: ctx.extensionDir, lookupLatencyMs: 0 });
    try {
      const tab = await openWorkspace(stack);
      const pops = await observePops(tab);
      await acceptOnce(stack, tab, pops).catch((e: unknown) => ctx.log(`P2 warm-up: ${String(e)}`));
      const samples = new Map<number, number[]>(LATENCIES.map((l) => [l, []]));
      const failures = new Map<number, string[]>(LATENCIES.map((l) => [l, []]));
      for (let round = 0; round < rounds; round++) {
        for (const latency of LATENCIES) {
          await stack.servicenow.control.setLatency(latency);
          const outcome = await runTrials(
            { name: `P2 ${latency} ms`, n: 1, timeoutMs: 30_000, log: ctx.log },
            async () => {
              const started = Date.now();
              const { ms } = await acceptOnce(stack, tab, pops);
              // Let this call's lookup finish before the next call rings.
              await sleep(Math.max(0, latency + 300 - (Date.now() - started)));
              return ms;
            },
          );
          samples.get(latency)?.push(...outcome.samples);
          failures.get(latency)?.push(...outcome.failures);
        }
      }
      const base = samples.get(0) ?? [];
      return LATENCIES.map((latency) =>
        figure({
          id: `P2.lookup-${latency / 1000}s`,
          bench: 'P2',
          title: `accept → media connected, lookup ${latency / 1000} s`,
          unit: 'ms',
          samples: samples.get(latency) ?? [],
          failures: failures.get(latency) ?? [],
          ...(latency === 0
            ? {}
            : {
                against: { label: 'lookup 0 s', samples: base },
                target: { stat: 'ratioMedian', max: 1.05, text: 'median ≤ 1.05 × lookup 0 s' },
              }),
        }),
      );
    } finally {
      await stack.close();
    }
  },
};
