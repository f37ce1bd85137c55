/**
 * The services one emulator instance is made of, wired together in server.ts. Modules receive the
 * hub and reach their peers through it, so no module imports another's runtime state.
 */
import type { CallManager } from './calls/manager';
import type { Faults } from './faults';
import type { MediaPeerFactory } from './media/peer';
import type { OAuthStore } from './oauth/store';
import type { RequestLog } from './request-log';
import type { Directory } from './state';
import type { TokenStore } from './tokens';
import type { IceService } from './xmpp/stanzas';
import type { Streaming } from './xmpp/streaming';

export interface HubOptions {
  /** Interval of server-side pings once a client asks for them. */
  serverPingIntervalMs: number;
  /** How long an inbound call alerts before it is retracted, unless the call says otherwise. */
  defaultAlertTimeoutMs: number;
  /** How long the far end of an outbound call rings before it answers. */
  outboundAnswerDelayMs: number;
  /** Returned by XEP-0215 discovery; at least one STUN entry keeps ICE off relay-only. */
  stunServers: IceService[];
  turnServers: IceService[];
  /** Lifetime of tokens issued by the OAuth endpoint. */
  tokenExpiresInSec: number;
}

export interface Hub {
  readonly options: HubOptions;
  readonly dir: Directory;
  readonly tokens: TokenStore;
  readonly faults: Faults;
  readonly log: RequestLog;
  readonly streaming: Streaming;
  readonly calls: CallManager;
  readonly media: MediaPeerFactory;
  readonly oauth: OAuthStore;
  /** Base URL (http://127.0.0.1:PORT) once listening. */
  baseUrl: string;
}
