/**
 * The last SessionSnapshot the offscreen document published, kept in chrome.storage.session so a
 * restarted service worker can answer tabs at once. Older snapshots (lower seq) never overwrite newer.
 */
import browser from 'webextension-polyfill';
import { sessionSnapshotSchema } from '../shared/protocol/schemas';
import type { SessionSnapshot } from '../shared/session/snapshot';

const KEY = 'session.snapshot';

export async function readSnapshot(): Promise<SessionSnapshot | null> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  const parsed = sessionSnapshotSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** Stores the snapshot; resolves false (and stores nothing) when it is older than the stored one. */
export async function storeSnapshot(snapshot: SessionSnapshot): Promise<boolean> {
  const current = await readSnapshot();
  if (current && current.seq >= snapshot.seq) {
    return false;
  }
  await browser.storage.session.set({ [KEY]: snapshot });
  return true;
}
