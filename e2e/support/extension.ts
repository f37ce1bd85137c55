/**
 * Drives the built extension (dist/) in Chromium: launch, find the service worker and the
 * extension id, count offscreen documents, kill the worker, evaluate inside the offscreen document.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchChromium } from './chromium';

/** The built extension; SWITCHBOARD_DIST points the browser tiers at another build directory. */
export const DIST = resolve(process.env['SWITCHBOARD_DIST'] ?? resolve(import.meta.dirname, '../../dist'));

export interface ExtensionHandle {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens an extension page (path relative to the extension root). */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchExtension(
  options: {
    extraArgs?: string[];
    userDataDir?: string;
    extensionDir?: string;
    /** Other unpacked extensions (with a fixed `key`, so their ids are known) loaded beside it. */
    extraExtensions?: { dir: string; id: string }[];
  } = {},
): Promise<ExtensionHandle> {
  const extensionDir = options.extensionDir ?? DIST;
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const context = await launchChromium({
    extensionDir,
    extraArgs: options.extraArgs ?? [],
    extraExtensionDirs: (options.extraExtensions ?? []).map((e) => e.dir),
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
  });
  const others = new Set((options.extraExtensions ?? []).map((e) => e.id));
  const ours = (w: Worker) => !others.has(new URL(w.url()).host);
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 10_000 }).catch(() => {
      throw new Error(
        'The extension did not load (no service worker). Rerun with DEBUG=pw:browser to see why.',
      );
    }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    close: () => context.close(),
  };
}

async function browserSession(context: BrowserContext) {
  const browser = context.browser();
  if (!browser) {
    throw new Error('No browser handle for CDP');
  }
  return browser.newBrowserCDPSession();
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export async function targets(context: BrowserContext): Promise<TargetInfo[]> {
  const session = await browserSession(context);
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: TargetInfo[];
  };
  await session.detach();
  return targetInfos;
}

/** Stops the extension's service worker the way Chrome does when it idles out. */
export async function killServiceWorker(
  context: BrowserContext,
  extensionId: string,
): Promise<void> {
  const session = await browserSession(context);
  const { targetInfos } = (await session.send('Target.getTargets')) as {
    targetInfos: TargetInfo[];
  };
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!worker) {
    throw new Error('No service worker target to kill');
  }
  await session.send('Target.closeTarget', { targetId: worker.targetId });
  await session.detach();
}

export async function offscreenCount(handle: ExtensionHandle): Promise<number> {
  const all = await targets(handle.context);
  return all.filter(
    (t) => t.type === 'background_page' && t.url.includes(`${handle.extensionId}/src/offscreen/`),
  ).length;
}

/** Evaluates an expression inside the offscreen document (it is not a Playwright page). */
export async function evaluateInOffscreen<T>(
  handle: ExtensionHandle,
  expression: string,
): Promise<T> {
  const session = await browserSession(handle.context);
  const all = (await targets(handle.context)).filter(
    (t) => t.type === 'background_page' && t.url.includes(`${handle.extensionId}/src/offscreen/`),
  );
  const target = all[0];
  if (!target) {
    throw new Error('No offscreen document');
  }
  const { sessionId } = await session.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  try {
    const answer = new Promise<{
      result?: { result: { value: T }; exceptionDetails?: { text: string } };
    }>((resolvePromise) => {
      session.on(
        'Target.receivedMessageFromTarget',
        (event: { sessionId: string; message: string }) => {
          const parsed = JSON.parse(event.message) as { id?: number };
          if (event.sessionId === sessionId && parsed.id === 1) {
            resolvePromise(parsed as never);
          }
        },
      );
    });
    await session.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: { expression, awaitPromise: true, returnByValue: true },
      }),
    });
    const { result } = await answer;
    if (!result || result.exceptionDetails) {
      throw new Error(
        `Offscreen evaluation failed: ${result?.exceptionDetails?.text ?? 'no result'}`,
      );
    }
    return result.result.value;
  } finally {
    await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    await session.detach();
  }
}

/** Sends a runtime message from an extension page, as the popup or options page would. */
export async function sendFromPage<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(
    (m): Promise<T> => chrome.runtime.sendMessage<unknown, T>(m),
    message,
  );
}
