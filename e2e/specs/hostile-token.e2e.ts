/**
 * The Genesys access token never reaches anything a ServiceNow page or a content script can see.
 * After sign-in and a call (alerting, answered, hung up), every live token the emulator issued is
 * searched for in: every message the content script's world received (recorded in that isolated
 * world) and every answer the worker gives a content script; the page's DOM (Switchboard's shadow
 * root included), localStorage and sessionStorage; chrome.storage.local and .sync as a content
 * script reads them (session storage is closed to it); the support bundle; the worker's and the
 * offscreen document's console output and log. A positive control proves the search would find it:
 * the token is in chrome.storage.session, read from an extension page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWorld, type ContentWorld } from '../../bench/support/content-world';
import { captureExtensionConsoles, type ConsoleCapture } from '../support/console-capture';
import { openWorkspace, SEED_NUMBERS, switchboard } from '../support/servicenow';
import {
  configure,
  signIn,
  startStack,
  waitForCall,
  waitForConnection,
  type Stack,
} from '../support/stack';
import { command, diagnostics } from './softphone.helpers';

let stack: Stack;
let tab: Page;
let world: ContentWorld;
let consoles: ConsoleCapture;

const content = (type: string, data: unknown) => ({ v: 1, to: 'worker', type, data });

beforeAll(async () => {
  stack = await startStack();
  consoles = await captureExtensionConsoles(stack.ext.context, stack.ext.extensionId);
  tab = await stack.ext.context.newPage();
  await openWorkspace(tab, '/home');
  await switchboard.layer(tab).waitFor({ timeout: 15_000 });
  world = await contentWorld(tab, stack.ext.extensionId);
  // Everything sent to this tab's content scripts, as they receive it.
  await world.evaluate(`(() => {
    globalThis.__received = [];
    chrome.runtime.onMessage.addListener((m) => { globalThis.__received.push(JSON.stringify(m)); });
    return true;
  })()`);
  await configure(stack);
  await signIn(stack);
  await waitForConnection(stack, 'connected');
  await consoles.attach();
});

afterAll(async () => {
  await consoles.stop();
  await world.detach().catch(() => undefined);
  await (stack as Stack | undefined)?.close();
});

describe('the access token', () => {
  it('is nowhere a page or a content script can see, nor in logs or the bundle', async () => {
    const jane = SEED_NUMBERS.singleMatch;
    const { conversationId } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: jane.e164,
      fromName: jane.name,
    });
    await waitForCall(stack, conversationId, 'alerting');
    await command(stack, { type: 'answer', conversationId });
    await waitForCall(stack, conversationId, 'connected');
    await command(stack, { type: 'hangup', conversationId });
    await waitForCall(stack, conversationId, 'ended');
    await consoles.attach();

    const tokens = (await stack.genesys.control.liveTokens('agent1')).map((t) => t.token);
    expect(tokens.length).toBeGreaterThan(0);

    // Positive control: an extension page reads it from session storage, so the search works.
    const session = await stack.ui.evaluate(() => chrome.storage.session.get(null));
    expect(tokens.some((t) => JSON.stringify(session).includes(t))).toBe(true);

    const received = await world.evaluate<string[]>('globalThis.__received');
    expect(received.length).toBeGreaterThan(0);
    const answers = await world.evaluate<unknown[]>(
      `Promise.all(${JSON.stringify([
        content('content.ready', { url: tab.url() }),
        content('content.config', null),
        content('content.pageToken', null),
        content('content.numbers', { texts: [jane.e164] }),
        content('records.state', null),
        content('presence.get', {}),
      ])}.map((m) => chrome.runtime.sendMessage(m)))`,
    );
    expect(answers.every((a) => (a as { ok?: boolean }).ok === true)).toBe(true);

    const page = await tab.evaluate(() => ({
      html: document.documentElement.outerHTML,
      shadow: document.querySelector('switchboard-root')?.shadowRoot?.innerHTML ?? '',
      local: JSON.stringify(Object.entries(localStorage)),
      session: JSON.stringify(Object.entries(sessionStorage)),
    }));
    expect(page.shadow).toContain('sb-layer');
    const storage = await world.evaluate<{
      local: unknown;
      sync: unknown;
      session: string;
    }>(`(async () => ({
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
      session: await chrome.storage.session.get(null).then((v) => JSON.stringify(v), (e) => 'refused: ' + e.message),
    }))()`);
    expect(JSON.stringify(storage.local)).toContain('servicenow');

    const bundle = await stack.toWorker('diagnostics.bundle', null);
    expect(bundle.ok).toBe(true);
    const offscreenLog = await diagnostics<unknown[]>(stack.ext, 'logs()');
    expect(consoles.lines.length).toBeGreaterThan(0);

    const places: Record<string, string> = {
      'messages to the content script': received.join('\n'),
      'answers to the content script': JSON.stringify(answers),
      'page DOM': page.html,
      "Switchboard's shadow root": page.shadow,
      'page localStorage': page.local,
      'page sessionStorage': page.session,
      'chrome.storage.local (content script)': JSON.stringify(storage.local),
      'chrome.storage.sync (content script)': JSON.stringify(storage.sync),
      'chrome.storage.session (content script)': storage.session,
      'support bundle': JSON.stringify(bundle),
      'worker and offscreen consoles': consoles.lines.join('\n'),
      'offscreen log': JSON.stringify(offscreenLog),
    };
    for (const [where, text] of Object.entries(places)) {
      for (const token of tokens) {
        expect(text.includes(token), `token found in ${where}`).toBe(false);
      }
    }
  });
});
