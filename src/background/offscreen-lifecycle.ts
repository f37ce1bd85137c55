/**
 * The only module that touches chrome.offscreen. ensureOffscreen() is single-flight: it checks
 * chrome.runtime.getContexts (the truth, not a flag) and every concurrent caller shares the one
 * check-and-create in flight. webextension-polyfill has no offscreen API, so chrome.* is used
 * directly here.
 */
import { OFFSCREEN_PATH } from '../shared/protocol/sender';

let inFlight: Promise<boolean> | null = null;

export async function hasOffscreen(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
}

async function createIfMissing(): Promise<boolean> {
  if (await hasOffscreen()) {
    return false;
  }
  try {
    await chrome.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.WEB_RTC, chrome.offscreen.Reason.USER_MEDIA],
      justification:
        'Keeps the Genesys Cloud softphone call and microphone alive independently of tabs',
    });
  } catch (error) {
    // Another worker instance may have won the race: that is fine, anything else is not.
    if (!(await hasOffscreen())) {
      throw error;
    }
    return false;
  }
  return true;
}

/** Resolves true when this flight created the document, false when it already existed. */
export function ensureOffscreen(): Promise<boolean> {
  inFlight ??= createIfMissing().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

export async function closeOffscreen(): Promise<void> {
  if (await hasOffscreen()) {
    await chrome.offscreen.closeDocument();
  }
}
