/**
 * The only module that touches chrome.offscreen. ensureOffscreen() is single-flight: it checks
 * chrome.runtime.getContexts (the truth, not a flag) and shares one in-flight creation.
 * webextension-polyfill has no offscreen API, so chrome.* is used directly here.
 */

import { OFFSCREEN_PATH } from '../shared/protocol/sender';

let creating: Promise<void> | null = null;

export async function hasOffscreen(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
}

/** Resolves true when this call created the document, false when it already existed. */
export async function ensureOffscreen(): Promise<boolean> {
  if (creating) {
    await creating;
    return false;
  }
  if (await hasOffscreen()) {
    return false;
  }
  if (creating) {
    await creating;
    return false;
  }
  creating = chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.WEB_RTC, chrome.offscreen.Reason.USER_MEDIA],
      justification: 'Keeps the Genesys Cloud softphone call and microphone alive independently of tabs',
    })
    .catch(async (error: unknown) => {
      // A concurrent creation from another worker instance wins the race: that is fine.
      if (!(await hasOffscreen())) {
        throw error;
      }
    })
    .finally(() => {
      creating = null;
    });
  await creating;
  return true;
}

export async function closeOffscreen(): Promise<void> {
  if (await hasOffscreen()) {
    await chrome.offscreen.closeDocument();
  }
}
