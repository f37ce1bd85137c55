/** Builds the stand-in's state and starts its HTTP server on 127.0.0.1. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServiceNowControl, type ServiceNowControl } from '../control-client';
import { SEED_AGENT } from '../seed/ids';
import { SEED } from '../seed/seed';
import { createTableStore } from '../store/table-store';
import type { StandInContext } from './context';
import { createFaultInjector } from './faults';
import { createRequestLog } from './request-log';
import { createRequestHandler } from './router';
import { createSessionRegistry } from './sessions';

export interface ServiceNowOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Delay of Table API GETs; default 1200 ms, like a real instance's caller lookup. */
  lookupLatencyMs?: number;
}

export interface ServiceNowStandIn {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  control: ServiceNowControl;
  /** Idempotent. Cancels pending delays and drops open connections. */
  close(): Promise<void>;
}

export const DEFAULT_LOOKUP_LATENCY_MS = 1200;

export async function startServiceNow(options: ServiceNowOptions = {}): Promise<ServiceNowStandIn> {
  const latency = options.lookupLatencyMs ?? DEFAULT_LOOKUP_LATENCY_MS;
  const aborter = new AbortController();
  const ctx: StandInContext = {
    store: createTableStore(SEED),
    sessions: createSessionRegistry(SEED_AGENT),
    faults: createFaultInjector(latency),
    log: createRequestLog(),
    defaultLatencyMs: latency,
    agent: SEED_AGENT,
    signal: aborter.signal,
  };
  const server = createServer(createRequestHandler(ctx));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    control: createServiceNowControl(url),
    close() {
      closing ??= new Promise<void>((resolve) => {
        aborter.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
