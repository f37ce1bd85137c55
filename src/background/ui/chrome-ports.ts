/**
 * The Chrome side of the worker's UI: notifications (chrome.notifications directly, because the
 * polyfill's types lack buttons and requireInteraction) and the toolbar action. The only module
 * here that touches these APIs.
 */
import browser from 'webextension-polyfill';
import type { ActionPort } from './badge';
import type { NotificationPort } from './notifier';

export function chromeNotifications(): NotificationPort {
  const iconUrl = browser.runtime.getURL('icons/icon-128.png');
  return {
    async show(id, notice) {
      await chrome.notifications.create(id, {
        type: 'basic',
        iconUrl,
        title: notice.title,
        message: notice.message,
        priority: notice.requireInteraction ? 2 : 0,
        ...(notice.buttons ? { buttons: notice.buttons.map((title) => ({ title })) } : {}),
        ...(notice.requireInteraction ? { requireInteraction: true } : {}),
      });
    },
    async clear(id) {
      await chrome.notifications.clear(id);
    },
  };
}

export function chromeAction(): ActionPort {
  return browser.action;
}
