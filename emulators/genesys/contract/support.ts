/**
 * Shared pieces of the contract suite: one Chromium per file, a fresh emulator per test (its
 * media peers borrow that browser), and a page running the SDK harness with typed helpers.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from '../../../e2e/support/chromium';
import { startGenesysEmulator, type GenesysEmulator, type GenesysEmulatorOptions } from '../server';

export interface HarnessEvent {
  t: number;
  name: string;
  data: Record<string, unknown> | undefined;
}

export interface Rtp {
  state: string;
  packetsReceived: number;
  packetsSent: number;
  bytesReceived: number;
  packetsLost: number;
}

type Harness = Record<string, ((...args: unknown[]) => unknown) | undefined> & {
  events: HarnessEvent[];
  count(name: string): number;
};
interface HarnessWindow {
  harness: Harness;
}

/** The harness's SDK operations (see harness/page.ts). */
export type HarnessOp =
  | 'init'
  | 'accept'
  | 'decline'
  | 'mute'
  | 'hold'
  | 'end'
  | 'dial'
  | 'destroy'
  | 'disconnect'
  | 'rtp';

export class SdkPage {
  constructor(readonly page: Page) {}

  /** Runs one harness operation in the page and returns its (serialisable) result. */
  run<R = unknown>(op: HarnessOp, ...args: unknown[]): Promise<R> {
    return this.page.evaluate(
      async ([name, a]) => {
        const fn = (window as unknown as HarnessWindow).harness[name];
        if (typeof fn !== 'function') {
          throw new Error(`no harness op ${name}`);
        }
        return await fn(...a);
      },
      [op, args] as const,
    ) as Promise<R>;
  }

  accept = (cid: string) => this.run('accept', cid);
  decline = (cid: string) => this.run('decline', cid);
  mute = (cid: string, on: boolean) => this.run('mute', cid, on);
  hold = (cid: string, on: boolean) => this.run('hold', cid, on);
  end = (cid: string) => this.run('end', cid);
  dial = (phone: string) => this.run<{ id: string }>('dial', phone);
  destroy = () => this.run('destroy');

  init(token: string, opts: { serverSidePings?: boolean; extra?: Record<string, unknown> } = {}) {
    return this.run<{ ok: boolean; error?: string }>('init', { token, ...opts });
  }

  events(): Promise<HarnessEvent[]> {
    return this.page.evaluate(() => (window as unknown as HarnessWindow).harness.events);
  }

  /** Waits until the SDK has emitted `name` at least `count` times; returns that event. */
  async waitEvent(
    name: string,
    opts: { count?: number; timeoutMs?: number } = {},
  ): Promise<HarnessEvent> {
    const count = opts.count ?? 1;
    await this.page.waitForFunction(
      ([n, c]) => (window as unknown as HarnessWindow).harness.count(n) >= c,
      [name, count] as const,
      { timeout: opts.timeoutMs ?? 10_000 },
    );
    const all = (await this.events()).filter((e) => e.name === name);
    const ev = all[count - 1];
    if (!ev) {
      throw new Error(`event ${name} #${count} missing`);
    }
    return ev;
  }

  count(name: string): Promise<number> {
    return this.page.evaluate((n) => (window as unknown as HarnessWindow).harness.count(n), name);
  }

  rtp(sessionId: string): Promise<Rtp | null> {
    return this.run<Rtp | null>('rtp', sessionId);
  }
}

export interface Env {
  emu: GenesysEmulator;
  browser: BrowserContext;
  open: (
    token?: string,
    opts?: { serverSidePings?: boolean; extra?: Record<string, unknown> },
  ) => Promise<SdkPage>;
  /** A harness page without initialising the SDK. */
  blank: () => Promise<SdkPage>;
}

/** Registers hooks: a browser for the file, a new emulator for each `env.fresh()`. */
export function useContractEnv() {
  let browser: BrowserContext | undefined;
  const emus: GenesysEmulator[] = [];
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) {
      await p.close().catch(() => undefined);
    }
    for (const e of emus.splice(0)) {
      await e.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async fresh(opts: Omit<GenesysEmulatorOptions, 'media'> = {}): Promise<Env> {
      if (!browser) {
        throw new Error('browser not launched');
      }
      const ctx = browser;
      const emu = await startGenesysEmulator({ ...opts, media: { browserContext: ctx } });
      emus.push(emu);
      const blank = async () => {
        const page = await ctx.newPage();
        pages.push(page);
        await page.goto(`${emu.url}/_emulator/harness/`);
        return new SdkPage(page);
      };
      return {
        emu,
        browser: ctx,
        blank,
        open: async (token = 'acme-agent1-token', o = {}) => {
          const sdk = await blank();
          const r = await sdk.init(token, o);
          if (!r.ok) {
            throw new Error(`initialize failed: ${r.error}`);
          }
          return sdk;
        },
      };
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `read()` has grown by at least `by` (e.g. RTP packets), with its own timeout. */
export async function waitRising(
  what: string,
  read: () => Promise<number>,
  by = 20,
  timeoutMs = 8_000,
): Promise<number> {
  const start = await read();
  const deadline = Date.now() + timeoutMs;
  let now = start;
  while (Date.now() < deadline) {
    await sleep(200);
    now = await read();
    if (now - start >= by) {
      return now - start;
    }
  }
  throw new Error(`${what} did not rise by ${by} in ${timeoutMs} ms (from ${start} to ${now})`);
}
