/** Tells open extension pages that something changed; no page open is not an error. */
import browser from 'webextension-polyfill';
import type { UiApi } from '../../shared/protocol/contract';
import { envelope } from '../../shared/protocol/envelope';

export function notifyPages(type: keyof UiApi & ('settings.changed' | 'auth.changed')): void {
  browser.runtime.sendMessage(envelope('ui', type, null)).catch(() => undefined);
}
