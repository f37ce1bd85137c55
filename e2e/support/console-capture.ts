/**
 * Records what the extension's service worker and offscreen document write to their consoles, as
 * DevTools would show it: each console call's arguments, rendered to text (objects by value, as
 * far as CDP previews them). Attach before the activity to observe; targets that appear later (a
 * recreated offscreen document, a restarted worker) are picked up by calling `attach()` again.
 */
import type { BrowserContext } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface RemoteObject {
  type: string;
  value?: unknown;
  description?: string;
  preview?: { properties?: { name: string; value?: string }[] };
}

function render(arg: RemoteObject): string {
  if (arg.value !== undefined) {
    return typeof arg.value === 'string' ? arg.value : JSON.stringify(arg.value);
  }
  const props = arg.preview?.properties?.map((p) => `${p.name}: ${p.value ?? ''}`).join(', ');
  return [arg.description ?? '', props ?? ''].join(' ');
}

export interface ConsoleCapture {
  lines: string[];
  attach(): Promise<number>;
  stop(): Promise<void>;
}

export async function captureExtensionConsoles(
  context: BrowserContext,
  extensionId: string,
): Promise<ConsoleCapture> {
  const browser = context.browser();
  if (!browser) {
    throw new Error('No browser handle for CDP');
  }
  const cdp = await browser.newBrowserCDPSession();
  const lines: string[] = [];
  const attached = new Map<string, TargetInfo>();
  let id = 1;
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    const message = JSON.parse(event.message) as {
      method?: string;
      params?: { type: string; args: RemoteObject[] };
    };
    if (message.method === 'Runtime.consoleAPICalled' && message.params) {
      const where = attached.get(event.sessionId)?.type ?? '?';
      lines.push(`[${where}] ${message.params.type} ${message.params.args.map(render).join(' ')}`);
    }
  });
  const attach = async (): Promise<number> => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const ours = targetInfos.filter(
      (t) =>
        t.url.startsWith(`chrome-extension://${extensionId}/`) &&
        (t.type === 'service_worker' || t.type === 'background_page') &&
        ![...attached.values()].some((a) => a.targetId === t.targetId),
    );
    for (const target of ours) {
      const { sessionId } = await cdp.send('Target.attachToTarget', {
        targetId: target.targetId,
        flatten: false,
      });
      attached.set(sessionId, target);
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: id++, method: 'Runtime.enable' }),
      });
    }
    return ours.length;
  };
  await attach();
  return {
    lines,
    attach,
    stop: () => cdp.detach().catch(() => undefined),
  };
}
