/**
 * Fault switches shared by the REST and streaming layers: latency, forced REST errors, refused or
 * black-holed WebSocket upgrades, SASL failures. The effects on live sockets live in xmpp/streaming.ts.
 */
export interface RestFault {
  status: number;
  /** Seconds for a Retry-After header (429/503). */
  retryAfterSec?: number;
  /** Only requests whose path starts with this (after /api/v2). */
  pathPrefix?: string;
  /** Number of requests still to fail; undefined means until `untilMs`. */
  remaining?: number;
  /** Epoch ms after which the fault is gone; undefined means until `remaining` runs out. */
  untilMs?: number;
}

export interface FaultSnapshot {
  restLatencyMs: number;
  wsLatencyMs: number;
  restFaults: RestFault[];
  refuseUpgradesUntil: number;
  blackholeUntil: number;
  /** During a black hole, new upgrades are held (`hold`) or opened and then ignored (`open`). */
  blackholeUpgrades: 'hold' | 'open';
  saslFailures: { remaining?: number; untilMs?: number } | null;
  mediaLossPercent: number | null;
}

export class Faults {
  restLatencyMs = 0;
  wsLatencyMs = 0;
  refuseUpgradesUntil = 0;
  blackholeUntil = 0;
  blackholeUpgrades: 'hold' | 'open' = 'hold';
  /** Packet loss given to new calls' media (null: no relay). */
  mediaLossPercent: number | null = null;
  #restFaults: RestFault[] = [];
  #sasl: { remaining?: number; untilMs?: number } | null = null;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  addRestFault(fault: RestFault): void {
    this.#restFaults.push({ ...fault });
  }

  /** The fault to apply to this request (consuming one count), or undefined. */
  takeRestFault(path: string): RestFault | undefined {
    const now = this.#now();
    this.#restFaults = this.#restFaults.filter(
      (f) =>
        (f.remaining === undefined || f.remaining > 0) &&
        (f.untilMs === undefined || f.untilMs > now),
    );
    const fault = this.#restFaults.find((f) => !f.pathPrefix || path.startsWith(f.pathPrefix));
    if (fault?.remaining !== undefined) {
      fault.remaining -= 1;
    }
    return fault;
  }

  failSasl(opts: { count?: number; seconds?: number }): void {
    const next: { remaining?: number; untilMs?: number } = {};
    if (opts.count !== undefined) {
      next.remaining = opts.count;
    }
    if (opts.seconds !== undefined) {
      next.untilMs = this.#now() + opts.seconds * 1000;
    }
    if (next.remaining === undefined && next.untilMs === undefined) {
      next.remaining = 1;
    }
    this.#sasl = next;
  }

  /** True when this SASL attempt must fail (consumes one count). */
  takeSaslFailure(): boolean {
    const s = this.#sasl;
    if (!s) {
      return false;
    }
    if (s.untilMs !== undefined && s.untilMs <= this.#now()) {
      this.#sasl = null;
      return false;
    }
    if (s.remaining !== undefined) {
      if (s.remaining <= 0) {
        this.#sasl = null;
        return false;
      }
      s.remaining -= 1;
    }
    return true;
  }

  refusing(): boolean {
    return this.refuseUpgradesUntil > this.#now();
  }

  blackholed(): boolean {
    return this.blackholeUntil > this.#now();
  }

  clear(): void {
    this.restLatencyMs = 0;
    this.wsLatencyMs = 0;
    this.refuseUpgradesUntil = 0;
    this.blackholeUntil = 0;
    this.blackholeUpgrades = 'hold';
    this.mediaLossPercent = null;
    this.#restFaults = [];
    this.#sasl = null;
  }

  snapshot(): FaultSnapshot {
    return {
      restLatencyMs: this.restLatencyMs,
      wsLatencyMs: this.wsLatencyMs,
      restFaults: this.#restFaults.map((f) => ({ ...f })),
      refuseUpgradesUntil: this.refuseUpgradesUntil,
      blackholeUntil: this.blackholeUntil,
      blackholeUpgrades: this.blackholeUpgrades,
      saslFailures: this.#sasl ? { ...this.#sasl } : null,
      mediaLossPercent: this.mediaLossPercent,
    };
  }
}
