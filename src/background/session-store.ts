/**
 * The last SessionSnapshot the offscreen document published. The worker keeps it in memory and
 * in chrome.storage.session; storage is read only when the memory is empty (a worker that has
 * just started), so a restarted worker still answers tabs at once. Older snapshots (lower seq)
 * never overwrite newer, in memory or in storage.
 *
 *   acceptSnapshot(s) ──▶ newer than memory? ──yes──▶ memory = s (at once), storage write (started)
 *                                             └─no──▶ rejected
 */
import browser from 'webextension-polyfill';
import { sessionSnapshotSchema } from '../shared/protocol/schemas';
import type { SessionSnapshot } from '../shared/session/snapshot';

const KEY = 'session.snapshot';

/** undefined: not read from storage yet in this worker's life. */
let memory: SessionSnapshot | null | undefined;
let loading: Promise<SessionSnapshot | null> | null = null;
let writes: Promise<unknown> = Promise.resolve();

async function load(): Promise<SessionSnapshot | null> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  const parsed = sessionSnapshotSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export function readSnapshot(): Promise<SessionSnapshot | null> {
  if (memory !== undefined) {
    return Promise.resolve(memory);
  }
  loading ??= load().then(
    (stored) => {
      loading = null;
      // A snapshot accepted while storage was being read is newer than what storage held.
      memory ??= stored;
      return memory;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export interface Accepted {
  /** The snapshot it replaced (null when there was none). */
  previous: SessionSnapshot | null;
  /** Settles when storage holds it (or a newer one). */
  stored: Promise<void>;
}

/**
 * Takes the snapshot as the newest when its seq is higher than the last one's: memory changes at
 * once, the storage write is started but not awaited. Null when it is not newer (nothing changes).
 */
export async function acceptSnapshot(snapshot: SessionSnapshot): Promise<Accepted | null> {
  const previous = await readSnapshot();
  const current = memory ?? previous;
  if (current && current.seq >= snapshot.seq) {
    return null;
  }
  memory = snapshot;
  // One write at a time, each writing the newest in memory: storage never goes back to older.
  const stored = writes.then(() => browser.storage.session.set({ [KEY]: memory }));
  writes = stored.catch(() => undefined);
  return { previous: current, stored };
}

/** Stores the snapshot; resolves false (and stores nothing) when it is older than the stored one. */
export async function storeSnapshot(snapshot: SessionSnapshot): Promise<boolean> {
  const accepted = await acceptSnapshot(snapshot);
  await accepted?.stored;
  return accepted !== null;
}
