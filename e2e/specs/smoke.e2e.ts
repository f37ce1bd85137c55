/**
 * The skeleton end to end: the built extension in Chromium, one offscreen document, a message from
 * the offscreen document reaching a ServiceNow tab through the worker and rendering inside a shadow
 * root — and the same relay still working after the service worker is killed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  killServiceWorker,
  launchExtension,
  offscreenCount,
  sendFromPage,
  type ExtensionHandle,
} from '../support/extension';
import { serviceNowHostArgs, startTlsProxy, type TlsProxy } from '../support/tls-proxy';

let server: Server;
let proxy: TlsProxy;
let ext: ExtensionHandle;
let tab: Page;
let options: Page;

const seqInTab = () =>
  tab.locator('switchboard-root .sb-layer').getAttribute('data-seq').then(Number);

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Workspace</title><h1>Agent Workspace</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy = await startTlsProxy(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  ext = await launchExtension({ extraArgs: serviceNowHostArgs(proxy.port) });
  tab = await ext.context.newPage();
  await tab.goto('https://acme.service-now.com/now/workspace/agent/home');
  options = await ext.openPage('src/options/options.html');
});

afterAll(async () => {
  await ext.close();
  await proxy.close();
  server.close();
});

describe('extension skeleton', () => {
  it('runs exactly one offscreen document', async () => {
    await expect.poll(() => offscreenCount(ext), { timeout: 10_000 }).toBe(1);
  });

  it('renders the connection chip inside a shadow root on the ServiceNow page', async () => {
    const chip = tab.locator('switchboard-root .sb-chip');
    await expect.poll(() => chip.count(), { timeout: 10_000 }).toBe(1);
    const inShadow = await tab.evaluate(
      () =>
        document.querySelector('switchboard-root')?.shadowRoot?.querySelector('.sb-chip') !== null,
    );
    expect(inShadow).toBe(true);
    // The page's own DOM does not see our elements.
    expect(await tab.evaluate(() => document.querySelectorAll('.sb-chip').length)).toBe(0);
  });

  it('relays a snapshot from the offscreen document to the tab, before and after a worker kill', async () => {
    const before = await seqInTab();
    const first = await sendFromPage<{ ok: boolean; value: { seq: number } }>(options, {
      v: 1,
      to: 'worker',
      type: 'session.refresh',
      data: null,
    });
    expect(JSON.stringify(first)).toContain('"ok":true');
    await expect.poll(seqInTab, { timeout: 10_000 }).toBe(first.value.seq);
    expect(first.value.seq).toBeGreaterThan(before);

    await killServiceWorker(ext.context, ext.extensionId);
    const second = await sendFromPage<{ ok: boolean; value: { seq: number } }>(options, {
      v: 1,
      to: 'worker',
      type: 'session.refresh',
      data: null,
    });
    expect(second.ok).toBe(true);
    expect(second.value.seq).toBeGreaterThan(first.value.seq);
    await expect.poll(seqInTab, { timeout: 10_000 }).toBe(second.value.seq);
    expect(await offscreenCount(ext)).toBe(1);
  });

  it('refuses a worker message of the wrong shape with a clear error', async () => {
    const reply = await sendFromPage<{ ok: boolean; error: { code: string } }>(options, {
      v: 1,
      to: 'worker',
      type: 'call.command',
      data: { type: 'dtmf', conversationId: 'x', digits: '<b>' },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'protocol.bad-data' } });
  });
});
