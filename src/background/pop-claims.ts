/**
 * Screen-pop claims: the first tab to claim a call's trigger carries the pop out; every later
 * claim is refused. This keeps one pop per call when the pop target moves to another tab, when a
 * tab reloads mid-call, and when the worker restarts (claims live in storage.session). Claims are
 * checked and written one at a time; old ones are pruned by age and count.
 */
import browser from 'webextension-polyfill';
import type { PopTrigger } from '../shared/protocol/messages/content';

const KEY = 'screenpop.claims';
const MAX_AGE_MS = 12 * 60 * 60 * 1000;
const MAX_CLAIMS = 500;

type Claims = Record<string, number>;

export function claimKey(
  conversationId: string,
  trigger: PopTrigger,
  perTab: { tabId: number } | null,
): string {
  return perTab ? `${conversationId}|${trigger}|${perTab.tabId}` : `${conversationId}|${trigger}`;
}

function readClaims(stored: unknown): Claims {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(stored).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

function prune(claims: Claims, now: number): Claims {
  const fresh = Object.entries(claims)
    .filter(([, at]) => now - at < MAX_AGE_MS)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CLAIMS);
  return Object.fromEntries(fresh);
}

let queue: Promise<unknown> = Promise.resolve();

/** Resolves true for the first claim of `key`, false for every later one. */
export function claimPop(key: string, now: number = Date.now()): Promise<boolean> {
  const next = queue.then(async () => {
    const claims = readClaims((await browser.storage.session.get(KEY))[KEY]);
    if (Object.hasOwn(claims, key)) {
      return false;
    }
    await browser.storage.session.set({ [KEY]: prune({ ...claims, [key]: now }, now) });
    return true;
  });
  queue = next.catch(() => undefined);
  return next;
}
