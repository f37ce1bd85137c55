/**
 * The content script's state: the newest snapshot (older or repeated seqs are dropped), whether
 * this tab is the pop target, and the pop view per call. Subscribers run after every change.
 */
import type { SessionSnapshot } from '../../shared/session/snapshot';
import type { PopView } from '../pop/pop-view';

/** A short line for the agent, e.g. the outcome of a click-to-dial. */
export interface Notice {
  kind: 'info' | 'error';
  text: string;
  code?: string;
}

export interface ContentState {
  snapshot: SessionSnapshot | null;
  popTarget: boolean;
  pops: Readonly<Record<string, PopView>>;
  notice: Notice | null;
}

export interface Store {
  get(): ContentState;
  /** Applies a snapshot; false (and no change) when it is not newer than the current one. */
  applySnapshot(snapshot: SessionSnapshot, popTarget: boolean): boolean;
  setPop(conversationId: string, view: PopView): void;
  setNotice(notice: Notice | null): void;
  subscribe(listener: (state: ContentState) => void): () => void;
}

export function createStore(): Store {
  let state: ContentState = { snapshot: null, popTarget: false, pops: {}, notice: null };
  const listeners = new Set<(state: ContentState) => void>();
  const emit = (next: ContentState): void => {
    state = next;
    listeners.forEach((listener) => listener(state));
  };
  return {
    get: () => state,
    applySnapshot(snapshot, popTarget) {
      if (state.snapshot && snapshot.seq <= state.snapshot.seq) {
        return false;
      }
      // Pop views of calls the snapshot no longer carries are dropped with them.
      const live = new Set(snapshot.calls.map((call) => call.conversationId));
      const pops = Object.fromEntries(Object.entries(state.pops).filter(([id]) => live.has(id)));
      emit({ ...state, snapshot, popTarget, pops });
      return true;
    },
    setPop(conversationId, view) {
      const pops = { ...state.pops };
      Object.defineProperty(pops, conversationId, {
        value: view,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      emit({ ...state, pops });
    },
    setNotice(notice) {
      emit({ ...state, notice });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
