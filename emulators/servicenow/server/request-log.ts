/** Log of the requests the stand-in answered, with per-table and per-status counts for tests. */
import type {
  RequestCounts,
  RequestEntry,
  RequestFilter,
  RequestKind,
} from '../control/control-schema';

export interface RequestLog {
  start(init: {
    kind: RequestKind;
    method: string;
    path: string;
    query: Record<string, string>;
    table: string | null;
  }): RequestEntry;
  finish(entry: RequestEntry, status: number): void;
  list(filter?: RequestFilter): RequestEntry[];
  counts(entries: readonly RequestEntry[]): RequestCounts;
  clear(): void;
}

export function createRequestLog(now: () => number = Date.now, limit = 5000): RequestLog {
  let entries: RequestEntry[] = [];
  let seq = 0;
  const startedAt = new WeakMap<RequestEntry, number>();

  return {
    start(init) {
      const at = now();
      const entry: RequestEntry = {
        ...init,
        seq: ++seq,
        time: new Date(at).toISOString(),
        status: 0,
        latencyMs: 0,
        durationMs: null,
      };
      startedAt.set(entry, at);
      entries.push(entry);
      if (entries.length > limit) {
        entries = entries.slice(-limit);
      }
      return entry;
    },
    finish(entry, status) {
      entry.status = status;
      entry.durationMs = now() - (startedAt.get(entry) ?? now());
    },
    list(filter = {}) {
      return entries
        .filter(
          (e) =>
            (filter.kind === undefined || e.kind === filter.kind) &&
            (filter.table === undefined || e.table === filter.table) &&
            (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
            (filter.sinceSeq === undefined || e.seq > filter.sinceSeq),
        )
        .map((e) => ({ ...e, query: { ...e.query } }));
    },
    counts(list) {
      const counts: RequestCounts = { total: list.length, byStatus: {}, byTable: {} };
      for (const e of list) {
        const status = String(e.status);
        counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
        if (e.table !== null) {
          const perMethod = (counts.byTable[e.table] ??= {});
          perMethod[e.method] = (perMethod[e.method] ?? 0) + 1;
        }
      }
      return counts;
    },
    clear() {
      entries = [];
    },
  };
}
