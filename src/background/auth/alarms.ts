/**
 * The renewal alarm behind a tiny port: chrome.alarms survives service-worker death, so the next
 * renewal is always on record outside the worker's globals.
 */

export interface AlarmsPort {
  create(name: string, info: { when: number }): Promise<void>;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
}

export const RENEW_ALARM = 'switchboard.auth.renew';

export function createChromeAlarms(api: typeof chrome.alarms = chrome.alarms): AlarmsPort {
  return {
    create: (name, info) => api.create(name, info),
    clear: (name) => api.clear(name),
    get: async (name) => (await api.get(name)) ?? undefined,
  };
}
