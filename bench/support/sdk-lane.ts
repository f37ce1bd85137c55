/**
 * The bare SDK (genesys-cloud-webrtc-sdk 9.2.4, unmodified bundle) as the comparison for the
 * reconnect figures: the emulator's own harness page runs it against a fresh emulator per lane,
 * so its remembered backoff (sessionStorage, per origin) starts empty, as in sdk-baselines.md.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { startGenesysEmulator, type GenesysEmulator } from '../../emulators/genesys/server';

export interface SdkEvent {
  t: number;
  name: string;
  data?: Record<string, unknown>;
}

export interface SdkLane {
  emu: GenesysEmulator;
  page: Page;
  /** Waits for the `count`-th `name` event at or after `since` (epoch ms) and returns it. */
  waitEvent(name: string, since: number, timeoutMs: number): Promise<SdkEvent>;
  close(): Promise<void>;
}

interface HarnessWindow {
  harness: { events: SdkEvent[]; init(cfg: unknown): Promise<{ ok: boolean; error?: string }> };
}

export async function openSdkLane(browser: BrowserContext): Promise<SdkLane> {
  const emu = await startGenesysEmulator({ port: 0, media: 'none' });
  const page = await browser.newPage();
  const close = async () => {
    await page.close().catch(() => undefined);
    await emu.close().catch(() => undefined);
  };
  try {
    await page.goto(`${emu.url}/_emulator/harness/`);
    const init = await page.evaluate(
      (token) => (window as unknown as HarnessWindow).harness.init({ token }),
      'acme-agent1-token',
    );
    if (!init.ok) {
      throw new Error(`SDK initialize failed: ${init.error ?? 'unknown'}`);
    }
    const lane: SdkLane = {
      emu,
      page,
      async waitEvent(name, since, timeoutMs) {
        const handle = await page.waitForFunction(
          ([n, s]) =>
            (window as unknown as HarnessWindow).harness.events.find(
              (e) => e.name === n && e.t >= s,
            ),
          [name, since] as const,
          { timeout: timeoutMs, polling: 100 },
        );
        const event = await handle.jsonValue();
        if (!event) {
          throw new Error(`no ${name} event`);
        }
        return event;
      },
      close,
    };
    await lane.waitEvent('connected', 0, 15_000);
    return lane;
  } catch (error) {
    await close();
    throw error;
  }
}
