/**
 * Who carries out a Table API write: a ServiceNow tab's content script, with the agent's own
 * session (same-origin request, the page's g_ck). The worker cannot: its requests come from the
 * extension's origin, which ServiceNow refuses for writes (see docs/RECORDS.md). Tabs on the
 * record's instance are tried in turn (focused first); a tab without our script, or one that does
 * not answer in time, is skipped. No tab → null: the job waits for one.
 */
import browser from 'webextension-polyfill';
import { envelope } from '../../shared/protocol/envelope';
import type { WriteOutcome } from '../../shared/records/types';
import { matchPatternFor } from '../../shared/settings/instances';

export const WRITE_TIMEOUT_MS = 25_000;

export interface WriteRequest {
  conversationId: string;
  sysId?: string;
  fields: Record<string, string>;
}

export interface ExecutorPorts {
  /** ServiceNow tabs (ids, origin, active) on the given instances. */
  tabs(instances: readonly string[]): Promise<{ id: number; origin: string; active: boolean }[]>;
  send(tabId: number, message: unknown): Promise<unknown>;
}

export const browserExecutorPorts: ExecutorPorts = {
  async tabs(instances) {
    if (instances.length === 0) {
      return [];
    }
    const tabs = await browser.tabs.query({ url: instances.map(matchPatternFor) });
    return tabs.flatMap((tab) => {
      if (tab.id === undefined || tab.url === undefined || tab.discarded === true) {
        return [];
      }
      return [{ id: tab.id, origin: new URL(tab.url).origin, active: tab.active }];
    });
  },
  send: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
};

class TimeoutError extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isOutcome(value: unknown): value is WriteOutcome {
  if (typeof value !== 'object' || value === null || !('ok' in value)) {
    return false;
  }
  const v = value as Record<string, unknown>;
  return v['ok'] === true
    ? typeof v['sysId'] === 'string' &&
        typeof v['number'] === 'string' &&
        typeof v['instance'] === 'string'
    : typeof v['code'] === 'string' && typeof v['message'] === 'string';
}

/**
 * Hands one message to the first ServiceNow tab whose content script answers it (`accept`), the
 * focused tab first; `instance` limits it to one origin. A timeout ends the search with
 * `timedOut`: the tab may still carry the work out, so it is never handed to a second tab. Null
 * when no tab could take it. Shared by the records writes and the presence write.
 */
export async function executeInTab<T>(
  ports: ExecutorPorts,
  instances: readonly string[],
  instance: string | undefined,
  message: unknown,
  accept: (value: unknown) => value is T,
  timedOut: (message: string) => T,
  timeoutMs = WRITE_TIMEOUT_MS,
): Promise<T | null> {
  const tabs = (await ports.tabs(instances))
    .filter((tab) => instance === undefined || tab.origin === instance)
    .sort((a, b) => Number(b.active) - Number(a.active));
  for (const tab of tabs) {
    let reply: unknown;
    const sent = ports.send(tab.id, message);
    try {
      reply = await within(sent, timeoutMs);
    } catch (error) {
      if (error instanceof TimeoutError) {
        return timedOut(error.message);
      }
      continue; // no content script here, or it went away: the next tab
    }
    const answer = reply as { ok?: unknown; value?: unknown } | undefined;
    if (answer?.ok === true && accept(answer.value)) {
      return answer.value;
    }
  }
  return null;
}

/** Hands one write to the first tab that takes it; null when no tab could. */
export function executeWrite(
  ports: ExecutorPorts,
  instances: readonly string[],
  instance: string | undefined,
  request: WriteRequest,
  timeoutMs = WRITE_TIMEOUT_MS,
): Promise<WriteOutcome | null> {
  return executeInTab(
    ports,
    instances,
    instance,
    envelope('content', 'records.write', request),
    isOutcome,
    (message): WriteOutcome => ({ ok: false, code: 'servicenow.timeout', message }),
    timeoutMs,
  );
}
