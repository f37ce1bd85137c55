/**
 * The Genesys Cloud hosts a configuration talks to: API, login and streaming (WebSocket), from the
 * SDK environment (a region domain or a loopback origin) and the optional streaming override.
 */
import { parseCustomEnvironment } from '../../shared/auth/environment';
import type { SessionConfig } from '../../shared/protocol/schemas';

export interface Endpoints {
  /** The environment as the agent configured it ('mypurecloud.ie', 'http://127.0.0.1:8787'). */
  environment: string;
  api: string;
  login: string;
  /** ws:// or wss:// base of the streaming host. */
  streaming: string;
}

export function endpointsFor(config: Pick<SessionConfig, 'sdkEnvironment' | 'wsHost'>): Endpoints {
  const env = parseCustomEnvironment(config.sdkEnvironment);
  return {
    environment: config.sdkEnvironment,
    api: env.apiBase,
    login: env.loginBase,
    streaming: (config.wsHost ?? env.streamingBase).replace(/\/$/, ''),
  };
}

/** The https:// (or http://) origin behind a ws(s):// URL, for a plain reachability fetch. */
export function httpOrigin(wsUrl: string): string {
  const url = new URL(wsUrl);
  return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`;
}
