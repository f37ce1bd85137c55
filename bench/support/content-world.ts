/**
 * Evaluates code in a tab's content-script world (the isolated world Chrome gives the extension),
 * through a CDP session on that tab. Used to listen to the very messages the content script gets,
 * without changing the extension.
 */
import type { CDPSession, Page } from 'playwright-core';

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

export interface ContentWorld {
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

export async function contentWorld(tab: Page, extensionId: string): Promise<ContentWorld> {
  const session: CDPSession = await tab.context().newCDPSession(tab);
  const contexts: ContextDescription[] = [];
  session.on('Runtime.executionContextCreated', (event: { context: ContextDescription }) => {
    contexts.push(event.context);
  });
  await session.send('Runtime.enable');
  const { frameTree } = (await session.send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string } };
  };
  const world = contexts.findLast(
    (c) =>
      c.origin === `chrome-extension://${extensionId}` &&
      c.auxData?.frameId === frameTree.frame.id &&
      c.auxData.isDefault === false,
  );
  if (!world) {
    await session.detach();
    throw new Error('no content-script world in this tab');
  }
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const answer = (await session.send('Runtime.evaluate', {
        expression,
        contextId: world.id,
        returnByValue: true,
        awaitPromise: true,
      })) as {
        result: { value: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (answer.exceptionDetails) {
        throw new Error(
          `content world: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`,
        );
      }
      return answer.result.value;
    },
    detach: () => session.detach(),
  };
}
