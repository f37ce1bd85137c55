/**
 * P7 — idle cost. Chromium is started without Playwright (whose attached DevTools would keep the
 * service worker alive) and watched through CDP target discovery only. A signed-in agent with one
 * ServiceNow tab open and no calls: service-worker starts per idle minute (target ≤ 1), over an
 * idle period of BENCH_IDLE_MIN minutes (default 2; the result is per minute). Then the offscreen
 * document's JS heap after a forced GC: after the idle period and after 50 answered calls
 * (target ≤ 40 MB; growth ≤ 2 MB, i.e. flat).
 */
import { startGenesysEmulator } from '../emulators/genesys/server';
import { startServiceNow } from '../emulators/servicenow/index';
import { startTlsProxy } from '../e2e/support/tls-proxy';
import type { Cdp, CdpEvent } from './support/cdp';
import { launchRawBrowser } from './support/raw-browser';
import { figure, type Bench, type Figure } from './support/result';
import { sleep } from './support/trials';

const WORKSPACE = 'https://acme.service-now.com/now/workspace/agent/home';
const ORG = '8f1c3a52-0000-4000-8000-00000000ac01';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Records service-worker starts and stops of one extension, from target discovery events. */
function watchWorker(cdp: Cdp) {
  const starts: number[] = [];
  const alive = new Map<string, number>();
  let aliveMs = 0;
  let extensionId = '';
  cdp.on((e: CdpEvent) => {
    const info = e.params['targetInfo'] as TargetInfo | undefined;
    if (e.method === 'Target.targetCreated' && info?.type === 'service_worker') {
      const m = /^chrome-extension:\/\/([a-p]{32})\//.exec(info.url);
      if (m?.[1]) {
        extensionId = m[1];
        starts.push(Date.now());
        alive.set(info.targetId, Date.now());
      }
    } else if (e.method === 'Target.targetDestroyed') {
      const since = alive.get(String(e.params['targetId']));
      if (since !== undefined) {
        aliveMs += Date.now() - since;
        alive.delete(String(e.params['targetId']));
      }
    }
  });
  return {
    extensionId: () => extensionId,
    startsBetween: (from: number, to: number) => starts.filter((t) => t >= from && t < to).length,
    /** Milliseconds the worker ran between `from` and `to` (approximate at the edges). */
    aliveMs: (from: number, to: number) =>
      aliveMs + [...alive.values()].reduce((sum, s) => sum + (to - Math.max(s, from)), 0),
    resetAlive: () => {
      aliveMs = 0;
    },
  };
}

/** An extension page, attached, that talks to the worker as the options page does. */
async function extensionPage(cdp: Cdp, extensionId: string) {
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', {
    url: `chrome-extension://${extensionId}/src/options/options.html`,
  });
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  for (let i = 0; i < 100; i++) {
    const ready = await cdp
      .evaluate<boolean>(sessionId, `document.readyState === 'complete' && !!chrome.runtime?.id`)
      .catch(() => false);
    if (ready) {
      break;
    }
    await sleep(100);
  }
  const toWorker = async <T>(type: string, data: unknown): Promise<T> => {
    const msg = JSON.stringify({ v: 1, to: 'worker', type, data });
    const reply = await cdp.evaluate<{ ok: boolean; value: T; error?: unknown }>(
      sessionId,
      `chrome.runtime.sendMessage(${msg})`,
    );
    if (!reply.ok) {
      throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
    }
    return reply.value;
  };
  return {
    toWorker,
    close: () => cdp.send('Target.closeTarget', { targetId }).catch(() => undefined),
  };
}

type Page = Awaited<ReturnType<typeof extensionPage>>;
type Snap = {
  connection: { state: string };
  calls: { conversationId: string; state: string }[];
} | null;

async function waitFor(what: string, fn: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) {
      return;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const snap = async (page: Page) =>
  (await page.toWorker<{ snapshot: Snap }>('ui.state', null)).snapshot;

async function closeExtensionPages(cdp: Cdp, extensionId: string): Promise<void> {
  const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  for (const t of targetInfos) {
    if (t.type === 'page' && t.url.startsWith(`chrome-extension://${extensionId}/`)) {
      await cdp.send('Target.closeTarget', { targetId: t.targetId }).catch(() => undefined);
    }
  }
}

/** The offscreen document's JS heap after a forced GC, in MB. */
async function offscreenHeapMb(cdp: Cdp, extensionId: string): Promise<number> {
  const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  const target = targetInfos.find((t) =>
    t.url.startsWith(`chrome-extension://${extensionId}/src/offscreen/`),
  );
  if (!target) {
    throw new Error('no offscreen document');
  }
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: true,
  });
  try {
    await cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
    const { usedSize } = await cdp.send<{ usedSize: number }>(
      'Runtime.getHeapUsage',
      {},
      sessionId,
    );
    return usedSize / (1024 * 1024);
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

export const p7: Bench = {
  id: 'P7',
  title: 'idle cost',
  async run(ctx): Promise<Figure[]> {
    const calls = ctx.quick ? 10 : 50;
    const servicenow = await startServiceNow({ port: 0, lookupLatencyMs: 0 });
    const proxy = await startTlsProxy(servicenow.url);
    const genesys = await startGenesysEmulator({ port: 0, media: 'chromium' });
    const browser = await launchRawBrowser(ctx.extensionDir, [
      `--host-resolver-rules=MAP *.service-now.com 127.0.0.1:${proxy.port}`,
      '--ignore-certificate-errors',
    ]);
    try {
      const { cdp } = browser;
      const worker = watchWorker(cdp);
      await cdp.send('Target.setDiscoverTargets', { discover: true });
      await waitFor('the service worker', async () => worker.extensionId() !== '', 15_000);
      const id = worker.extensionId();
      const { clientId } = await genesys.control.registerOAuthClient({
        org: ORG,
        redirectUris: [`https://${id}.chromiumapp.org/`],
        name: 'Switchboard',
      });
      await genesys.control.autoApprove('agent1');
      let page = await extensionPage(cdp, id);
      const { settings } = await page.toWorker<{ settings: Record<string, unknown> }>(
        'settings.get',
        null,
      );
      await page.toWorker('settings.save', {
        settings: {
          ...settings,
          genesys: {
            profiles: [
              { id: 'acme', name: 'Acme Support', customEnvironment: genesys.url, clientId },
            ],
            activeId: 'acme',
          },
          servicenow: {
            instances: ['https://acme.service-now.com'],
            popTarget: 'focused',
            defaultRegion: 'US',
          },
        },
      });
      // The worker applies saved settings on their change event: sign-in may need a moment.
      for (let attempt = 1; ; attempt++) {
        try {
          await page.toWorker('auth.signIn', {});
          break;
        } catch (error) {
          if (attempt >= 5 || !String(error).includes('profile')) {
            throw error;
          }
          await sleep(500);
        }
      }
      await waitFor(
        'connected',
        async () => (await snap(page))?.connection.state === 'connected',
        30_000,
      );
      await page.close();
      await closeExtensionPages(cdp, id); // the welcome page a first install opens
      await cdp.send('Target.createTarget', { url: WORKSPACE });
      await sleep(5_000); // the tab loads and says hello; then nothing happens
      const heapStart = await offscreenHeapMb(cdp, id);
      worker.resetAlive();
      const idleFrom = Date.now();
      ctx.log(`P7 idle for ${ctx.idleMs / 60_000} min`);
      await sleep(ctx.idleMs);
      const idleTo = Date.now();
      const starts = worker.startsBetween(idleFrom, idleTo);
      const aliveShare = worker.aliveMs(idleFrom, idleTo) / (idleTo - idleFrom);
      const heapIdle = await offscreenHeapMb(cdp, id);

      page = await extensionPage(cdp, id);
      let answered = 0;
      const failures: string[] = [];
      for (let i = 0; i < calls && failures.length < 3; i++) {
        try {
          const { conversationId } = await genesys.control.placeCall({
            to: 'agent1',
            from: '+14155550123',
            fromName: 'Ada Lovelace',
          });
          await waitFor(
            'alerting',
            async () =>
              Boolean(
                (await snap(page))?.calls.some(
                  (c) => c.conversationId === conversationId && c.state === 'alerting',
                ),
              ),
            10_000,
          );
          await page.toWorker('call.command', { type: 'answer', conversationId });
          await waitFor(
            'connected',
            async () => (await genesys.control.call(conversationId)).agentState === 'connected',
            15_000,
          );
          await genesys.control.hangUp(conversationId);
          await waitFor(
            'ended',
            async () =>
              !(await snap(page))?.calls.some(
                (c) =>
                  c.conversationId === conversationId &&
                  ['alerting', 'connecting', 'connected'].includes(c.state),
              ),
            10_000,
          );
          answered += 1;
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
      await page.close();
      await sleep(5_000);
      const heapCalls = await offscreenHeapMb(cdp, id);
      const minutes = (idleTo - idleFrom) / 60_000;
      return [
        figure({
          id: 'P7.wakeups',
          bench: 'P7',
          title: `service-worker starts per idle minute (${minutes.toFixed(1)} min idle)`,
          unit: 'per-min',
          samples: [starts / minutes],
          target: { stat: 'max', max: 1, text: '≤ 1 per idle minute' },
          notes: [
            `${starts} starts in ${minutes.toFixed(1)} min; worker running ${(aliveShare * 100).toFixed(0)} % of the idle time`,
          ],
        }),
        figure({
          id: 'P7.heap',
          bench: 'P7',
          title: `offscreen JS heap after idle and after ${answered} calls`,
          unit: 'MB',
          samples: [heapIdle, heapCalls],
          target: { stat: 'max', max: 40, text: '≤ 40 MB' },
          notes: [
            `after sign-in ${heapStart.toFixed(1)} MB, after idle ${heapIdle.toFixed(1)} MB, after ${answered} calls ${heapCalls.toFixed(1)} MB`,
          ],
          failures,
        }),
        figure({
          id: 'P7.heap-growth',
          bench: 'P7',
          title: `offscreen JS heap growth over ${answered} calls`,
          unit: 'MB',
          samples: [heapCalls - heapIdle],
          target: { stat: 'max', max: 2, text: '≤ 2 MB (flat)' },
        }),
      ];
    } finally {
      await browser.close();
      await genesys.close().catch(() => undefined);
      await proxy.close().catch(() => undefined);
      await servicenow.close().catch(() => undefined);
    }
  },
};
