/**
 * Injected Table API behaviour: lookup latency and failing answers (403 ACL, 429 with
 * Retry-After, 5xx). Faults are checked in order rate limit → server error → ACL; a counted
 * fault is used up by the requests it answers.
 */
import type { ActiveFault, ParsedFaultSpec } from '../control/control-schema';

export interface FaultHit {
  status: number;
  message: string;
  detail: string;
  retryAfterSec?: number;
}

export interface FaultInjector {
  latencyMs: number;
  add(spec: ParsedFaultSpec): ActiveFault;
  list(): ActiveFault[];
  clear(): void;
  /** The failing answer for this Table API request, if a fault applies (and uses it up). */
  check(table: string, method: string): FaultHit | undefined;
}

const PRIORITY = { 'rate-limit': 0, 'server-error': 1, acl: 2 } as const;

function applies(fault: ActiveFault, table: string, method: string, now: number): boolean {
  const { spec } = fault;
  if (fault.untilEpochMs !== null && now >= fault.untilEpochMs) {
    return false;
  }
  if (fault.remainingRequests !== null && fault.remainingRequests <= 0) {
    return false;
  }
  if (spec.table !== undefined && spec.table !== table) {
    return false;
  }
  return (
    spec.type !== 'acl' || spec.methods === undefined || spec.methods.includes(method as 'GET')
  );
}

function answer(fault: ActiveFault, table: string, now: number): FaultHit {
  const { spec } = fault;
  switch (spec.type) {
    case 'acl':
      return {
        status: 403,
        message: 'User Not Authorized',
        detail: `ACL restricts access to table ${table}`,
      };
    case 'rate-limit': {
      const left = fault.untilEpochMs === null ? 1 : Math.ceil((fault.untilEpochMs - now) / 1000);
      return {
        status: 429,
        message: 'Too Many Requests',
        detail: 'The rate limit for this user has been exceeded. Try again later.',
        retryAfterSec: spec.retryAfterSec ?? Math.max(1, left),
      };
    }
    case 'server-error':
      return {
        status: spec.status,
        message: 'Internal Server Error',
        detail: 'The instance could not process the request',
      };
  }
}

export function createFaultInjector(
  latencyMs: number,
  now: () => number = Date.now,
): FaultInjector {
  let faults: ActiveFault[] = [];
  let nextId = 1;
  const prune = (): void => {
    const t = now();
    faults = faults.filter(
      (f) =>
        (f.untilEpochMs === null || t < f.untilEpochMs) &&
        (f.remainingRequests === null || f.remainingRequests > 0),
    );
  };

  return {
    latencyMs,
    add(spec) {
      const fault: ActiveFault = {
        id: nextId++,
        spec,
        remainingRequests: null,
        untilEpochMs: null,
      };
      if (spec.type !== 'acl') {
        const onceByDefault = spec.type === 'server-error' && spec.seconds === undefined;
        fault.remainingRequests = spec.requests ?? (onceByDefault ? 1 : null);
        fault.untilEpochMs = spec.seconds === undefined ? null : now() + spec.seconds * 1000;
      }
      faults.push(fault);
      return structuredClone(fault);
    },
    list() {
      prune();
      return structuredClone(faults);
    },
    clear() {
      faults = [];
    },
    check(table, method) {
      const t = now();
      const hit = faults
        .filter((f) => applies(f, table, method, t))
        .sort((a, b) => PRIORITY[a.spec.type] - PRIORITY[b.spec.type])[0];
      if (!hit) {
        return undefined;
      }
      if (hit.remainingRequests !== null) {
        hit.remainingRequests -= 1;
      }
      const result = answer(hit, table, t);
      prune();
      return result;
    },
  };
}
