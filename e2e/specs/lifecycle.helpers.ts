/**
 * Helpers for the lifecycle tests, which reload the extension or restart the browser. Both
 * re-read the extension from disk, so each test runs a private copy of dist/ (a rebuild of
 * dist/ during the test would otherwise be what gets reloaded). The Genesys emulator outlives a
 * browser restart; the stack's own helpers (configure, signIn, snapshot, waitFor…) work on what
 * these return.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { GenesysEmulator } from '../../emulators/genesys/server';
import type { ServiceNowStandIn } from '../../emulators/servicenow/index';
import { namedFiles } from '../../scripts/package-checks';
import { DIST, launchExtension, sendFromPage } from '../support/extension';
import type { Stack } from '../support/stack';

export const ORG = '8f1c3a52-0000-4000-8000-00000000ac01';

/**
 * A fresh browser profile with developer mode on: Chromium re-installs a reloaded unpacked
 * extension as one loaded by hand, which it keeps enabled only in developer mode (an extension
 * from the store reloads without it).
 */
export function developerProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-profile-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(
    join(dir, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
  );
  return dir;
}

export function privateDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const missing = namedFiles(manifest).filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new Error(`dist/ is incomplete (being rebuilt?): ${missing.join(', ')}`);
  }
  return dir;
}

export interface Launch {
  extensionDir: string;
  userDataDir?: string;
  genesys: GenesysEmulator;
  servicenow: ServiceNowStandIn;
  /** Registered once; a restarted browser keeps the same extension id and client. */
  clientId?: string;
}

/** A stack whose helpers talk through `page` (replaceable after a reload). */
export function stackOn(base: Omit<Stack, 'ui' | 'toWorker'>, page: Page): Stack {
  return {
    ...base,
    ui: page,
    toWorker: (type, data) => sendFromPage(page, { v: 1, to: 'worker', type, data }),
  };
}

/** Launches the browser with the extension copy and opens an extension page to talk through. */
export async function launch(options: Launch): Promise<Stack> {
  const ext = await launchExtension({
    extensionDir: options.extensionDir,
    ...(options.userDataDir === undefined ? {} : { userDataDir: options.userDataDir }),
  });
  const clientId =
    options.clientId ??
    (
      await options.genesys.control.registerOAuthClient({
        org: ORG,
        redirectUris: [`https://${ext.extensionId}.chromiumapp.org/`],
        name: 'Switchboard',
      })
    ).clientId;
  const page = await openExtensionPage(ext.context, ext.extensionId);
  return stackOn(
    {
      ext,
      genesys: options.genesys,
      servicenow: options.servicenow,
      clientId,
      close: () => ext.close(),
    },
    page,
  );
}

/** Opens the options page once the extension serves it (after a reload it takes a moment). */
export async function openExtensionPage(
  context: Stack['ext']['context'],
  extensionId: string,
): Promise<Page> {
  const page = await context.newPage();
  const url = `chrome-extension://${extensionId}/src/options/options.html`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    await page.goto(url).catch(() => undefined);
    const ready = await page.evaluate(() => typeof chrome.runtime.id).catch(() => 'not yet');
    if (ready === 'string') {
      return page;
    }
    if (Date.now() > deadline) {
      throw new Error(`The extension did not serve ${url} within 15 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
