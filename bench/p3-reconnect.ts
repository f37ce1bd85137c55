/**
 * P3 — network restored → signalling connected, per network profile (Standard, High latency),
 * against the bare SDK in the same run. Three cases, each timed from the emulator's fault or
 * restore timestamp to the moment the softphone reports `connected` (the snapshot's
 * `connection.since`) or the SDK emits `connected`:
 *   drop     the server drops the streaming socket (TCP reset), service up — target median ≤ 0.5 s
 *   outage   upgrades refused for 10–65 s, then back — restore → connected, target p95 ≤ 1 s
 *   after    a plain drop 5 s after recovering from that outage — target p95 ≤ 2.5 s
 * Lanes run side by side (one browser and one emulator each); outage lengths rotate per lane so
 * the long waits overlap. The short drop measurements take turns in a quiet section.
 */
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { range, rotate, Samples, semaphore, type Semaphore } from './support/lanes';
import { figure, type Bench, type BenchContext, type Figure } from './support/result';
import { openSdkLane } from './support/sdk-lane';
import { startBenchStack, waitConnected, type ProfileKind, type Stack } from './support/stack';
import { median } from './support/stats';
import { errorText, sleep, withTimeout } from './support/trials';

const PROFILES: ProfileKind[] = ['standard', 'high-latency'];
const AFTER_OUTAGE_MS = 5_000;

interface Plan {
  lengths: number[];
  lanes: number;
  dropsPerLane: number;
  sdkDrops: number;
}

const planFor = (ctx: BenchContext): Plan =>
  ctx.quick
    ? { lengths: [10, 35], lanes: 1, dropsPerLane: 3, sdkDrops: 3 }
    : { lengths: [10, 35, 65], lanes: 3, dropsPerLane: 2, sdkDrops: 3 };

/** Records one measurement (or its failure) under `key`. */
async function measure(out: Samples, key: string, fn: () => Promise<number>, ms: number) {
  try {
    out.add(key, await withTimeout(fn(), ms, key));
  } catch (error) {
    out.fail(key, errorText(error));
  }
}

interface Target {
  drop(): Promise<{ t: number; dropped: number }>;
  refuse(seconds: number): Promise<{ until: number }>;
  /** When the softphone / SDK next reported connected at or after `since`. */
  connected(since: number, timeoutMs: number): Promise<number>;
}

function productTarget(stack: Stack): Target {
  return {
    drop: () => stack.genesys.control.dropSockets('destroy'),
    refuse: (s) => stack.genesys.control.refuseUpgrades(s),
    connected: (since, timeoutMs) => waitConnected(stack, since, timeoutMs),
  };
}

async function cleanDrop(target: Target): Promise<number> {
  const d = await target.drop();
  if (d.dropped === 0) {
    throw new Error('no live socket to drop');
  }
  return (await target.connected(d.t, 15_000)) - d.t;
}

/** Outage of `seconds`, then a plain drop shortly after recovering: both durations. */
async function outage(target: Target, seconds: number, out: Samples, key: string): Promise<void> {
  const r = await target.refuse(seconds);
  await target.drop();
  const back = await target.connected(r.until, (seconds + 100) * 1000);
  out.add(`${key}.outage.${seconds}`, back - r.until);
  await sleep(Math.max(0, back + AFTER_OUTAGE_MS - Date.now()));
  await measure(out, `${key}.after.${seconds}`, () => cleanDropSlow(target), 100_000);
}

async function cleanDropSlow(target: Target): Promise<number> {
  const d = await target.drop();
  return (await target.connected(d.t, 95_000)) - d.t;
}

async function productLane(
  ctx: BenchContext,
  profile: ProfileKind,
  lane: number,
  plan: Plan,
  gates: { quiet: Semaphore; startup: Semaphore },
  out: Samples,
): Promise<void> {
  let stack: Stack;
  try {
    stack = await gates.startup.run(() =>
      startBenchStack({ extensionDir: ctx.extensionDir, profile }),
    );
  } catch (error) {
    out.fail(`${profile}.drop`, `lane ${lane} did not start: ${errorText(error)}`);
    return;
  }
  try {
    const target = productTarget(stack);
    await sleep(1_000);
    for (let i = 0; i < plan.dropsPerLane; i++) {
      await measure(out, `${profile}.drop`, () => gates.quiet.run(() => cleanDrop(target)), 30_000);
      await sleep(1_000);
    }
    for (const seconds of rotate(plan.lengths, lane)) {
      try {
        await withTimeout(outage(target, seconds, out, profile), 320_000, `outage ${seconds} s`);
      } catch (error) {
        out.fail(`${profile}.outage.${seconds}`, errorText(error));
      }
      await sleep(2_000);
    }
    ctx.log(`P3 ${profile} lane ${lane} done`);
  } finally {
    await stack.close();
  }
}

async function sdkLane(browser: BrowserContext, job: 'drop' | number, plan: Plan, out: Samples) {
  const lane = await openSdkLane(browser);
  try {
    const target: Target = {
      drop: () => lane.emu.control.dropSockets('destroy'),
      refuse: (s) => lane.emu.control.refuseUpgrades(s),
      connected: async (since, timeoutMs) =>
        (await lane.waitEvent('connected', since, timeoutMs)).t,
    };
    if (job === 'drop') {
      for (let i = 0; i < plan.sdkDrops; i++) {
        await measure(out, 'sdk.drop', () => cleanDrop(target), 30_000);
        await sleep(1_000);
      }
    } else {
      await withTimeout(outage(target, job, out, 'sdk'), 320_000, `SDK outage ${job} s`);
    }
  } finally {
    await lane.close();
  }
}

const byLength = (out: Samples, key: string, plan: Plan) =>
  plan.lengths
    .map((s) => {
      const product = out.values(`${key}.${s}`);
      const sdk = out.values(`sdk.${key.split('.').slice(1).join('.')}.${s}`);
      return `${s} s outage: median ${Math.round(median(product))} ms (n=${product.length}) vs SDK ${Math.round(median(sdk))} ms (n=${sdk.length})`;
    })
    .join('; ');

export const p3: Bench = {
  id: 'P3',
  title: 'network restored → signalling connected',
  async run(ctx): Promise<Figure[]> {
    const plan = planFor(ctx);
    const out = new Samples();
    const gates = { quiet: semaphore(1), startup: semaphore(2) };
    const browser = await launchChromium();
    try {
      const sdkJobs = (['drop', ...plan.lengths] as const).map((job) =>
        sdkLane(browser, job, plan, out).catch((error: unknown) =>
          out.fail(job === 'drop' ? 'sdk.drop' : `sdk.outage.${job}`, errorText(error)),
        ),
      );
      const productJobs = PROFILES.flatMap((profile) =>
        range(plan.lanes).map((lane) => productLane(ctx, profile, lane, plan, gates, out)),
      );
      await Promise.all([...sdkJobs, ...productJobs]);
    } finally {
      await browser.close();
    }
    const sdk = (key: string) => ({ label: 'bare SDK 9.2.4', samples: out.pooled(`sdk.${key}`) });
    return PROFILES.flatMap((profile) => [
      figure({
        id: `P3.${profile}.drop`,
        bench: 'P3',
        title: `${profile}: socket drop → connected`,
        unit: 'ms',
        samples: out.values(`${profile}.drop`),
        failures: out.failures(`${profile}.drop`),
        against: sdk('drop'),
        target: { stat: 'median', max: 500, text: 'median ≤ 0.5 s' },
      }),
      figure({
        id: `P3.${profile}.outage`,
        bench: 'P3',
        title: `${profile}: outage ${plan.lengths.join('/')} s, restore → connected`,
        unit: 'ms',
        samples: out.pooled(`${profile}.outage.`),
        failures: out.pooledFailures(`${profile}.outage.`),
        against: sdk('outage.'),
        target: { stat: 'p95', max: 1_000, text: 'p95 ≤ 1 s' },
        notes: [byLength(out, `${profile}.outage`, plan)],
      }),
      figure({
        id: `P3.${profile}.after-outage`,
        bench: 'P3',
        title: `${profile}: drop ${AFTER_OUTAGE_MS / 1000} s after an outage → connected`,
        unit: 'ms',
        samples: out.pooled(`${profile}.after.`),
        failures: out.pooledFailures(`${profile}.after.`),
        against: sdk('after.'),
        target: { stat: 'p95', max: 2_500, text: 'p95 ≤ 2.5 s' },
        notes: [byLength(out, `${profile}.after`, plan)],
      }),
    ]);
  },
};
