/** Every HTTP request and WebSocket upgrade the emulator saw, with counts per method and path. */
export interface LoggedRequest {
  t: number;
  kind: 'rest' | 'upgrade' | 'oauth' | 'control' | 'static';
  method: string;
  path: string;
  status: number;
  userId?: string;
  /** The access token the request used (its last characters, see oauth/token-routes.ts). */
  token?: string;
}

export class RequestLog {
  readonly #entries: LoggedRequest[] = [];
  readonly #max: number;

  constructor(max = 5000) {
    this.#max = max;
  }

  add(entry: LoggedRequest): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.#max) {
      this.#entries.splice(0, this.#entries.length - this.#max);
    }
  }

  entries(filter: { kind?: LoggedRequest['kind']; since?: number } = {}): LoggedRequest[] {
    return this.#entries.filter(
      (e) => (!filter.kind || e.kind === filter.kind) && (!filter.since || e.t >= filter.since),
    );
  }

  /** Counts keyed by `METHOD path` (query string removed). */
  counts(filter: { kind?: LoggedRequest['kind']; since?: number } = {}): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of this.entries(filter)) {
      const key = `${e.method} ${e.path}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  clear(): void {
    this.#entries.length = 0;
  }
}
