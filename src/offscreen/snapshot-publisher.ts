/**
 * Holds the current SessionSnapshot and publishes it to the worker. Sequence numbers start from the
 * boot time so that a recreated offscreen document never publishes a lower seq than its predecessor.
 */
import type { SessionSnapshot } from '../shared/session/snapshot';

export interface SnapshotPublisher {
  current(): SessionSnapshot;
  update(change: (draft: SessionSnapshot) => SessionSnapshot): Promise<SessionSnapshot>;
  publish(): Promise<SessionSnapshot>;
}

export function createSnapshotPublisher(
  send: (snapshot: SessionSnapshot) => Promise<unknown>,
  now: () => number = Date.now,
): SnapshotPublisher {
  let seq = now() * 1000;
  let snapshot: SessionSnapshot = {
    v: 1,
    connection: { state: 'signed-out', since: now(), attempt: 0 },
    calls: [],
    networkProfile: 'standard',
    seq,
    updatedAt: now(),
  };
  const publish = async (): Promise<SessionSnapshot> => {
    seq += 1;
    snapshot = { ...snapshot, seq, updatedAt: now() };
    await send(snapshot);
    return snapshot;
  };
  return {
    current: () => snapshot,
    update: (change) => {
      snapshot = change(snapshot);
      return publish();
    },
    publish,
  };
}
