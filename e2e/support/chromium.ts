/**
 * The one place that finds a Chromium and launches it with the flags every browser test needs:
 * fake microphone, auto-accepted media prompts, WebRTC over loopback and no background traffic.
 * Used by the e2e suite, the emulator contract suite, the benchmarks and `npm run demo`.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

export function findChromium(): string {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
    }
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium or Chrome found. Install one with `sudo apt-get install -y chromium` ' +
        '(Debian/Ubuntu) or point CHROME_PATH at a Chrome binary.',
    );
  }
  return found;
}

export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

export interface LaunchOptions {
  /** Absolute path of an unpacked extension to load (the built dist/). */
  extensionDir?: string;
  /** More unpacked extensions loaded beside it (test fixtures). */
  extraExtensionDirs?: string[];
  /** Defaults to headless unless HEADED=1 and a DISPLAY exists. */
  headless?: boolean;
  userDataDir?: string;
  extraArgs?: string[];
}

export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserContext> {
  const headed = process.env['HEADED'] === '1' && Boolean(process.env['DISPLAY']);
  const args = [...BASE_ARGS, ...(options.extraArgs ?? [])];
  if (options.extensionDir) {
    const dirs = [options.extensionDir, ...(options.extraExtensionDirs ?? [])].join(',');
    args.push(`--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`);
  }
  return chromium.launchPersistentContext(
    options.userDataDir ?? mkdtempSync(join(tmpdir(), 'switchboard-chromium-')),
    {
      executablePath: findChromium(),
      headless: options.headless ?? !headed,
      args,
      viewport: { width: 1280, height: 800 },
    },
  );
}
