/**
 * The ServiceNow page's own session token (`g_ck`, sent as X-UserToken by the page itself) for the
 * content script's Table API lookups. `g_ck` is a global of the page's main world, which the
 * isolated content script cannot read, so the worker reads it on request with a one-off
 * chrome.scripting.executeScript in the MAIN world of exactly the requesting document (its
 * documentId), and answers only that content script. Nothing is published in the page: the page
 * learns nothing, and a page cannot ask for it. A value that does not look like a token is refused.
 */

const TOKEN = /^[A-Za-z0-9._~+/=-]{8,512}$/;

export interface TokenTarget {
  tabId: number;
  /** The requesting document (MessageSender.documentId); the top frame when absent. */
  documentId?: string;
}

export type ExecuteInMainWorld = (target: TokenTarget) => Promise<unknown>;

/** Runs in the page's main world: must be self-contained (it is serialised). */
function readGlobalToken(): unknown {
  const value: unknown = Reflect.get(globalThis, 'g_ck');
  return typeof value === 'string' ? value : null;
}

export const executeInMainWorld: ExecuteInMainWorld = async ({ tabId, documentId }) => {
  const [result] = await chrome.scripting.executeScript({
    target:
      documentId === undefined ? { tabId, frameIds: [0] } : { tabId, documentIds: [documentId] },
    world: 'MAIN',
    injectImmediately: true,
    func: readGlobalToken,
  });
  return result?.result;
};

export async function readPageToken(
  target: TokenTarget,
  execute: ExecuteInMainWorld = executeInMainWorld,
): Promise<string | null> {
  try {
    const value = await execute(target);
    return typeof value === 'string' && TOKEN.test(value) ? value : null;
  } catch {
    return null; // tab gone, navigated, or no host access: the lookup reports it
  }
}

/** documentId from a runtime MessageSender, when Chrome gave one. */
export function senderDocumentId(sender: unknown): string | undefined {
  if (typeof sender !== 'object' || sender === null || !('documentId' in sender)) {
    return undefined;
  }
  return typeof sender.documentId === 'string' ? sender.documentId : undefined;
}
