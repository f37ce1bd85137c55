/**
 * Every access to private fields of the Genesys SDK and its streaming client lives here, typed as
 * narrowly as the code needs. Read from genesys-cloud-webrtc-sdk 9.2.4 `dist/es/index.bundle.js`,
 * which embeds genesys-cloud-streaming-client 17.2.7 (client.js, webrtc.js) and stanza 12.20.0
 * (transports/websocket.js, plugins/connection.js). Re-check each one when the SDK is upgraded.
 */

/** stanza WSConnection. `disconnect(false)` closes the socket at once, without a close frame. */
export interface StanzaTransport {
  /** `onmessage` hands each frame to the stream parser (WSConnection.connect). */
  socket?: { readyState: number; onmessage?: ((message: { data: unknown }) => void) | null };
  disconnect(clean?: boolean): void;
}

/** stanza Client, one per connection attempt (connection-manager.js). */
export interface StanzaInstance {
  id?: string;
  transport?: StanzaTransport;
  /** XEP-0199 ping to the server; stanza rejects after its own 15 s IQ timeout. */
  ping(jid?: string): Promise<void>;
  disconnect(): Promise<void>;
}

type Listener = (...args: never[]) => void;

/** One entry of the webrtc extension's `iceServers` (set by XEP-0215 discovery, webrtc.js). */
export interface DiscoveredServer {
  type?: string;
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** The webrtc extension behind `webrtcSessions` (webrtc.js): discovered servers and a refresh. */
interface WebrtcSessionsPrivate {
  iceServers?: DiscoveredServer[];
  refreshIceServers?(): Promise<unknown>;
}

/** genesys-cloud-streaming-client `Client` (client.js). */
export interface StreamingClient {
  connected: boolean;
  connecting: boolean;
  /** False after disconnect() or a fatal (401/403) connect failure path. */
  autoReconnect: boolean;
  /** Once true, connect() delays even its first attempt (`delayFirstAttempt`). */
  hasMadeInitialAttempt: boolean;
  activeStanzaInstance?: StanzaInstance | undefined;
  backoffReductionTimer?: Parameters<typeof clearTimeout>[0];
  /** Looked up on `this` by the backoff loop before every attempt. */
  makeConnectionAttempt(): Promise<void>;
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  _webrtcSessions?: WebrtcSessionsPrivate;
  /** The notifications extension (notifications.js `expose`): topic subscriptions, kept across reconnects. */
  notifications?: {
    subscribe(topic: string, handler: (payload: unknown) => void): Promise<unknown>;
    unsubscribe(topic: string, handler: (payload: unknown) => void): Promise<unknown>;
  };
  /** The webrtc extension's public face; emits `incomingRtcSession` for offers and re-invites. */
  webrtcSessions?: {
    on(event: string, listener: Listener): unknown;
    off(event: string, listener: Listener): unknown;
  };
}

/** GenesysCloudMediaSession (SDP over XMPP) or StanzaMediaSession (Jingle). */
export interface MediaSession {
  id: string;
  conversationId?: string;
  sessionType?: string;
  state?: string;
  peerConnection: RTCPeerConnection;
  /** Set on a session that a re-invite replaced (softphone-session-handler.js). */
  sessionReplacedByReinvite?: boolean;
}

interface SoftphoneHandler {
  sessionType: string;
  conversations?: Record<string, { session?: MediaSession } | undefined>;
}

interface SessionManager {
  getAllSessions(): MediaSession[];
  getPendingSession(params: { conversationId: string; sessionType?: string }): unknown;
  sessionHandlers?: SoftphoneHandler[];
}

interface SdkPrivate {
  _streamingConnection?: StreamingClient | null;
  _personDetails?: { id?: unknown } | null;
  sessionManager?: SessionManager;
}

const view = (sdk: object): SdkPrivate => sdk;

export function streamingClientOf(sdk: object): StreamingClient | undefined {
  return view(sdk)._streamingConnection ?? undefined;
}

export function userIdOf(sdk: object): string | undefined {
  const id = view(sdk)._personDetails?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Every media session the streaming client holds (current stanza instance and SDP sessions). */
export function mediaSessionsOf(sdk: object): MediaSession[] {
  try {
    return view(sdk).sessionManager?.getAllSessions() ?? [];
  } catch {
    return []; // getAllSessions throws before the streaming client exists
  }
}

/** The session carrying a conversation, including a persistent connection's shared session. */
export function findMediaSession(sdk: object, conversationId: string): MediaSession | undefined {
  const direct = mediaSessionsOf(sdk).find(
    (s) => s.conversationId === conversationId && s.state !== 'ended',
  );
  if (direct !== undefined) {
    return direct;
  }
  const softphone = view(sdk).sessionManager?.sessionHandlers?.find(
    (h) => h.sessionType === 'softphone',
  );
  return softphone?.conversations?.[conversationId]?.session;
}

/** Whether the SDK still holds a pending (proposed, unanswered) session for the conversation. */
export function hasPendingSession(sdk: object, conversationId: string): boolean {
  const manager = view(sdk).sessionManager;
  return manager?.getPendingSession({ conversationId, sessionType: 'softphone' }) !== undefined;
}

/** The STUN/TURN servers the streaming client discovered (credentials included: keep them here). */
export function discoveredIceServers(sdk: object): DiscoveredServer[] {
  return streamingClientOf(sdk)?._webrtcSessions?.iceServers ?? [];
}

/** Asks Genesys Cloud for the ICE servers again (XEP-0215); undefined without a stream. */
export function refreshIceServers(sdk: object): Promise<unknown> | undefined {
  const sessions = streamingClientOf(sdk)?._webrtcSessions;
  return sessions?.refreshIceServers?.();
}
