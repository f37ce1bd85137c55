/**
 * SoftphonePort: everything the offscreen supervisor needs from a softphone, in plain data.
 * The Genesys adapter (genesys-softphone.ts) and the test fake both implement it; nothing else in
 * the extension ever sees an SDK object.
 *
 * Lifecycle: idle ──start()──▶ started ──destroy()──▶ idle (start() may be called again).
 * Call and device methods reject with SoftphoneError('invalid-state') while idle.
 */
import type { CallEvent } from '../../shared/calls/call-events';
import type { PlatformCall } from './rest-actions';
import type { SoftphoneErrorReason } from './softphone-error';

export type { PlatformCall } from './rest-actions';

export interface SoftphoneConfig {
  /** Region domain ('mypurecloud.ie') or a full origin ('http://127.0.0.1:8787'). */
  environment: string;
  /** Streaming host override ('wss://streaming.mypurecloud.ie', 'ws://127.0.0.1:8787'). */
  wsHost?: string;
  accessToken: string;
  useServerSidePings: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Names this client to Genesys; also keys the SDK's backoff memory in sessionStorage. */
  appName: string;
  appVersion: string;
  /** Let calls flagged auto-answer by Genesys connect without the agent. */
  autoAnswerAllowed: boolean;
  /** Telemetry to Genesys; always off for http://127.0.0.1 / localhost environments. */
  optOutOfTelemetry?: boolean;
  /** Bound on start(); the SDK itself retries 429/5xx forever. Default 30 s. */
  startTimeoutMs?: number;
  /** The devices the SDK is built with (its defaults for the first call). */
  devices?: DeviceSelection;
}

export type TraceLevel = 'debug' | 'info' | 'warn' | 'error';

export type SoftphoneEvent =
  | { type: 'ready' }
  | { type: 'connected'; reconnect: boolean }
  /** `reconnecting` is false when the SDK gave up (401/403, or disconnect()). */
  | { type: 'disconnected'; reconnecting: boolean }
  | {
      type: 'error';
      reason: SoftphoneErrorReason;
      /** Stable code from the diagnostics taxonomy, e.g. 'auth.invalid-token'. */
      code: string;
      status?: number;
      message: string;
      conversationId?: string;
    }
  | CallEvent
  | {
      type: 'station';
      associated: boolean;
      persistent: boolean;
      forceTurn: boolean;
      lineAppearances: number;
      /** Whether calls flagged auto-answer connect by themselves on this client. */
      autoAnswer: boolean;
    }
  | { type: 'trace'; level: TraceLevel; message: string };

export interface AudioDevice {
  deviceId: string;
  kind: 'audioinput' | 'audiooutput';
  label: string;
  groupId: string;
}

/** Device ids as enumerateDevices() gives them; 'default' is the system default, absent: as is. */
export interface DeviceSelection {
  microphoneId?: string;
  speakerId?: string;
}

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';

/** Raw-ish transport numbers of one call; quality scores are computed elsewhere. */
export interface MediaStats {
  conversationId: string;
  /** Epoch ms of the report. */
  at: number;
  codec?: string;
  bytesSent: number;
  bytesReceived: number;
  packetsSent: number;
  packetsReceived: number;
  packetsLost: number;
  /** Fraction lost in the current reporting interval as seen by the remote side (0..1). */
  fractionLost?: number;
  jitterMs?: number;
  rttMs?: number;
  /** Level of the received audio (0..1). */
  audioLevel?: number;
  localCandidateType?: CandidateType;
  remoteCandidateType?: CandidateType;
  /** True when either side of the selected pair is a TURN relay. */
  relayed?: boolean;
  iceState: string;
  connectionState: string;
}

export interface PeerConnectionHealth {
  conversationId: string;
  iceState: string;
  connectionState: string;
  /** Whether the call sends a live microphone track (false once an unplugged device ended it). */
  sendingAudio?: boolean;
}

export interface SignallingHealth {
  /** The streaming client believes it is connected. */
  connected: boolean;
  /** A WebSocket is open right now. */
  socketOpen: boolean;
  /** Epoch ms of the last inbound XMPP data, if any. */
  lastInboundAt?: number;
  peerConnections: PeerConnectionHealth[];
}

export interface SoftphonePort {
  /** Creates and initialises the SDK; rejects with a classified SoftphoneError. */
  start(config: SoftphoneConfig): Promise<void>;
  /** Tears the SDK down (live calls end). Always resolves within about `timeoutMs`. */
  destroy(timeoutMs: number): Promise<void>;
  subscribe(listener: (event: SoftphoneEvent) => void): () => void;
  setAccessToken(token: string): void;
  /** Rejects with 'not-pending' unless the call is still alerting here. */
  answer(conversationId: string): Promise<void>;
  decline(conversationId: string): Promise<void>;
  hangUp(conversationId: string): Promise<void>;
  setMute(conversationId: string, muted: boolean): Promise<void>;
  setHold(conversationId: string, held: boolean): Promise<void>;
  sendDigits(conversationId: string, digits: string): Promise<void>;
  dial(number: string): Promise<{ conversationId: string }>;
  blindTransfer(conversationId: string, address: string): Promise<void>;
  /** The agent's calls that are not over on the platform (REST), whatever this client knows. */
  platformCalls(): Promise<PlatformCall[]>;
  /**
   * Offers an alerting call from `platformCalls()` whose propose never reached this client (it
   * rang while the softphone was starting or reconnecting): announced with `call-alerting`;
   * answer() and decline() then act on it through the Platform API, and the media session the
   * platform sends after an answer is accepted at once. False when the call is known here already.
   */
  offerMissed(call: PlatformCall): boolean;
  /**
   * Takes the agent off a call this client has no media for (e.g. one a previous offscreen
   * document had), so the caller is not left in silence; a live call here is hung up.
   */
  abandon(conversationId: string): Promise<void>;
  /** Switches devices for future and live calls; a live call keeps two-way audio. */
  setDevices(selection: DeviceSelection): Promise<void>;
  /**
   * Gives a live call that sends no microphone audio a microphone again (the chosen one while it
   * is connected, else the default); rejects ('microphone.device-lost') when there is none.
   */
  restoreMicrophone(conversationId: string): Promise<void>;
  listDevices(): Promise<AudioDevice[]>;
  /** Null when there is no media session for the conversation. */
  getMediaStats(conversationId: string): Promise<MediaStats | null>;
  health(): SignallingHealth;
  /** One XMPP ping round trip through the live stream, in ms; rejects on timeout. */
  probe(timeoutMs: number): Promise<number>;
  /** Forces the streaming connection to reconnect now, keeping the SDK and live call media. */
  reconnectSignalling(timeoutMs?: number): Promise<void>;
  /** Forgets the streaming client's remembered reconnect backoff. */
  clearBackoffMemory(): void;
}

/** Platform API calls for interaction records on a conversation (the adapter implements them). */
export interface ParticipantRecords {
  /** The agent's user id and name on the conversation. */
  agentOnCall(conversationId: string): Promise<{ userId: string; name?: string }>;
  /** Participant attributes on the customer's participant (while the call is live). */
  writeAttributes(conversationId: string, attributes: Record<string, string>): Promise<void>;
  /** The queue's wrap-up codes, and whether after-call work is required. */
  wrapupCodes(
    conversationId: string,
  ): Promise<{ required: boolean; codes: { id: string; name: string }[] }>;
  submitWrapup(conversationId: string, wrapup: { code: string; notes?: string }): Promise<void>;
}
