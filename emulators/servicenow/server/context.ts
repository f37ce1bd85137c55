/** Everything a request handler of the stand-in may touch. */
import type { TableStore } from '../store/table-store';
import type { FaultInjector } from './faults';
import type { RequestLog } from './request-log';
import type { SessionRegistry } from './sessions';

export interface StandInContext {
  store: TableStore;
  sessions: SessionRegistry;
  faults: FaultInjector;
  log: RequestLog;
  /** Latency restored by a full reset. */
  defaultLatencyMs: number;
  agent: { sysId: string; userName: string; name: string };
  /** Aborted when the server closes, cancelling pending delays. */
  signal: AbortSignal;
}
