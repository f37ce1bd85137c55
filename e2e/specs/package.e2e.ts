/**
 * The store package end to end: `npm run package`'s zip, unpacked, loads in Chromium without the
 * development key (so under a store-style id) and passes the skeleton checks — one offscreen
 * document, the connection chip in a shadow root on a ServiceNow page, and the relay from the
 * offscreen document to the tab still working after the service worker is killed.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageExtension } from '../../scripts/package';
import { readZip } from '../../scripts/zip';
import {
  DIST,
  killServiceWorker,
  launchExtension,
  offscreenCount,
  sendFromPage,
  type ExtensionHandle,
} from '../support/extension';
import { serviceNowHostArgs, startTlsProxy, type TlsProxy } from '../support/tls-proxy';

const DEV_ID = 'cncadkbmndkedbemhaabapcgekefhdbc';

let unpacked: string;
let names: string[];
let server: Server;
let proxy: TlsProxy;
let ext: ExtensionHandle;
let tab: Page;
let options: Page;

const seqInTab = () =>
  tab.locator('switchboard-root .sb-layer').getAttribute('data-seq').then(Number);
const refresh = () =>
  sendFromPage<{ ok: boolean; value: { seq: number } }>(options, {
    v: 1,
    to: 'worker',
    type: 'session.refresh',
    data: null,
  });

beforeAll(async () => {
  const zip = packageExtension({ build: false, distDir: DIST });
  unpacked = mkdtempSync(join(tmpdir(), 'switchboard-package-'));
  const entries = readZip(readFileSync(zip.path));
  names = entries.map((e) => e.name);
  for (const entry of entries) {
    mkdirSync(dirname(join(unpacked, entry.name)), { recursive: true });
    writeFileSync(join(unpacked, entry.name), entry.data);
  }
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Workspace</title><h1>Agent Workspace</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy = await startTlsProxy(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  ext = await launchExtension({
    extensionDir: unpacked,
    extraArgs: serviceNowHostArgs(proxy.port),
  });
  tab = await ext.context.newPage();
  await tab.goto('https://acme.service-now.com/now/workspace/agent/home');
  options = await ext.openPage('src/options/options.html');
});

afterAll(async () => {
  await ext.close();
  await proxy.close();
  server.close();
});

describe('store package', () => {
  it('ships the package version, no development key, no source maps or tests', () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(manifest['version']).toBe(pkg.version);
    expect(manifest).not.toHaveProperty('key');
    expect(names.filter((n) => /\.map$|\.test\.|\.ts$|^e2e\//.test(n))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(['src/welcome/welcome.html', 'icons/icon-128.png']),
    );
  });

  it('loads under an id the store would assign, with exactly one offscreen document', async () => {
    expect(ext.extensionId).not.toBe(DEV_ID);
    await expect.poll(() => offscreenCount(ext), { timeout: 10_000 }).toBe(1);
  });

  it('shows the connection chip inside a shadow root on the ServiceNow page', async () => {
    await expect
      .poll(() => tab.locator('switchboard-root .sb-chip').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await tab.evaluate(() => document.querySelectorAll('.sb-chip').length)).toBe(0);
  });

  it('relays a snapshot to the tab before and after a worker kill', async () => {
    const first = await refresh();
    expect(first.ok).toBe(true);
    await expect.poll(seqInTab, { timeout: 10_000 }).toBe(first.value.seq);
    await killServiceWorker(ext.context, ext.extensionId);
    const second = await refresh();
    expect(second.value.seq).toBeGreaterThan(first.value.seq);
    await expect.poll(seqInTab, { timeout: 10_000 }).toBe(second.value.seq);
    expect(await offscreenCount(ext)).toBe(1);
  });
});
