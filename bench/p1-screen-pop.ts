/**
 * P1 — alert → screen pop painted. From the moment the Genesys emulator puts the call's first
 * notification on the wire to the animation frame that paints the call card in the ServiceNow
 * tab's shadow root (observed in the page; the caller lookup is not included). Against the floor measured in the same run, trial
 * by trial: the same kind of event over a plain WebSocket to a plain page that paints a card.
 * Target: product p95 ≤ 1.5 × floor p95.
 */
import type { Page } from 'playwright-core';
import { contentWorld } from './support/content-world';
import { startFloor, preciseNow, type FloorServer } from './support/floor';
import { observePops } from './support/pop-observer';
import { figure, type Bench, type Figure } from './support/result';
import { callOf, endCall, openWorkspace, startBenchStack, type Stack } from './support/stack';
import { median } from './support/stats';
import { runTrials, sleep, withTimeout } from './support/trials';
import { tapConversationEvents } from './support/wire-tap';

/** In the tab's content-script world: when each call first arrived, and its publish time. */
const ARRIVALS = String.raw`(() => {
  globalThis.benchFirst = {};
  chrome.runtime.onMessage.addListener((m) => {
    const s = m && m.to === 'content' && m.type === 'content.snapshot' ? m.data.snapshot : null;
    for (const c of (s && s.calls) || []) {
      if (!globalThis.benchFirst[c.conversationId]) {
        globalThis.benchFirst[c.conversationId] = [s.updatedAt, performance.timeOrigin + performance.now()];
      }
    }
    return undefined;
  });
  return true;
})()`;

const CALLER = { from: '+14155550123', fromName: 'Ada Lovelace', queue: 'Support' };

async function floorPage(stack: Stack, floor: FloorServer) {
  const page: Page = await stack.ext.context.newPage();
  const waiters = new Map<string, (painted: number) => void>();
  await page.exposeFunction('benchPainted', (id: string, _inserted: number, painted: number) => {
    waiters.get(id)?.(painted);
  });
  await page.goto(floor.url);
  await page.evaluate(() => (window as unknown as { floorReady: Promise<boolean> }).floorReady);
  return {
    page,
    async sample(i: number): Promise<number> {
      const id = `floor-${i}-${Date.now()}`;
      const painted = new Promise<number>((resolve) => waiters.set(id, resolve));
      const sent = floor.push({
        id,
        name: CALLER.fromName,
        number: CALLER.from,
        queue: CALLER.queue,
      });
      const at = await withTimeout(painted, 5_000, 'floor paint');
      waiters.delete(id);
      return at - sent;
    },
  };
}

/**
 * Where the time goes, per trial: emulator sends → offscreen sees the call alerting (SDK and
 * adapter) → snapshot published → it arrives in the tab's content script (worker relay) → painted.
 * Offscreen times are whole milliseconds.
 */
class Stages {
  static readonly NAMES = ['SDK + adapter', 'publish', 'worker relay', 'render + frame'];
  #rows: number[][] = [];

  add(times: number[]): void {
    if (times.every(Number.isFinite)) {
      this.#rows.push(times.slice(1).map((t, i) => t - (times[i] ?? t)));
    }
  }

  clear(): void {
    this.#rows = [];
  }

  describe(): string {
    const parts = Stages.NAMES.map(
      (name, i) => `${name} ${median(this.#rows.map((r) => r[i] ?? 0)).toFixed(1)} ms`,
    );
    return `stages, median of ${this.#rows.length}: ${parts.join(', ')}`;
  }
}

export const p1: Bench = {
  id: 'P1',
  title: 'alert → screen pop painted',
  async run(ctx): Promise<Figure[]> {
    const n = ctx.quick ? 8 : 40;
    const stack = await startBenchStack({ extensionDir: ctx.extensionDir, lookupLatencyMs: 0 });
    const floor = await startFloor();
    try {
      const tab = await openWorkspace(stack);
      const pops = await observePops(tab);
      const wire = tapConversationEvents(stack.genesys);
      const world = await contentWorld(tab, stack.ext.extensionId);
      await world.evaluate(ARRIVALS);
      const plain = await floorPage(stack, floor);
      const stages = new Stages();
      const productSample = async (): Promise<number> => {
        await tab.bringToFront();
        const asked = preciseNow();
        const { conversationId } = await stack.genesys.control.placeCall({
          to: 'agent1',
          ...CALLER,
        });
        const { painted } = await pops.painted(conversationId, 10_000);
        const sent = wire.firstSent(conversationId) ?? asked;
        const alertedAt = Number((await callOf(stack, conversationId))?.['alertedAt']);
        const [publishedAt, arrivedAt] = (await world.evaluate<[number, number] | null>(
          `globalThis.benchFirst[${JSON.stringify(conversationId)}] || null`,
        )) ?? [Number.NaN, Number.NaN];
        await endCall(stack, conversationId);
        stages.add([sent, alertedAt, publishedAt, arrivedAt, painted]);
        return painted - sent;
      };
      const floorSample = async (i: number): Promise<number> => {
        await plain.page.bringToFront();
        return plain.sample(i);
      };
      // Warm-up: first call and first push pay for code loading and JIT.
      await productSample().catch((e: unknown) => ctx.log(`P1 warm-up: ${String(e)}`));
      await floorSample(-1);
      stages.clear();
      const floorSamples: number[] = [];
      const outcome = await runTrials(
        { name: 'P1', n, timeoutMs: 20_000, gapMs: 200, log: ctx.log },
        async (i) => {
          floorSamples.push(await floorSample(i));
          await sleep(100);
          return productSample();
        },
      );
      return [
        figure({
          id: 'P1.pop',
          bench: 'P1',
          title: 'alert → screen pop painted',
          unit: 'ms',
          samples: outcome.samples,
          against: { label: 'floor: plain WebSocket → plain page', samples: floorSamples },
          target: { stat: 'ratioP95', max: 1.5, text: 'p95 ≤ 1.5 × floor' },
          failures: outcome.failures,
          notes: [stages.describe()],
        }),
      ];
    } finally {
      await floor.close();
      await stack.close();
    }
  },
};
