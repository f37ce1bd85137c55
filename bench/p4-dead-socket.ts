/**
 * P4 — dead socket detected. The emulator black-holes the streaming socket (reads and writes stop,
 * TCP stays open, so nothing closes); the clock runs until the softphone reports it is no longer
 * connected, or the bare SDK emits `disconnected`. The black hole starts at a random point of the
 * heartbeat / ping cycle. Targets: Standard ≤ 10 s, High latency ≤ 30 s (p95); the SDK needs
 * 46–56 s, so it is measured in parallel lanes, once or twice.
 */
import { launchChromium } from '../e2e/support/chromium';
import { range, Samples, semaphore } from './support/lanes';
import { figure, type Bench, type Figure } from './support/result';
import { openSdkLane } from './support/sdk-lane';
import {
  startBenchStack,
  waitConnected,
  waitLeftConnected,
  type ProfileKind,
} from './support/stack';
import { errorText, sleep, withTimeout } from './support/trials';

const TARGET_MS: Record<ProfileKind, number> = { standard: 10_000, 'high-latency': 30_000 };
const PROFILES = Object.keys(TARGET_MS) as ProfileKind[];
/** Longest heartbeat / ping interval: a random start offset within it spreads the phase. */
const CYCLE_MS: Record<ProfileKind | 'sdk', number> = {
  standard: 3_000,
  'high-latency': 10_000,
  sdk: 14_000,
};

async function productLane(
  extensionDir: string,
  profile: ProfileKind,
  trials: number,
  out: Samples,
  startup: ReturnType<typeof semaphore>,
) {
  const stack = await startup.run(() => startBenchStack({ extensionDir, profile }));
  try {
    for (let i = 0; i < trials; i++) {
      await sleep(1_000 + Math.random() * CYCLE_MS[profile]);
      let holeAt = Date.now();
      try {
        const hole = await stack.genesys.control.blackhole(120);
        holeAt = hole.t;
        const left = await waitLeftConnected(stack, hole.t, TARGET_MS[profile] * 3 + 30_000);
        out.add(profile, left - hole.t);
      } catch (error) {
        out.fail(profile, errorText(error));
      }
      await stack.genesys.control.restore();
      await waitConnected(stack, holeAt, 60_000).catch((error: unknown) => {
        out.fail(profile, `did not reconnect after the black hole: ${errorText(error)}`);
      });
    }
  } finally {
    await stack.close();
  }
}

async function sdkLane(browser: Awaited<ReturnType<typeof launchChromium>>, out: Samples) {
  const lane = await openSdkLane(browser);
  try {
    await sleep(Math.random() * CYCLE_MS.sdk);
    const hole = await lane.emu.control.blackhole(120);
    const down = await lane.waitEvent('disconnected', hole.t, 100_000);
    out.add('sdk', down.t - hole.t);
  } finally {
    await lane.close();
  }
}

export const p4: Bench = {
  id: 'P4',
  title: 'dead socket detected',
  async run(ctx): Promise<Figure[]> {
    const trials = ctx.quick ? 2 : 3;
    const sdkLanes = ctx.quick ? 1 : 2;
    const out = new Samples();
    const startup = semaphore(1);
    const browser = await launchChromium();
    try {
      await Promise.all([
        ...range(sdkLanes).map(() =>
          withTimeout(sdkLane(browser, out), 150_000, 'SDK black hole').catch((e: unknown) =>
            out.fail('sdk', errorText(e)),
          ),
        ),
        ...PROFILES.map((profile) =>
          withTimeout(
            productLane(ctx.extensionDir, profile, trials, out, startup),
            trials * 150_000,
            `P4 ${profile}`,
          ).catch((e: unknown) => out.fail(profile, errorText(e))),
        ),
      ]);
    } finally {
      await browser.close();
    }
    return PROFILES.map((profile) =>
      figure({
        id: `P4.${profile}.detect`,
        bench: 'P4',
        title: `${profile}: dead socket (black hole) → detected`,
        unit: 'ms',
        samples: out.values(profile),
        failures: out.failures(profile),
        against: { label: 'bare SDK 9.2.4', samples: out.values('sdk') },
        target: {
          stat: 'p95',
          max: TARGET_MS[profile],
          text: `p95 ≤ ${TARGET_MS[profile] / 1000} s`,
        },
      }),
    );
  },
};
