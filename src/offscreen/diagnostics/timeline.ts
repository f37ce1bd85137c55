/**
 * The state-transition timeline for the support bundle: connection states, call states, quality
 * warnings, each with its time and taxonomy code; plus the last errors seen.
 * Fed with every published view; keeps no caller data (no names, no numbers).
 */
import { createRing } from '../../shared/diagnostics';
import type {
  CallSnapshot,
  ConnectionSnapshot,
  SnapshotError,
} from '../../shared/session/snapshot';

export interface TimelineEntry {
  t: number;
  kind: 'connection' | 'call' | 'quality';
  state: string;
  conversationId?: string;
  code?: string;
  attempt?: number;
}

export interface SeenError extends SnapshotError {
  t: number;
  where: 'connection' | 'call';
  conversationId?: string;
}

const TIMELINE_SIZE = 1000;
const ERRORS_KEPT = 25;

export class SessionTimeline {
  readonly #entries = createRing<TimelineEntry>(TIMELINE_SIZE);
  readonly #errors = createRing<SeenError>(ERRORS_KEPT);
  #connection = '';
  readonly #calls = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  observe(view: { connection: ConnectionSnapshot; calls: CallSnapshot[] }): void {
    const t = this.now();
    const c = view.connection;
    const connectionKey = `${c.state}|${c.error?.code ?? ''}|${String(c.attempt)}`;
    if (connectionKey !== this.#connection) {
      this.#connection = connectionKey;
      this.note({
        t,
        kind: 'connection',
        state: c.state,
        attempt: c.attempt,
        ...(c.error && { code: c.error.code }),
      });
      if (c.error) {
        this.#errors.push({ ...c.error, t, where: 'connection' });
      }
    }
    const present = new Set<string>();
    for (const call of view.calls) {
      present.add(call.conversationId);
      const key = `${call.state}|${call.error?.code ?? ''}`;
      if (this.#calls.get(call.conversationId) === key) {
        continue;
      }
      this.#calls.set(call.conversationId, key);
      const id = call.conversationId;
      this.note({
        t,
        kind: 'call',
        state: call.state,
        conversationId: id,
        ...(call.error && { code: call.error.code }),
      });
      if (call.error) {
        this.#errors.push({ ...call.error, t, where: 'call', conversationId: id });
      }
    }
    for (const id of this.#calls.keys()) {
      if (!present.has(id)) {
        this.#calls.delete(id);
      }
    }
  }

  note(entry: TimelineEntry): void {
    this.#entries.push(entry);
  }

  entries(): TimelineEntry[] {
    return this.#entries.toArray();
  }

  errors(): SeenError[] {
    return this.#errors.toArray();
  }
}
